// Bidirectional text as a reader meets it: which way a paragraph runs, how an Arabic
// sentence quoting a year and a Latin name is laid out, brackets in Hebrew, mirrored
// glyphs, and the white space at the end of a line. The notation: a line as drawn, left
// to right, with mirrored glyphs (rule L4), and its runs as "text@level".
#include "core/text/bidi.hpp"
#include "core/text/bidi_reorder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/text/utf8.hpp"

namespace scholion {
namespace {

// The line [start, end) of `text` as drawn, left to right, glyphs mirrored at odd levels.
std::u32string drawn(std::u32string_view text, const BidiParagraph& p, uint32_t start, uint32_t end) {
  const auto levels = line_levels(p, start, end);
  std::u32string out;
  for (const uint32_t i : visual_order(levels)) {
    out += levels[i] % 2 == 1 ? mirrored(text[start + i]) : text[start + i];
  }
  return out;
}

std::u32string drawn(std::u32string_view text, std::optional<BidiDirection> direction = std::nullopt) {
  const BidiParagraph p = resolve_bidi_paragraph(text, direction);
  return drawn(text, p, 0, p.size());
}

// The runs of a whole-paragraph line, left to right, as "text@level" (logical order
// inside each run, as layout hands it to the shaper).
std::vector<std::string> runs(std::u32string_view text, std::optional<BidiDirection> direction = std::nullopt) {
  const BidiParagraph p = resolve_bidi_paragraph(text, direction);
  std::vector<std::string> out;
  for (const BidiRun& r : visual_runs(p, 0, p.size())) {
    out.push_back(to_utf8(text.substr(r.start, r.end - r.start)) + "@" + std::to_string(r.level));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(BidiParagraphDirection, IsThatOfTheFirstStrongCharacter) {
  EXPECT_EQ(paragraph_direction(U"1984 — the novel"), BidiDirection::ltr);
  EXPECT_EQ(paragraph_direction(U"1984 — שלום"), BidiDirection::rtl);
  EXPECT_EQ(paragraph_direction(U"«مرحبا» said she"), BidiDirection::rtl);
}

TEST(BidiParagraphDirection, SkipsIsolatesAndDefaultsToLeftToRight) {
  EXPECT_EQ(paragraph_direction(U"\u2067שלום\u2069 hello"), BidiDirection::ltr);  // RLI ... PDI
  EXPECT_EQ(paragraph_direction(U"\u2068abc"), BidiDirection::ltr);  // unclosed FSI: no strong outside
  EXPECT_EQ(paragraph_direction(U"123 ..."), BidiDirection::ltr);
  EXPECT_EQ(paragraph_direction(U"123 ...", BidiDirection::rtl), BidiDirection::rtl);
  EXPECT_EQ(paragraph_direction(U""), BidiDirection::ltr);
}

TEST(BidiParagraphDirection, TheArticlesDirWins) {
  EXPECT_EQ(resolve_bidi_paragraph(U"hello", BidiDirection::rtl).level, 1);
  EXPECT_EQ(resolve_bidi_paragraph(U"שלום", BidiDirection::ltr).level, 0);
  EXPECT_EQ(resolve_bidi_paragraph(U"שלום").direction(), BidiDirection::rtl);
}

TEST(BidiLevels, LatinTextIsAllLevelZero) {
  const BidiParagraph p = resolve_bidi_paragraph(U"Plain text, 42.");
  EXPECT_EQ(p.levels, std::vector<BidiLevel>(15, 0));
  EXPECT_EQ(runs(U"Plain text, 42."), Strings({"Plain text, 42.@0"}));
}

TEST(BidiLevels, ArabicSentenceWithDigitsAndALatinName) {
  // "Ahmad was born in 1990 and worked with John Smith." Digits after Arabic letters are
  // Arabic numbers (W2), at level 2 like the Latin name; each reads left to right inside
  // a right-to-left line; the final full stop takes the paragraph's direction.
  const std::u32string text = U"ولد أحمد في 1990 وعمل مع John Smith.";
  EXPECT_EQ(runs(text), Strings({".@1", "John Smith@2", " وعمل مع @1", "1990@2", "ولد أحمد في @1"}));
}

TEST(BidiLevels, ArabicWordAndDigitsInLatinText) {
  // Arabic-Indic digits are Arabic numbers: level 2, left to right, after (to the left
  // of) the Arabic word they follow.
  EXPECT_EQ(runs(U"The sign read قف ١٢ today."),
            Strings({"The sign read @0", "١٢@2", "قف @1", " today.@0"}));
}

TEST(BidiLevels, HebrewWithBracketsAroundLatinTakeTheParagraphsDirection) {
  // N0: the brackets enclose a left-to-right word, but the text before them is Hebrew,
  // so they resolve to right-to-left and mirror: the line reads as a Hebrew reader expects.
  const std::u32string text = U"אמר (hello) לי";
  EXPECT_EQ(runs(text), Strings({") לי@1", "hello@2", "אמר (@1"}));
  EXPECT_EQ(drawn(text), U"יל (hello) רמא");
}

TEST(BidiLevels, LatinWithBracketsAroundHebrewStayLeftToRight) {
  const std::u32string text = U"the word (שלום) means peace";
  const BidiParagraph p = resolve_bidi_paragraph(text);
  EXPECT_EQ(p.levels[9], 0);   // (
  EXPECT_EQ(p.levels[10], 1);  // ש
  EXPECT_EQ(p.levels[14], 0);  // )
  EXPECT_EQ(drawn(text), U"the word (םולש) means peace");
}

TEST(BidiMirroring, ParenthesesInARightToLeftParagraph) {
  EXPECT_EQ(mirrored(U'('), U')');
  EXPECT_EQ(mirrored(U')'), U'(');
  EXPECT_EQ(mirrored(U'['), U']');
  EXPECT_EQ(mirrored(U'«'), U'»');
  EXPECT_EQ(mirrored(U'≤'), U'≥');
  EXPECT_EQ(mirrored(U'a'), U'a');
  EXPECT_EQ(mirrored(U'"'), U'"');
  // Drawn right to left, a logical "(" is at the right end and shows as ")"'s mirror.
  EXPECT_EQ(drawn(U"(א)"), U"(א)");
  EXPECT_EQ(drawn(U"a < b", BidiDirection::rtl), U"a < b");
  EXPECT_EQ(drawn(U"א < ב"), U"ב > א");
}

TEST(BidiProperties, ClassesAndBrackets) {
  EXPECT_EQ(bidi_class(U'a'), BidiClass::l);
  EXPECT_EQ(bidi_class(U'א'), BidiClass::r);
  EXPECT_EQ(bidi_class(U'ب'), BidiClass::al);
  EXPECT_EQ(bidi_class(U'7'), BidiClass::en);
  EXPECT_EQ(bidi_class(U'٧'), BidiClass::an);
  EXPECT_EQ(bidi_class(U'\u200D'), BidiClass::bn);  // ZWJ
  EXPECT_EQ(bidi_class(U'\u2029'), BidiClass::b);
  EXPECT_EQ(bidi_class(U'\u05FF'), BidiClass::r);   // unassigned, in the Hebrew block
  EXPECT_EQ(bidi_class(U'\u08B5'), BidiClass::al);  // unassigned, in Arabic Extended-A
  EXPECT_EQ(bidi_class(U'\u20CF'), BidiClass::et);  // unassigned, in Currency Symbols
  EXPECT_EQ(bidi_class(U'\U0010FFFF'), BidiClass::bn);  // a noncharacter
  EXPECT_EQ(paired_bracket(U'(').pair, U')');
  EXPECT_EQ(paired_bracket(U'(').type, BracketType::open);
  EXPECT_EQ(paired_bracket(U'\u298F').pair, U'\u298E');
  EXPECT_EQ(paired_bracket(U'\u298F').type, BracketType::open);
  EXPECT_EQ(paired_bracket(U'x').type, BracketType::none);
}

TEST(BidiLines, TrailingWhiteSpaceTakesTheParagraphLevel) {
  // Rule L1: the space between two Hebrew words is right-to-left, but at the end of a
  // line it belongs to the paragraph (left-to-right here), so it is drawn after the word.
  const std::u32string text = U"אב גד";
  const BidiParagraph p = resolve_bidi_paragraph(text, BidiDirection::ltr);
  EXPECT_EQ(p.levels[2], 1);
  EXPECT_EQ(line_levels(p, 0, 3), (std::vector<BidiLevel>{1, 1, 0}));
  EXPECT_EQ(drawn(text, p, 0, 3), U"בא ");
  EXPECT_EQ(drawn(text, p, 3, 5), U"דג");
}

TEST(BidiLines, RunsCarryParagraphOffsets) {
  const std::u32string text = U"one שתיים three";
  const BidiParagraph p = resolve_bidi_paragraph(text);
  EXPECT_EQ(visual_runs(p, 4, 15),
            (std::vector<BidiRun>{{4, 9, 1}, {9, 15, 0}}));
  EXPECT_EQ(visual_runs(p, 4, 4), std::vector<BidiRun>{});
  EXPECT_EQ(visual_runs(p, 0, 99).size(), 3u);  // the end is clamped
}

TEST(BidiLines, VisualOrderReversesEachLevelUpward) {
  // Levels 0 1 1 2 2 1 0: the level-2 pair is reversed twice, so it reads left to right.
  const std::vector<BidiLevel> levels = {0, 1, 1, 2, 2, 1, 0};
  EXPECT_EQ(visual_order(levels), (std::vector<uint32_t>{0, 5, 3, 4, 2, 1, 6}));
  EXPECT_EQ(visual_runs(levels),
            (std::vector<BidiRun>{{0, 1, 0}, {5, 6, 1}, {3, 5, 2}, {1, 3, 1}, {6, 7, 0}}));
}

TEST(BidiLevels, RemovedFormattingCharactersDrawWithTheCharacterBeforeThem) {
  // ZWJ (BN) and an embedding with its PDF have no level of their own.
  const BidiParagraph p = resolve_bidi_paragraph(U"א\u200Dב\u202Ac\u202C");
  EXPECT_EQ(p.levels, (std::vector<BidiLevel>{1, 1, 1, 1, 2, 2}));
}

TEST(BidiLevels, DeepNestingStopsAtLevel125) {
  std::u32string text(200, U'\u202B');  // RLE, 200 times
  text += U"x";
  const BidiParagraph p = resolve_bidi_paragraph(text, BidiDirection::ltr);
  EXPECT_EQ(p.levels.back(), 126);  // L at the deepest (odd) level 125 rises by one (I2)
}

// Rule L2 as written, character by character: the naive model for visual_order/_runs.
std::vector<uint32_t> naive_visual_order(const std::vector<BidiLevel>& levels) {
  std::vector<uint32_t> order(levels.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  if (levels.empty()) return order;
  const unsigned highest = *std::max_element(levels.begin(), levels.end());
  const unsigned lowest_odd = *std::min_element(levels.begin(), levels.end()) | 1u;
  for (unsigned level = highest; level >= lowest_odd; --level) {
    for (std::size_t k = 0; k < order.size();) {
      if (levels[order[k]] < level) {
        ++k;
        continue;
      }
      std::size_t end = k;
      while (end < order.size() && levels[order[end]] >= level) ++end;
      std::reverse(order.begin() + static_cast<std::ptrdiff_t>(k), order.begin() + static_cast<std::ptrdiff_t>(end));
      k = end;
    }
  }
  return order;
}

TEST(BidiLines, RandomLinesAgreeWithTheNaiveReordering) {
  // Latin, Hebrew, Arabic, both kinds of digits, separators, brackets, spaces, tabs,
  // isolates, embeddings and overrides, a ZWJ and a combining mark.
  const std::u32string alphabet = U"aZאבسل19١٢+-.,:$%()[] \t\u2066\u2067\u2068\u2069\u202A\u202B\u202D\u202E\u202C\u200D\u0301";
  std::mt19937 random(20240611);
  for (int round = 0; round < 2000; ++round) {
    std::u32string text(random() % 40, U' ');
    for (char32_t& c : text) c = alphabet[random() % alphabet.size()];
    const auto direction = random() % 3 == 0 ? std::nullopt : std::optional(BidiDirection(random() % 2));
    const BidiParagraph p = resolve_bidi_paragraph(text, direction);
    const uint32_t start = p.size() == 0 ? 0 : static_cast<uint32_t>(random() % p.size());
    const uint32_t end = start + static_cast<uint32_t>(random() % (p.size() - start + 1));
    const auto levels = line_levels(p, start, end);
    const auto order = visual_order(levels);
    ASSERT_EQ(order, naive_visual_order(levels)) << to_utf8(text) << " [" << start << ", " << end << ")";
    std::vector<uint32_t> from_runs;
    for (const BidiRun& r : visual_runs(p, start, end)) {
      ASSERT_LT(r.start, r.end);
      for (uint32_t i = 0; i < r.end - r.start; ++i) {
        from_runs.push_back((r.level % 2 == 0 ? r.start + i : r.end - 1 - i) - start);
      }
    }
    ASSERT_EQ(from_runs, order) << to_utf8(text) << " [" << start << ", " << end << ")";
  }
}

}  // namespace
}  // namespace scholion
