#include "core/layout/line_breaking.hpp"

#include <gtest/gtest.h>

#include "core/text/utf8.hpp"
#include "layout_support.hpp"

namespace scholion {
namespace {

using test::FixedMetrics;
using Lines = std::vector<std::string>;

// A stand-in for the browser's Intl.Segmenter: cuts each run it is asked about into the
// longest words of its dictionary, left to right, and remembers the runs.
class DictionaryWords : public BreakOpportunities {
 public:
  explicit DictionaryWords(std::vector<std::string> words) {
    for (const auto& w : words) words_.push_back(to_utf32(w));
  }
  void word_starts(std::u32string_view run, std::vector<uint32_t>& out) const override {
    runs.push_back(to_utf8(run));
    for (std::size_t at = 0; at < run.size();) {
      std::size_t longest = 1;
      for (const auto& w : words_) {
        if (w.size() > longest && run.substr(at, w.size()) == w) longest = w.size();
      }
      at += longest;
      if (at < run.size()) out.push_back(static_cast<uint32_t>(at));
    }
  }
  mutable std::vector<std::string> runs;

 private:
  std::vector<std::u32string> words_;
};

// Reports the same offsets for every run, however wrong.
class FixedOffsets : public BreakOpportunities {
 public:
  explicit FixedOffsets(std::vector<uint32_t> offsets) : offsets_(std::move(offsets)) {}
  void word_starts(std::u32string_view, std::vector<uint32_t>& out) const override {
    out.insert(out.end(), offsets_.begin(), offsets_.end());
  }

 private:
  std::vector<uint32_t> offsets_;
};

// "ฉันกินข้าว แมวนอน": I eat rice, the cat sleeps. Thai marks (ั ิ ้) are combining.
const std::string kThai = "\u0E09\u0E31\u0E19\u0E01\u0E34\u0E19\u0E02\u0E49\u0E32\u0E27 "
                          "\u0E41\u0E21\u0E27\u0E19\u0E2D\u0E19";
const DictionaryWords& thai_words() {
  static const DictionaryWords words({"\u0E09\u0E31\u0E19", "\u0E01\u0E34\u0E19",
                                      "\u0E02\u0E49\u0E32\u0E27", "\u0E41\u0E21\u0E27",
                                      "\u0E19\u0E2D\u0E19"});
  return words;
}

// The text with "|" at every allowed break.
std::string breaks(const std::string& utf8, const BreakOpportunities* words = nullptr) {
  const std::u32string text = to_utf32(utf8);
  const std::vector<LineBreak> kinds = line_breaks(text, words);
  std::u32string out;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (kinds[i] == LineBreak::allowed) out += U'|';
    out += text[i];
  }
  return to_utf8(out);
}

// The drawn part of each line of `paragraph` filled to `width` fixed-advance columns.
Lines lines_of(const std::string& paragraph, float width, const BreakOpportunities* words = nullptr) {
  const std::u32string text = to_utf32(paragraph);
  const FixedMetrics metrics;
  Lines out;
  for (const LineSpan& s : break_lines(text, metrics, TextStyle::body, width, words)) {
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
  EXPECT_EQ(breaks("well-known and\u2013so"), "well-|known |and\u2013|so");
  EXPECT_EQ(breaks("x - y"), "x |- |y");
}

// UAX #14 gives an em dash (B2) a break opportunity on both sides.
TEST(LineBreakAt, BeforeAndAfterAnEmDash) {
  EXPECT_EQ(breaks("well\u2014known"), "well|\u2014|known");
  EXPECT_EQ(breaks("a\u2014\u2014b"), "a|\u2014\u2014|b");  // not between two (LB17)
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
  EXPECT_EQ(breaks("word\u2014\u201Cquote\u201D"), "word|\u2014\u201Cquote\u201D");  // an em dash: see below
}

TEST(LineBreakAt, NeverInsideAGraphemeCluster) {
  EXPECT_EQ(breaks("a \u0301b"), "a \u0301b");  // a space with a mark acts as a letter
  EXPECT_EQ(breaks("e\u0301 f"), "e\u0301 |f");
  // Between two flags, as between two ideographs; never inside one (LB30a).
  EXPECT_EQ(breaks("\U0001F1F7\U0001F1F8\U0001F1F7\U0001F1F8"), "\U0001F1F7\U0001F1F8|\U0001F1F7\U0001F1F8");
  EXPECT_EQ(breaks("\u65E5\u672C\U0001F469\u200D\U0001F467"), "\u65E5|\u672C|\U0001F469\u200D\U0001F467");
}

TEST(LineBreakAt, AfterZeroWidthSpaceAndBetweenIdeographs) {
  EXPECT_EQ(breaks("a\u200Bb"), "a\u200B|b");
  EXPECT_EQ(breaks("\u65E5\u672C\u3002\u8A9E"), "\u65E5|\u672C\u3002|\u8A9E");
}

TEST(LineBreakAt, NotAfterAWordInitialHyphenBeforeALetter) {
  // UAX #14 of Unicode 15.0 would break "-|b"; later versions (LB20a) and this layout keep it.
  EXPECT_EQ(breaks("-b a -b a\u00A0-b"), "-b |a |-b |a\u00A0-b");
  EXPECT_EQ(breaks("a \u2010b"), "a |\u2010b");
  EXPECT_EQ(breaks("a -1"), "a |-1");
}

TEST(LineBreakAt, KeepsNumbersWhole) {
  EXPECT_EQ(breaks("$(12.50) 1,000.5% 12:30 \u20AC5 (3)"), "$(12.50) |1,000.5% |12:30 |\u20AC5 |(3)");
  EXPECT_EQ(breaks("1/2 and/or"), "1/2 |and/|or");  // a solidus between words is a break
}

// Ideographs and kana break anywhere, except before closing punctuation and small kana,
// and after opening punctuation.
TEST(LineBreakAt, BetweenIdeographsNotNextToTheirPunctuation) {
  EXPECT_EQ(breaks("\u65E5\u672C\u8A9E\u300C\u6587\u300D\u3002"), "\u65E5|\u672C|\u8A9E|\u300C\u6587\u300D\u3002");
  EXPECT_EQ(breaks("\u3042\u3001\uFF08\u6CE8\uFF09\u3067\u3059"), "\u3042\u3001|\uFF08\u6CE8\uFF09|\u3067|\u3059");
  EXPECT_EQ(breaks("\u3061\u3087\u3063\u3068"), "\u3061\u3087\u3063|\u3068");  // ちょっと: small kana (CJ)
  // Hangul too, by default (UAX #14 LB31; CSS word-break: normal does the same).
  EXPECT_EQ(breaks("\uD55C\uAD6D\uC5B4 \uD14D\uC2A4\uD2B8"), "\uD55C|\uAD6D|\uC5B4 |\uD14D|\uC2A4|\uD2B8");
}

TEST(LineBreakAt, AnEmojiKeepsItsSkinTone) {
  EXPECT_EQ(breaks("\U0001F44D\U0001F3FD\U0001F44D"), "\U0001F44D\U0001F3FD|\U0001F44D");
}

TEST(LineBreakAt, MandatoryAfterALineFeed) {
  const auto kinds = line_breaks(U"a\nb\r\nc");
  EXPECT_EQ(kinds[2], LineBreak::mandatory);
  EXPECT_EQ(kinds[4], LineBreak::none);  // inside CR LF
  EXPECT_EQ(kinds[5], LineBreak::mandatory);
  const auto separated = line_breaks(U"a\u2028b\u2029c\u0085d");
  for (uint32_t p : {2u, 4u, 6u}) EXPECT_EQ(separated[p], LineBreak::mandatory) << p;
  EXPECT_EQ(lines_of("ab\u2029cd", 10), (Lines{"ab", "cd"}));
}

// --- Words of Thai, Lao, Khmer and Myanmar ----------------------------------------------

TEST(LineBreakAt, NowhereInsideThaiWithoutASourceOfWords) {
  EXPECT_EQ(breaks(kThai), "\u0E09\u0E31\u0E19\u0E01\u0E34\u0E19\u0E02\u0E49\u0E32\u0E27 |"
                           "\u0E41\u0E21\u0E27\u0E19\u0E2D\u0E19");
}

TEST(LineBreakAt, BetweenThaiWordsTheSourceFinds) {
  const DictionaryWords& words = thai_words();
  words.runs.clear();
  EXPECT_EQ(breaks(kThai, &words), "\u0E09\u0E31\u0E19|\u0E01\u0E34\u0E19|\u0E02\u0E49\u0E32\u0E27 |"
                                   "\u0E41\u0E21\u0E27|\u0E19\u0E2D\u0E19");
  // It is asked about each run of Thai, and about nothing else.
  EXPECT_EQ(words.runs, (Lines{"\u0E09\u0E31\u0E19\u0E01\u0E34\u0E19\u0E02\u0E49\u0E32\u0E27",
                               "\u0E41\u0E21\u0E27\u0E19\u0E2D\u0E19"}));
  EXPECT_EQ(breaks("the cat sleeps", &words), "the |cat |sleeps");
  EXPECT_EQ(words.runs.size(), 2u);
}

TEST(LineBreakAt, IgnoresWordStartsInsideAClusterOrOutsideTheRun) {
  // Offset 1 falls before the mark of "ฉั", 0 and 6 on the run's edges, 99 past it.
  const FixedOffsets offsets({1, 0, 6, 99, 3});
  EXPECT_EQ(breaks("\u0E09\u0E31\u0E19\u0E01\u0E34\u0E19", &offsets), "\u0E09\u0E31\u0E19|\u0E01\u0E34\u0E19");
}

TEST(BreakLines, FillsThaiLinesWordByWord) {
  EXPECT_EQ(lines_of(kThai, 8, &thai_words()),
            (Lines{"\u0E09\u0E31\u0E19\u0E01\u0E34\u0E19", "\u0E02\u0E49\u0E32\u0E27 \u0E41\u0E21\u0E27",
                   "\u0E19\u0E2D\u0E19"}));
  // Without words, the run is one long word, broken between clusters where it overflows.
  EXPECT_EQ(lines_of(kThai, 8), (Lines{"\u0E09\u0E31\u0E19\u0E01\u0E34\u0E19\u0E02\u0E49",
                                       "\u0E32\u0E27", "\u0E41\u0E21\u0E27\u0E19\u0E2D\u0E19"}));
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

TEST(BreakLines, IdeographsFillEveryColumnButNotNextToTheirPunctuation) {
  // 日本語の文章は「括弧」を使い、句点で終わる。（注）です。
  const std::string text = "\u65E5\u672C\u8A9E\u306E\u6587\u7AE0\u306F\u300C\u62EC\u5F27\u300D"
                           "\u3092\u4F7F\u3044\u3001\u53E5\u70B9\u3067\u7D42\u308F\u308B\u3002"
                           "\uFF08\u6CE8\uFF09\u3067\u3059\u3002";
  EXPECT_EQ(lines_of(text, 5), (Lines{"\u65E5\u672C\u8A9E\u306E\u6587", "\u7AE0\u306F\u300C\u62EC",
                                      "\u5F27\u300D\u3092\u4F7F", "\u3044\u3001\u53E5\u70B9\u3067",
                                      "\u7D42\u308F\u308B\u3002", "\uFF08\u6CE8\uFF09\u3067",
                                      "\u3059\u3002"}));
  // From 4 columns on, the widest unbreakable piece ("「括弧」") fits; below that it is
  // broken between clusters like any word too long for the line.
  const std::u32string never_first = U"\u3002\u3001\u300D\uFF09";
  const std::u32string never_last = U"\u300C\uFF08";
  for (float width = 4; width <= 12; ++width) {
    const Lines lines = lines_of(text, width);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::u32string line = to_utf32(lines[k]);
      ASSERT_FALSE(line.empty());
      EXPECT_LE(static_cast<float>(line.size()), width) << lines[k];
      if (k > 0) {
        EXPECT_EQ(never_first.find(line.front()), std::u32string::npos) << width << ": " << lines[k];
      }
      if (k + 1 < lines.size()) {
        EXPECT_EQ(never_last.find(line.back()), std::u32string::npos) << width << ": " << lines[k];
      }
    }
  }
}

TEST(BreakLines, InvisibleCodePointsTakeNoWidth) {
  EXPECT_EQ(lines_of("ab\u200D\u2060\uFE0Fcd ef", 4), (Lines{"ab\u200D\u2060\uFE0Fcd", "ef"}));
}

}  // namespace
}  // namespace scholion
