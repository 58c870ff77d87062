#include "core/layout/line_breaking.hpp"

#include <gtest/gtest.h>

#include "core/text/utf8.hpp"
#include "layout_support.hpp"

namespace scholion {
namespace {

using test::FixedMetrics;
using Lines = std::vector<std::string>;

// The text with "|" at every allowed break.
std::string breaks(const std::string& utf8) {
  const std::u32string text = to_utf32(utf8);
  std::u32string out;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (line_break_at(text, i) == LineBreak::allowed) out += U'|';
    out += text[i];
  }
  return to_utf8(out);
}

// The drawn part of each line of `paragraph` filled to `width` fixed-advance columns.
Lines lines_of(const std::string& paragraph, float width) {
  const std::u32string text = to_utf32(paragraph);
  const FixedMetrics metrics;
  Lines out;
  for (const LineSpan& s : break_lines(text, metrics, TextStyle::body, width)) {
    out.push_back(to_utf8(std::u32string_view(text).substr(s.start, s.end - s.start)));
  }
  return out;
}

// --- Break opportunities ----------------------------------------------------------------

TEST(LineBreakAt, AfterSpacesNotBeforeThem) {
  EXPECT_EQ(breaks("the quick  brown"), "the |quick  |brown");
  EXPECT_EQ(breaks(" lead"), " |lead");
}

TEST(LineBreakAt, AfterHyphensAndDashesBetweenWords) {
  EXPECT_EQ(breaks("EU-facilitated"), "EU-|facilitated");
  EXPECT_EQ(breaks("well\u2014known and\u2013so"), "well\u2014|known |and\u2013|so");
  EXPECT_EQ(breaks("x - y"), "x |- |y");
}

TEST(LineBreakAt, NotAfterAWordInitialHyphenOrBeforeANumber) {
  EXPECT_EQ(breaks("a -b"), "a |-b");
  EXPECT_EQ(breaks("pages 10-15, -5"), "pages |10-15, |-5");
  EXPECT_EQ(breaks("a--b"), "a--|b");
}

TEST(LineBreakAt, NeverNextToGlue) {
  EXPECT_EQ(breaks("Mr.\u00A0Twain went"), "Mr.\u00A0Twain |went");
  EXPECT_EQ(breaks("said \u2060\u2014 so"), "said \u2060\u2014 |so");
  EXPECT_EQ(breaks("10\u202Fkm away"), "10\u202Fkm |away");
  EXPECT_EQ(breaks("one two\u2060\u2014three"), "one |two\u2060\u2014|three");
  EXPECT_EQ(breaks("non\u2011breaking"), "non\u2011breaking");
}

TEST(LineBreakAt, NotBeforeClosingPunctuation) {
  EXPECT_EQ(breaks("Quoi ? Oui !"), "Quoi ? |Oui !");
  EXPECT_EQ(breaks("\u201Cquoted\u201D text"), "\u201Cquoted\u201D |text");
  EXPECT_EQ(breaks("word\u2014\u201Cquote\u201D"), "word\u2014\u201Cquote\u201D");
}

TEST(LineBreakAt, NeverInsideAGraphemeCluster) {
  EXPECT_EQ(breaks("a \u0301b"), "a \u0301b");  // a space with a mark acts as a letter
  EXPECT_EQ(breaks("e\u0301 f"), "e\u0301 |f");
  EXPECT_EQ(breaks("\U0001F1F7\U0001F1F8\U0001F1F7\U0001F1F8"), "\U0001F1F7\U0001F1F8\U0001F1F7\U0001F1F8");
  EXPECT_EQ(breaks("\u65E5\u672C\U0001F469\u200D\U0001F467"), "\u65E5|\u672C|\U0001F469\u200D\U0001F467");
}

TEST(LineBreakAt, AfterZeroWidthSpaceAndBetweenIdeographs) {
  EXPECT_EQ(breaks("a\u200Bb"), "a\u200B|b");
  EXPECT_EQ(breaks("\u65E5\u672C\u3002\u8A9E"), "\u65E5|\u672C\u3002|\u8A9E");
}

TEST(LineBreakAt, MandatoryAfterALineFeed) {
  const std::u32string text = U"a\nb\r\nc";
  EXPECT_EQ(line_break_at(text, 2), LineBreak::mandatory);
  EXPECT_EQ(line_break_at(text, 4), LineBreak::none);  // inside CR LF
  EXPECT_EQ(line_break_at(text, 5), LineBreak::mandatory);
  const std::u32string separators = U"a\u2028b\u2029c\u0085d";
  for (uint32_t p : {2u, 4u, 6u}) EXPECT_EQ(line_break_at(separators, p), LineBreak::mandatory) << p;
  EXPECT_EQ(lines_of("ab\u2029cd", 10), (Lines{"ab", "cd"}));
}

// --- Filling lines ------------------------------------------------------------------------

TEST(BreakLines, FillsGreedilyAndLetsSpacesHang) {
  EXPECT_EQ(lines_of("the quick brown fox", 10), (Lines{"the quick", "brown fox"}));
  EXPECT_EQ(lines_of("the quick brown fox", 9), (Lines{"the quick", "brown fox"}));
  EXPECT_EQ(lines_of("the quick brown fox", 19), (Lines{"the quick brown fox"}));
  const std::u32string text = U"aaa bbb";
  const FixedMetrics metrics;
  const auto spans = break_lines(text, metrics, TextStyle::body, 3);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (LineSpan{0, 3, 4, 3, false}));  // the space belongs to line 1, undrawn
  EXPECT_EQ(spans[1], (LineSpan{4, 7, 7, 3, false}));
}

TEST(BreakLines, AfterHyphensAndDashes) {
  EXPECT_EQ(lines_of("EU-facilitated dialogue", 11), (Lines{"EU-", "facilitated", "dialogue"}));
  EXPECT_EQ(lines_of("abc\u2014defgh", 6), (Lines{"abc\u2014", "defgh"}));
}

TEST(BreakLines, NeverAtNoBreakSpaceOrWordJoiner) {
  EXPECT_EQ(lines_of("Mr.\u00A0Twain went", 9), (Lines{"Mr.\u00A0Twain", "went"}));
  // A word joiner glues the space before it to the dash after it (UAX #14 LB11).
  EXPECT_EQ(lines_of("said \u2060\u2014 so", 7), (Lines{"said \u2060\u2014", "so"}));
  EXPECT_EQ(lines_of("one two\u2060\u2014three", 6), (Lines{"one", "two\u2060\u2014", "three"}));
  EXPECT_EQ(lines_of("ab\u00A0cd\u00A0ef", 4), (Lines{"ab\u00A0c", "d\u00A0ef"}));
}

TEST(BreakLines, NeverInsideAFlagOrAZwjEmoji) {
  const std::string flag = "\U0001F1F7\U0001F1F8";  // 🇷🇸: two code points, 2 columns
  EXPECT_EQ(lines_of(flag + flag + flag, 3), (Lines{flag, flag, flag}));
  EXPECT_EQ(lines_of(flag + flag + flag, 5), (Lines{flag + flag, flag}));
  const std::string family = "\U0001F469\u200D\U0001F469\u200D\U0001F467";  // 3 columns
  EXPECT_EQ(lines_of(family + family, 4), (Lines{family, family}));
  EXPECT_EQ(lines_of("ab " + family, 4), (Lines{"ab", family}));
  // A cluster wider than the line gets a line of its own.
  EXPECT_EQ(lines_of("a" + family + "b", 1), (Lines{"a", family, "b"}));
}

TEST(BreakLines, BreaksAWordTooLongForTheLineBetweenClusters) {
  EXPECT_EQ(lines_of("abcdefghij", 4), (Lines{"abcd", "efgh", "ij"}));
  EXPECT_EQ(lines_of("abce\u0301fg", 4), (Lines{"abc", "e\u0301fg"}));
  EXPECT_EQ(lines_of("go abcdefghij", 4), (Lines{"go", "abcd", "efgh", "ij"}));
}

TEST(BreakLines, LineFeedsEndLines) {
  EXPECT_EQ(lines_of("ab\ncd", 10), (Lines{"ab", "cd"}));
  EXPECT_EQ(lines_of("ab\n", 10), (Lines{"ab", ""}));
  EXPECT_EQ(lines_of("  x  \n\ny", 10), (Lines{"  x", "", "y"}));
  EXPECT_EQ(lines_of("", 10), (Lines{""}));
}

TEST(BreakLines, InvisibleCodePointsTakeNoWidth) {
  EXPECT_EQ(lines_of("ab\u200D\u2060\uFE0Fcd ef", 4), (Lines{"ab\u200D\u2060\uFE0Fcd", "ef"}));
}

}  // namespace
}  // namespace scholion
