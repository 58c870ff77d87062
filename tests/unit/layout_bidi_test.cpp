// Right-to-left and mixed lines in the layout: runs in visual order (UAX #9 rule L2),
// right-aligned paragraphs, and hit testing, carets and selections over them, with a
// fixed-advance font (every visible code point one unit wide).
#include <gtest/gtest.h>

#include "core/layout/layout.hpp"
#include "core/text/utf8.hpp"
#include "layout_support.hpp"

namespace scholion {
namespace {

using test::monospace;
using test::paragraphs;

// The runs of line `i` as "text" pieces left to right, "<" marking right-to-left ones.
std::string runs_of(const Layout& layout, const Document& doc, std::size_t i) {
  std::vector<GlyphRun> runs;
  layout.line_runs(i, runs);
  std::string out;
  for (const GlyphRun& r : runs) {
    out += (out.empty() ? "" : "|") + std::string(r.rtl ? "<" : "") + std::string(doc.offsets().slice(r.start, r.end));
  }
  return out;
}

// Hebrew letters stand in for any right-to-left script: א ב ג ד.
const std::string kAlef = "\u05D0", kBet = "\u05D1", kGimel = "\u05D2";

TEST(LayoutBidi, ARightToLeftParagraphIsRightAlignedWithItsFirstWordOnTheRight) {
  const std::string first = kAlef + kAlef, second = kBet + kBet + kBet;
  const Document doc = paragraphs(first + " " + second);
  const Layout layout = monospace(doc, 20);
  const Line& line = layout.lines()[0];
  EXPECT_TRUE(line.rtl);
  EXPECT_FLOAT_EQ(line.x + line.width, 20);  // flush right
  EXPECT_EQ(runs_of(layout, doc, 0), "<" + second + "|< |<" + first);
  // The caret before the first letter is at the right edge; before the second word, left
  // of the space.
  const uint32_t start = line.start;
  EXPECT_FLOAT_EQ(layout.x_at(0, start), 20);
  EXPECT_FLOAT_EQ(layout.x_at(0, start + 3), 20 - 3);
}

TEST(LayoutBidi, TheRightmostWordOfAnArabicLineIsItsFirst) {
  // "كتاب جديد" (a new book): clicking on the rightmost word hits the first.
  const Document doc = paragraphs("\u0643\u062A\u0627\u0628 \u062C\u062F\u064A\u062F");
  const Layout layout = monospace(doc, 30);
  const Line& line = layout.lines()[0];
  const Hit hit = layout.hit_test(line.x + line.width - 0.5f, line.y + 1);
  EXPECT_EQ(hit.cluster_start, line.start);  // the first letter, drawn rightmost
  EXPECT_TRUE(hit.over_text);
  const Hit left = layout.hit_test(line.x + 0.5f, line.y + 1);
  EXPECT_EQ(left.cluster_end, line.end);  // the last letter, drawn leftmost
}

TEST(LayoutBidi, NumbersAndLatinNamesInsideRightToLeftTextKeepTheirOwnOrder) {
  // "א NATO 2024 ב": the name and the number that follows it read left to right, as one
  // stretch (rules W7, N1), inside the right-to-left line.
  const Document doc = paragraphs(kAlef + " NATO 2024 " + kBet);
  const Layout layout = monospace(doc, 30);
  EXPECT_EQ(runs_of(layout, doc, 0), "<" + kBet + "|< |NATO| |2024|< |<" + kAlef);
}

TEST(LayoutBidi, ALeftToRightParagraphQuotingRightToLeftWordsReversesOnlyThem) {
  const Document doc = paragraphs("He said " + kAlef + kBet + " " + kGimel + " today");
  const Layout layout = monospace(doc, 40);
  EXPECT_FALSE(layout.lines()[0].rtl);
  EXPECT_EQ(runs_of(layout, doc, 0), "He| |said| |<" + kGimel + "|< |<" + kAlef + kBet + "| |today");
}

TEST(LayoutBidi, ASelectionAcrossADirectionBoundaryDrawsAsSeveralRectangles) {
  // Logical "ab אב cd": selecting from 'b' to the alef covers two separate places.
  const Document doc = paragraphs("ab " + kAlef + kBet + " cd");
  const Layout layout = monospace(doc, 40);
  const uint32_t s = layout.lines()[0].start;
  // Visual: "ab " (x 0..3), then בא drawn right to left (x 3..5: bet at 3, alef at 4).
  const std::vector<Rect> rects = layout.selection_rects(s + 1, s + 4);  // "b", " ", alef
  ASSERT_EQ(rects.size(), 2u);
  EXPECT_FLOAT_EQ(rects[0].x, 1);
  EXPECT_FLOAT_EQ(rects[0].width, 2);  // "b "
  EXPECT_FLOAT_EQ(rects[1].x, 4);
  EXPECT_FLOAT_EQ(rects[1].width, 1);  // the alef, right of the bet
}

TEST(LayoutBidi, TheArticleDirectionSetsEveryParagraph) {
  const Document doc = paragraphs("Plain English text");
  static const test::FixedMetrics metrics;
  LayoutOptions options;
  options.width = 40;
  options.margin = 0;
  options.measure_ch = 100000;
  options.direction = BidiDirection::rtl;
  const Layout layout(doc, metrics, options);
  const Line& line = layout.lines()[0];
  EXPECT_TRUE(line.rtl);
  EXPECT_FLOAT_EQ(line.x + line.width, 40);  // right-aligned, its words in their own order
  EXPECT_EQ(runs_of(layout, doc, 0), "Plain| |English| |text");
}

TEST(LayoutBidi, CaretsRoundTripThroughHitTestingOnAMixedLine) {
  const Document doc = paragraphs("one " + kAlef + kBet + kGimel + " two");
  const Layout layout = monospace(doc, 40);
  const Line& line = layout.lines()[0];
  for (uint32_t p = line.start; p <= line.end; ++p) {
    const float x = layout.x_at(0, p);
    const Hit hit = layout.hit_test(x, line.y + 1);
    EXPECT_FLOAT_EQ(layout.x_at(0, hit.caret.position), x) << p;
  }
}

}  // namespace
}  // namespace scholion
