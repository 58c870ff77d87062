#include "core/layout/layout.hpp"

#include <gtest/gtest.h>

#include "core/text/utf8.hpp"
#include "layout_support.hpp"

namespace scholion {
namespace {

using test::FixedMetrics;
using test::monospace;
using test::paragraphs;
using Lines = std::vector<std::string>;

// Headings are twice as wide and tall as body text, as a bold display face would be.
class StyledMetrics : public FontMetrics {
 public:
  float measure(std::u32string_view run, TextStyle style) const override {
    return visible_count(run) * (style == TextStyle::body ? 1.0f : 2.0f);
  }
  float line_height(TextStyle style) const override { return style == TextStyle::body ? 2 : 4; }
};

Document document(std::vector<Block> blocks) {
  return Document::make({"d", "t", ""}, std::move(blocks)).value();
}

Lines drawn_lines(const Document& doc, const Layout& layout) {
  Lines out;
  for (const Line& l : layout.lines()) out.emplace_back(doc.offsets().slice(l.start, l.end));
  return out;
}

Lines lines_of(const std::string& paragraph, float width) {
  const Document doc = paragraphs(paragraph);
  return drawn_lines(doc, monospace(doc, width));
}

TEST(Layout, BreaksParagraphsIntoLines) {
  EXPECT_EQ(lines_of("the quick brown fox", 10), (Lines{"the quick", "brown fox"}));
  EXPECT_EQ(lines_of("EU-facilitated dialogue", 11), (Lines{"EU-", "facilitated", "dialogue"}));
  EXPECT_EQ(lines_of("said \u2060\u2014 so", 7), (Lines{"said \u2060\u2014", "so"}));
  EXPECT_EQ(lines_of("\U0001F1F7\U0001F1F8\U0001F1F7\U0001F1F8", 3),
            (Lines{"\U0001F1F7\U0001F1F8", "\U0001F1F7\U0001F1F8"}));
}

TEST(Layout, LinesKnowTheirCodePointsWidthAndWrapping) {
  const Document doc = paragraphs("aaa bbb cc\n\ndd");
  const Layout layout = monospace(doc, 4);
  const auto& l = layout.lines();
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(l[0].start, 0u);
  EXPECT_EQ(l[0].end, 3u);
  EXPECT_EQ(l[0].content_end, 4u);  // the hanging space
  EXPECT_FLOAT_EQ(l[0].width, 3);
  EXPECT_TRUE(l[0].wraps);
  EXPECT_EQ(l[2].start, 8u);
  EXPECT_EQ(l[2].content_end, 10u);
  EXPECT_FALSE(l[2].wraps);  // the block's last line
  EXPECT_EQ(l[3].start, 12u);  // after "\n\n"
  EXPECT_EQ(l[3].block, 1u);
}

TEST(Layout, LinesAreFoundByVerticalWindow) {
  const Document doc = paragraphs("a b c d e f");
  const Layout layout = monospace(doc, 1);  // one word per line
  ASSERT_EQ(layout.lines().size(), 6u);
  EXPECT_EQ(layout.visible(0, 1), (std::pair<std::size_t, std::size_t>{0, 1}));
  EXPECT_EQ(layout.visible(3, 7), (std::pair<std::size_t, std::size_t>{1, 4}));
  EXPECT_EQ(layout.visible(100, 200).first, layout.visible(100, 200).second);
}

TEST(Layout, ColumnIsCentredAndLimitedToTheMeasure) {
  const Document doc = paragraphs("x");
  const FixedMetrics metrics;
  const Layout layout(doc, metrics, LayoutOptions{1000, 10, 34});
  EXPECT_FLOAT_EQ(layout.column_width(), 34);
  EXPECT_FLOAT_EQ(layout.column_left(), (1000 - 34) / 2.0f);
  EXPECT_FLOAT_EQ(layout.lines()[0].x, layout.column_left());
}

TEST(Layout, TheMeasureIsAboutSeventyAverageCharacters) {
  const Document doc = paragraphs("x");
  const FixedMetrics metrics;
  const Layout layout(doc, metrics, LayoutOptions{1000, 10});
  EXPECT_FLOAT_EQ(layout.column_width(), 70);
  LayoutOptions capped;
  capped.width = 1000;
  capped.max_measure_em = 20;  // 20 line heights of 2
  EXPECT_FLOAT_EQ(Layout(doc, metrics, capped).column_width(), 40);
}

TEST(Layout, NarrowCanvasesUseTheirWholeWidthAndHaveNoMarginColumn) {
  const Document doc = paragraphs("x");
  const FixedMetrics metrics;
  const Layout layout(doc, metrics, LayoutOptions{50, 5});
  EXPECT_FLOAT_EQ(layout.column_left(), 5);
  EXPECT_FLOAT_EQ(layout.column_width(), 40);
  EXPECT_FALSE(layout.has_margin_column());
  EXPECT_FLOAT_EQ(layout.margin_column_width(), 0);
}

TEST(Layout, WideCanvasesKeepTheTextCentredWithTheMarginColumnBesideIt) {
  const Document doc = paragraphs("x");
  const FixedMetrics metrics;
  const Layout layout(doc, metrics, LayoutOptions{300, 10});  // 70 + 4 + 32 fits right of centre
  EXPECT_FLOAT_EQ(layout.column_left(), (300 - 70) / 2.0f);
  ASSERT_TRUE(layout.has_margin_column());
  EXPECT_FLOAT_EQ(layout.margin_column_left(), layout.column_left() + 70 + 4);
  EXPECT_FLOAT_EQ(layout.margin_column_width(), 32);
}

TEST(Layout, MidWidthCanvasesMoveTheTextLeftToFitTheMarginColumn) {
  const Document doc = paragraphs("x");
  const FixedMetrics metrics;
  const Layout layout(doc, metrics, LayoutOptions{130, 10});  // 70 + 4 + 32 = 106 <= 110
  ASSERT_TRUE(layout.has_margin_column());
  EXPECT_FLOAT_EQ(layout.margin_column_left() + layout.margin_column_width(), 120);
  EXPECT_FLOAT_EQ(layout.column_left(), 120 - 32 - 4 - 70);
  EXPECT_GE(layout.column_left(), 10);
}

TEST(Layout, TheMeasureNarrowsToItsMinimumToMakeRoomForTheMarginColumn) {
  const Document doc = paragraphs("x");
  const FixedMetrics metrics;
  const Layout roomy(doc, metrics, LayoutOptions{101, 10});  // 81 = 45 + 4 + 32
  ASSERT_TRUE(roomy.has_margin_column());
  EXPECT_FLOAT_EQ(roomy.column_width(), 45);
  EXPECT_FLOAT_EQ(roomy.margin_column_left() + roomy.margin_column_width(), 91);
  const Layout tight(doc, metrics, LayoutOptions{100, 10});  // 80 < 81: no notes column
  EXPECT_FALSE(tight.has_margin_column());
  EXPECT_FLOAT_EQ(tight.column_width(), 70);
}

TEST(Layout, HeadingsUseLargerStylesAndTheirMetrics) {
  const Document doc = document({Block{BlockKind::heading, 1, "Big title"},
                                 Block{BlockKind::heading, 2, "Sub"},
                                 Block{BlockKind::heading, 5, "Small"},
                                 Block{BlockKind::paragraph, 0, "body text"}});
  const StyledMetrics metrics;
  LayoutOptions options{10, 0, 10};
  options.margin_column_ch = 0;
  const Layout layout(doc, metrics, options);
  const auto& l = layout.lines();
  ASSERT_EQ(l.size(), 5u);  // "Big " is 8 wide at 2 per character: "Big" / "title"
  EXPECT_EQ(l[0].style, TextStyle::heading1);
  EXPECT_FLOAT_EQ(l[0].height, 4);
  EXPECT_FLOAT_EQ(l[0].width, 6);
  EXPECT_EQ(l[2].style, TextStyle::heading2);
  EXPECT_EQ(l[3].style, TextStyle::heading3);
  EXPECT_EQ(l[4].style, TextStyle::body);
  EXPECT_FLOAT_EQ(l[4].height, 2);
}

TEST(Layout, QuotesAreIndentedAndListItemsHaveAMarker) {
  const Document doc = document({Block{BlockKind::paragraph, 0, "para"},
                                 Block{BlockKind::quote, 0, "quoted words"},
                                 Block{BlockKind::list_item, 0, "item"}});
  const Layout layout = monospace(doc, 10);
  const auto& l = layout.lines();
  ASSERT_EQ(l.size(), 4u);
  EXPECT_FLOAT_EQ(l[0].x, 0);
  EXPECT_FLOAT_EQ(l[1].x, 4);  // 4 average characters
  EXPECT_EQ(drawn_lines(doc, layout), (Lines{"para", "quoted", "words", "item"}));
  EXPECT_FLOAT_EQ(l[3].x, 3);
  const auto& blocks = layout.blocks();
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].marker, "");
  EXPECT_EQ(blocks[2].marker, "\u2022");
  EXPECT_FLOAT_EQ(blocks[2].marker_x, 1);  // its advance and a gap of 1 before the text
  EXPECT_EQ(blocks[1].first_line, 1u);
  EXPECT_EQ(blocks[1].end_line, 3u);
  EXPECT_FLOAT_EQ(blocks[1].top, l[1].y);
  EXPECT_FLOAT_EQ(blocks[1].bottom, l[2].y + l[2].height);
  EXPECT_FLOAT_EQ(blocks[1].width, 6);
}

TEST(Layout, BlocksAreSeparatedByGapsAndTheHeightIncludesTheMargins) {
  const Document doc = document({Block{BlockKind::heading, 1, "H"},
                                 Block{BlockKind::paragraph, 0, "a"},
                                 Block{BlockKind::paragraph, 0, "b"}});
  const FixedMetrics metrics;
  LayoutOptions options{20, 3, 10};
  const Layout layout(doc, metrics, options);
  const auto& l = layout.lines();
  ASSERT_EQ(l.size(), 3u);
  EXPECT_FLOAT_EQ(l[0].y, 3);
  EXPECT_GT(l[1].y, l[0].y + l[0].height);
  EXPECT_GT(l[2].y - (l[1].y + l[1].height), l[1].y - (l[0].y + l[0].height));  // closer to its heading
  EXPECT_FLOAT_EQ(layout.height(), l[2].y + l[2].height + 3);
}

TEST(Layout, EmptyDocumentsAndBlocks) {
  const Document none = document({});
  const Layout empty = monospace(none, 10);
  EXPECT_TRUE(empty.lines().empty());
  const Document doc = document({Block{BlockKind::paragraph, 0, ""}, Block{BlockKind::paragraph, 0, "a"}});
  const Layout layout = monospace(doc, 10);
  ASSERT_EQ(layout.lines().size(), 2u);
  EXPECT_EQ(layout.lines()[0].start, 0u);
  EXPECT_EQ(layout.lines()[0].content_end, 0u);
  EXPECT_EQ(layout.lines()[1].start, 2u);
}

TEST(Layout, PreformattedTextKeepsItsLines) {
  const Document doc = document({Block{BlockKind::preformatted, 0, "int x;\n  return x;"}});
  EXPECT_EQ(drawn_lines(doc, monospace(doc, 40)), (Lines{"int x;", "  return x;"}));
}

}  // namespace
}  // namespace scholion
