// Hit testing, carets and selection geometry: small cases in the selection notation,
// then properties checked over every corpus text (Moby-Dick included) with random
// points and ranges.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>

#include "core/formats/plain_text.hpp"
#include "core/text/grapheme_clusters.hpp"
#include "core/layout/layout.hpp"
#include "core/layout/line_breaking.hpp"
#include "core/text/utf8.hpp"
#include "layout_support.hpp"
#include "test_support.hpp"

namespace scholion {
namespace {

using test::FixedMetrics;
using test::monospace;
using test::paragraphs;

// --- Positions ------------------------------------------------------------------------

TEST(LayoutGeometry, XOfACodePointSumsTheAdvancesBeforeIt) {
  const Document doc = paragraphs("ab\u200Dcd");  // the ZWJ is invisible
  const Layout layout = monospace(doc, 10);
  EXPECT_FLOAT_EQ(layout.x_at(0, 0), 0);
  EXPECT_FLOAT_EQ(layout.x_at(0, 2), 2);
  EXPECT_FLOAT_EQ(layout.x_at(0, 3), 2);
  EXPECT_FLOAT_EQ(layout.x_at(0, 5), 4);
  EXPECT_FLOAT_EQ(layout.x_at(0, 99), 4);  // clamped to the line
}

TEST(LayoutGeometry, LinesAreFoundByPositionWithAffinityAtSoftBreaks) {
  const Document doc = paragraphs("aaa bbb\n\nEU-xy");
  const Layout layout = monospace(doc, 4);  // "aaa " "bbb" | "EU-" "xy"
  ASSERT_EQ(layout.lines().size(), 4u);
  EXPECT_EQ(layout.line_at(0), 0u);
  EXPECT_EQ(layout.line_at(4), 1u);
  EXPECT_EQ(layout.line_at(4, Affinity::upstream), 0u);
  EXPECT_EQ(layout.line_at(8), 1u);  // inside the separator: the block before
  EXPECT_EQ(layout.line_at(12), 3u);
  EXPECT_EQ(layout.line_at(12, Affinity::upstream), 2u);
  EXPECT_EQ(layout.line_at(9, Affinity::upstream), 2u);  // a block's start is not a soft break
  EXPECT_EQ(layout.line_at(1000), 3u);
}

TEST(LayoutGeometry, LineEnds) {
  const Document doc = paragraphs("aaa bbb\n\nEU-xy");
  const Layout layout = monospace(doc, 4);
  EXPECT_EQ(layout.line_end(0), (Caret{3}));                     // before the hanging space
  EXPECT_EQ(layout.line_end(1), (Caret{7}));                     // the block's end
  EXPECT_EQ(layout.line_end(2), (Caret{12, Affinity::upstream}));  // after the hyphen
  const Document pre = Document::make({"d", "t", ""}, {Block{BlockKind::preformatted, 0, "ab \ncd"}}).value();
  EXPECT_EQ(monospace(pre, 10).line_end(0), (Caret{3}));  // before the line feed
  const Document separated = paragraphs("ab\u2029cd");
  EXPECT_EQ(monospace(separated, 10).line_end(0), (Caret{2}));  // before the paragraph separator
}

TEST(LayoutGeometry, CaretsSnapToTheNearerEdgeOfACluster) {
  const std::string flag = "\U0001F1F7\U0001F1F8";  // two columns
  const Document doc = paragraphs("a" + flag + "b");
  const Layout layout = monospace(doc, 10);
  EXPECT_EQ(layout.caret_in_line(0, -5), (Caret{0}));
  EXPECT_EQ(layout.caret_in_line(0, 0.4f), (Caret{0}));
  EXPECT_EQ(layout.caret_in_line(0, 0.6f), (Caret{1}));
  EXPECT_EQ(layout.caret_in_line(0, 1.9f), (Caret{1}));  // left half of the flag
  EXPECT_EQ(layout.caret_in_line(0, 2.1f), (Caret{3}));  // right half: after both code points
  EXPECT_EQ(layout.caret_in_line(0, 50), (Caret{4}));
}

TEST(LayoutGeometry, HitTesting) {
  const Document doc = paragraphs("aaa bbb\n\ncc");
  const Layout layout = monospace(doc, 4);
  const auto& l = layout.lines();
  ASSERT_EQ(l.size(), 3u);
  Hit hit = layout.hit_test(1.2f, l[1].y + 1);
  EXPECT_EQ(hit.caret, (Caret{5}));
  EXPECT_EQ(hit.line, 1u);
  EXPECT_TRUE(hit.over_text);
  EXPECT_EQ(hit.cluster_start, 5u);  // the 'b' under the point, though the caret is before it
  EXPECT_EQ(hit.cluster_end, 6u);

  hit = layout.hit_test(3.9f, l[0].y + 1);  // right of "aaa": over the hanging space
  EXPECT_EQ(hit.caret, (Caret{3}));
  EXPECT_FALSE(hit.over_text);
  EXPECT_EQ(hit.cluster_start, 2u);

  EXPECT_EQ(layout.hit_test(1, -10).caret, (Caret{0}));  // above the text
  EXPECT_EQ(layout.hit_test(1, 1e6f).caret, (Caret{11}));  // below it
  EXPECT_EQ(layout.hit_test(-3, l[1].y).caret, (Caret{4}));  // left of a line

  // In the gap between the blocks: the nearer line.
  const float gap_top = l[1].y + l[1].height;
  EXPECT_EQ(layout.hit_test(9, gap_top + 0.1f).caret, (Caret{7}));
  EXPECT_EQ(layout.hit_test(0, l[2].y - 0.1f).caret, (Caret{9}));
  EXPECT_FALSE(layout.hit_test(0, l[2].y - 0.1f).over_text);
}

TEST(LayoutGeometry, HittingTheEndOfALineBrokenAfterAHyphenStaysOnThatLine) {
  const Document doc = paragraphs("EU-xy");
  const Layout layout = monospace(doc, 4);  // "EU-" / "xy"
  const Hit hit = layout.hit_test(3.9f, layout.lines()[0].y + 1);
  EXPECT_EQ(hit.caret, (Caret{3, Affinity::upstream}));
  EXPECT_FLOAT_EQ(layout.caret_rect(hit.caret.position, hit.caret.affinity).y, layout.lines()[0].y);
  EXPECT_EQ(layout.hit_test(0.1f, layout.lines()[1].y + 1).caret, (Caret{3}));  // the same position below
}

TEST(LayoutGeometry, CaretRectangles) {
  const Document doc = paragraphs("aaa bbb\n\nEU-xy");
  const Layout layout = monospace(doc, 4);
  const auto& l = layout.lines();
  EXPECT_EQ(layout.caret_rect(5), (Rect{1, l[1].y, 0, 2}));
  EXPECT_EQ(layout.caret_rect(12), (Rect{0, l[3].y, 0, 2}));
  EXPECT_EQ(layout.caret_rect(12, Affinity::upstream), (Rect{3, l[2].y, 0, 2}));
  EXPECT_EQ(layout.caret_rect(8), (Rect{3, l[1].y, 0, 2}));  // in the separator: the block's end
}

TEST(LayoutGeometry, SelectionRectanglesOnePerLinePiece) {
  const test::Marked m = test::parse_marks("aaa [bbb cc\n\nd]d");
  const Document doc = paragraphs(m.text);
  const Layout layout = monospace(doc, 4);  // "aaa " "bbb " "cc" | "dd"
  const auto& l = layout.lines();
  const std::vector<Rect> rects = layout.selection_rects(m.from, m.to);
  ASSERT_EQ(rects.size(), 3u);
  EXPECT_EQ(rects[0], (Rect{0, l[1].y, 4, 2}));  // "bbb" and its hanging space
  EXPECT_EQ(rects[1], (Rect{0, l[2].y, 2, 2}));
  EXPECT_EQ(rects[2], (Rect{0, l[3].y, 1, 2}));
  EXPECT_TRUE(layout.selection_rects(10, 12).empty());  // only the separator
  EXPECT_TRUE(layout.selection_rects(5, 5).empty());
  std::vector<Rect> out{Rect{}};
  layout.selection_rects(0, 1, out);
  EXPECT_EQ(out.size(), 2u);  // appended
}

TEST(LayoutGeometry, EmptyLayoutsAnswerSafely) {
  const Layout none;
  EXPECT_EQ(none.hit_test(5, 5).caret, (Caret{0}));
  EXPECT_TRUE(none.selection_rects(0, 10).empty());
  EXPECT_FLOAT_EQ(none.caret_rect(3).height, 0);
  EXPECT_EQ(none.line_at(3), 0u);
}

// --- Properties over the corpus -----------------------------------------------------------

// Fixed metrics: the advance of a range is its number of visible code points.
float advance_of_range(const Document& doc, uint32_t from, uint32_t to) {
  std::size_t byte = doc.offsets().byte_at(from);
  float sum = 0;
  for (uint32_t cp = from; cp < to; ++cp) sum += is_invisible(next_code_point(doc.text(), byte)) ? 0 : 1;
  return sum;
}

struct CorpusLayout {
  std::string name;
  Document doc;
  Layout layout;
};

const std::vector<CorpusLayout>& corpus_layouts() {
  static const FixedMetrics metrics;
  static const std::vector<CorpusLayout> layouts = [] {
    std::vector<CorpusLayout> out;
    for (const auto& path : test::corpus_texts()) {
      Document doc = document_from_plain_text(test::read_file(path), path.filename().string()).value();
      LayoutOptions options;
      options.width = 100;
      options.margin = 3;
      Layout layout(doc, metrics, options);
      out.push_back(CorpusLayout{path.filename().string(), std::move(doc), std::move(layout)});
    }
    return out;
  }();
  return layouts;
}

TEST(LayoutCorpus, LinesTileEveryBlockAndFitTheMeasure) {
  for (const CorpusLayout& c : corpus_layouts()) {
    SCOPED_TRACE(c.name);
    const auto& lines = c.layout.lines();
    const TextOffsets& offsets = c.doc.offsets();
    ASSERT_EQ(c.layout.blocks().size(), c.doc.blocks().size());
    for (const BlockBox& box : c.layout.blocks()) {
      const std::size_t b = box.block;
      ASSERT_LT(box.first_line, box.end_line);
      EXPECT_EQ(lines[box.first_line].start, c.doc.block_start(b));
      EXPECT_EQ(lines[box.end_line - 1].content_end, c.doc.block_end(b));
      for (uint32_t i = box.first_line; i < box.end_line; ++i) {
        const Line& l = lines[i];
        ASSERT_LE(l.start, l.end);
        ASSERT_LE(l.end, l.content_end);
        if (i + 1 < box.end_line) {
          ASSERT_EQ(l.content_end, lines[i + 1].start);
          // A line that does not wrap ends with a line feed (or another line separator).
          std::size_t byte = offsets.byte_at(l.content_end - 1);
          ASSERT_EQ(!l.wraps, is_line_feed(next_code_point(c.doc.text(), byte))) << l.start;
        }
        ASSERT_TRUE(is_grapheme_boundary(offsets, l.start)) << l.start;
        ASSERT_FLOAT_EQ(l.width, advance_of_range(c.doc, l.start, l.end)) << l.start;
        // Wider than the measure only when the line is a single cluster.
        if (l.width > box.width) { ASSERT_EQ(next_grapheme_boundary(offsets, l.start), l.end) << l.start; }
        if (i > 0) { ASSERT_GE(l.y, lines[i - 1].y + lines[i - 1].height); }
      }
    }
  }
}

TEST(LayoutCorpus, RandomPointsHitTheNearestCaretOfTheirLine) {
  std::mt19937 rng(42);
  for (const CorpusLayout& c : corpus_layouts()) {
    SCOPED_TRACE(c.name);
    const Layout& layout = c.layout;
    const auto& lines = layout.lines();
    std::uniform_int_distribution<std::size_t> pick_line(0, lines.size() - 1);
    std::uniform_real_distribution<float> unit(0, 1);
    for (int k = 0; k < 400; ++k) {
      const std::size_t i = pick_line(rng);
      const Line& l = lines[i];
      const float x = l.x - 5 + unit(rng) * (l.width + 10);
      const float y = l.y + unit(rng) * l.height * 0.999f;
      const Hit hit = layout.hit_test(x, y);
      SCOPED_TRACE("line " + std::to_string(i) + " x " + std::to_string(x));
      ASSERT_EQ(hit.line, i);
      const uint32_t p = hit.caret.position;
      ASSERT_GE(p, l.start);
      ASSERT_LE(p, layout.line_end(i).position);
      ASSERT_TRUE(is_grapheme_boundary(c.doc.offsets(), p));
      const Rect caret = layout.caret_rect(p, hit.caret.affinity);
      ASSERT_FLOAT_EQ(caret.y, l.y);  // shown on the line that was hit
      // No caret of the line is nearer to the point (the naive model: try them all).
      const float distance = std::fabs(caret.x - x);
      const uint32_t last = layout.line_end(i).position;
      for (uint32_t q = l.start; q <= last; q = next_grapheme_boundary(c.doc.offsets(), q)) {
        ASSERT_LE(distance, std::fabs(layout.x_at(i, q) - x) + 1e-3f) << "caret " << q << " is nearer";
        if (q == last) break;
      }
      ASSERT_EQ(hit.over_text, x >= l.x && x < l.x + l.width);
      if (hit.over_text) {  // the cluster under the point is drawn where the point is
        const auto drawn = layout.selection_rects(hit.cluster_start, hit.cluster_end);
        ASSERT_TRUE(std::any_of(drawn.begin(), drawn.end(), [&](const Rect& r) { return r.x <= x && x < r.right(); }));
      }
    }
  }
}

TEST(LayoutCorpus, CaretsRoundTripThroughHitTesting) {
  std::mt19937 rng(7);
  for (const CorpusLayout& c : corpus_layouts()) {
    SCOPED_TRACE(c.name);
    const Layout& layout = c.layout;
    std::uniform_int_distribution<uint32_t> pick(0, c.doc.length());
    for (int k = 0; k < 400; ++k) {
      const uint32_t p = prev_grapheme_boundary(c.doc.offsets(), pick(rng));
      const std::size_t i = layout.line_at(p);
      const Line& l = layout.lines()[i];
      if (p > layout.line_end(i).position) continue;  // hanging spaces, block separators
      const Rect r = layout.caret_rect(p);
      const Hit hit = layout.hit_test(r.x, r.y + r.height / 2);
      ASSERT_EQ(hit.line, i) << p;
      // The same caret, or one drawn at the same place (around zero-width clusters).
      ASSERT_FLOAT_EQ(layout.caret_rect(hit.caret.position, hit.caret.affinity).x, r.x) << p;
      ASSERT_GE(hit.caret.position, l.start);
    }
  }
}

TEST(LayoutCorpus, SelectionRectanglesCoverExactlyTheRange) {
  std::mt19937 rng(3);
  for (const CorpusLayout& c : corpus_layouts()) {
    SCOPED_TRACE(c.name);
    const Layout& layout = c.layout;
    std::uniform_int_distribution<uint32_t> pick(0, c.doc.length());
    std::uniform_int_distribution<uint32_t> span(0, 3000);
    std::vector<Rect> rects;
    for (int k = 0; k < 150; ++k) {
      const uint32_t from = pick(rng);
      const uint32_t to = std::min(c.doc.length(), from + span(rng));
      rects.clear();
      layout.selection_rects(from, to, rects);
      float width = 0;
      for (std::size_t j = 0; j < rects.size(); ++j) {
        ASSERT_GT(rects[j].width, 0);
        // Down the lines; on one line (several pieces of a mixed line), left to right.
        if (j > 0 && rects[j].y == rects[j - 1].y) { ASSERT_GE(rects[j].x, rects[j - 1].right()); }
        if (j > 0 && rects[j].y != rects[j - 1].y) { ASSERT_GE(rects[j].y, rects[j - 1].bottom()); }
        width += rects[j].width;
      }
      ASSERT_FLOAT_EQ(width, advance_of_range(c.doc, from, to)) << from << ".." << to;
      if (!rects.empty()) {
        ASSERT_GE(rects.front().y, layout.lines()[layout.line_at(from)].y);
        ASSERT_LE(rects.back().y, layout.lines()[layout.line_at(to)].y);
      }
    }
  }
}


}  // namespace
}  // namespace scholion
