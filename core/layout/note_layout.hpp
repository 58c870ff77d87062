// Lines of a note card: the blocks of a parsed note (note_markdown.hpp) broken to the
// card's width by the document's line breaker (line_breaking.hpp).
//
// Paragraphs start at x 0; list items are indented by `list_indent`, their marker drawn
// in the indent on the item's first line (first_of_block) and their lines filled to
// width - list_indent. Lines are one line_height(style) apart; blocks are half a line
// apart, except consecutive list items, which follow each other directly.
//
// Every code point is measured in `style`: strong, emphasis and code spans are drawn in
// fonts with the same advances (or a slightly wider line is accepted).
//
// Units are those of the metrics; y is the top of a line box, starting at 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/layout/break_opportunities.hpp"
#include "core/layout/font_metrics.hpp"
#include "core/layout/line_breaking.hpp"
#include "core/model/note_markdown.hpp"

namespace scholion {

struct NoteLine {
  std::size_t block;     // index into the blocks given
  uint32_t start, end;   // code points of NoteBlock::text; trailing spaces excluded
  float x, y;            // left edge of the text, top of the line box
  bool first_of_block;   // where a list marker is drawn (at x - list_indent)
  float width = 0;       // advance of [start, end)
  bool operator==(const NoteLine&) const = default;
};

struct NoteLayout {
  std::vector<NoteLine> lines;  // in block and y order
  // Line k's shaped runs, in visual order, are runs[run_ranges[k].first ..
  // run_ranges[k].second): positions in its block's text, x from the card's left. A block
  // in a right-to-left script is ordered by the Bidirectional Algorithm and its lines are
  // right-aligned.
  std::vector<GlyphRun> runs;
  std::vector<std::pair<uint32_t, uint32_t>> run_ranges;
  float line_height = 0;        // of every line
  float height = 0;             // bottom of the last line; 0 without blocks
};

// `words`, if given, finds the words of Thai, Lao, Khmer and Myanmar text
// (break_opportunities.hpp).
NoteLayout layout_note(const std::vector<NoteBlock>& blocks, const FontMetrics& metrics,
                       float width, float list_indent, TextStyle style = TextStyle::body,
                       const BreakOpportunities* words = nullptr);

}  // namespace scholion
