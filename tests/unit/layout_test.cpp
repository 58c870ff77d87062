#include "core/layout.hpp"

#include <gtest/gtest.h>

#include "core/utf8.hpp"

namespace scholion {
namespace {

// Every character is one unit wide, lines are 2 units high: a layout of width w
// breaks text as a monospace terminal of w columns would.
class FixedMetrics : public FontMetrics {
 public:
  float advance(char32_t, TextStyle) const override { return 1; }
  float line_height(TextStyle) const override { return 2; }
};

std::vector<std::string> lines_of(const std::string& paragraph, float width) {
  auto doc = Document::make({"d", "t", ""}, {Block{BlockKind::paragraph, 0, paragraph}}).value();
  const FixedMetrics metrics;
  const Layout layout(doc, metrics, LayoutOptions{width, 0, 1000});
  std::vector<std::string> out;
  for (const Line& l : layout.lines()) out.emplace_back(doc.offsets().slice(l.start, l.end));
  return out;
}

using Lines = std::vector<std::string>;

TEST(Layout, BreaksAtSpaces) {
  EXPECT_EQ(lines_of("the quick brown fox", 10), (Lines{"the quick", "brown fox"}));
  EXPECT_EQ(lines_of("the quick brown fox", 19), (Lines{"the quick brown fox"}));
}

TEST(Layout, BreaksAfterHyphensAndDashes) {
  EXPECT_EQ(lines_of("EU-facilitated dialogue", 11), (Lines{"EU-", "facilitated", "dialogue"}));
  EXPECT_EQ(lines_of("abc\u2014defgh", 6), (Lines{"abc\u2014", "defgh"}));
}

TEST(Layout, NeverBreaksAtNoBreakSpaceOrWordJoiner) {
  EXPECT_EQ(lines_of("Mr.\u00A0Twain went", 9), (Lines{"Mr.\u00A0Twain", "went"}));
  // A word joiner glues the space before it to the dash after it (UAX #14 LB11).
  EXPECT_EQ(lines_of("said \u2060\u2014 so", 7), (Lines{"said \u2060\u2014", "so"}));
  EXPECT_EQ(lines_of("ab\u00A0cd\u00A0ef", 4), (Lines{"ab\u00A0c", "d\u00A0ef"}));
}

TEST(Layout, BreaksAWordTooLongForTheLineButNotInsideACluster) {
  EXPECT_EQ(lines_of("abcdefghij", 4), (Lines{"abcd", "efgh", "ij"}));
  EXPECT_EQ(lines_of("abce\u0301fg", 4), (Lines{"abc", "e\u0301fg"}));
}

TEST(Layout, LinesAreFoundByVerticalWindow) {
  auto doc = Document::make({"d", "t", ""}, {Block{BlockKind::paragraph, 0, "a b c d e f"}}).value();
  const FixedMetrics metrics;
  const Layout layout(doc, metrics, LayoutOptions{1, 0, 1000});  // one word per line
  ASSERT_EQ(layout.lines().size(), 6u);
  EXPECT_EQ(layout.visible(0, 1), (std::pair<std::size_t, std::size_t>{0, 1}));
  EXPECT_EQ(layout.visible(3, 7), (std::pair<std::size_t, std::size_t>{1, 4}));
  EXPECT_EQ(layout.visible(100, 200).first, layout.visible(100, 200).second);
}

TEST(Layout, ColumnIsCentredAndLimitedToTheMeasure) {
  auto doc = Document::make({"d", "t", ""}, {Block{BlockKind::paragraph, 0, "x"}}).value();
  const FixedMetrics metrics;
  const Layout layout(doc, metrics, LayoutOptions{1000, 10, 34});
  EXPECT_FLOAT_EQ(layout.column_width(), 68);
  EXPECT_FLOAT_EQ(layout.column_left(), (1000 - 68) / 2.0f);
}

}  // namespace
}  // namespace scholion
