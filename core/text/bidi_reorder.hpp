// The line-level rules of the Bidirectional Algorithm (UAX #9): once a paragraph's
// levels are resolved (core/text/bidi.hpp) and line breaking has cut it into lines,
// rule L1 resets each line's trailing white space, and rule L2 gives its visual order.
//
// Layout places a line as runs (BidiRun): maximal spans of one level, listed left to
// right as they appear on screen; each run is shaped and drawn left to right when its
// level is even, right to left when odd (then with mirrored glyphs, rule L4).
//
// Positions are code point offsets into the paragraph. Cost: linear in the line's length
// times the number of distinct levels on it (two or three in practice, at most 126).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/text/bidi.hpp"

namespace scholion {

// Rule L1: the levels of the line [start, end) of `paragraph` (end clamped to its size;
// an empty line when start >= end), with segment and paragraph separators, and any white
// space or isolate formatting characters before them or at the end of the line, reset to
// the paragraph level. (Characters removed by X9 in such a sequence are reset with it.)
std::vector<BidiLevel> line_levels(const BidiParagraph& paragraph, uint32_t start, uint32_t end);

// Rule L2: the visual order of a line with these levels: entry k is the index (into
// `levels`) of the code point shown k-th from the left. From the highest level down to
// the lowest odd one, every maximal sequence at that level or above is reversed.
std::vector<uint32_t> visual_order(std::span<const BidiLevel> levels);

// A maximal span [start, end) of one level, in paragraph code point offsets.
struct BidiRun {
  uint32_t start = 0;
  uint32_t end = 0;
  BidiLevel level = 0;

  BidiDirection direction() const { return direction_of_level(level); }
  bool operator==(const BidiRun&) const = default;
};

// Rule L2 by runs: the runs of a line with these levels, in visual order (left to right).
// `levels[i]` is the level of paragraph code point `offset + i`.
std::vector<BidiRun> visual_runs(std::span<const BidiLevel> levels, uint32_t offset = 0);

// L1 then L2: the runs of the line [start, end) of `paragraph`, left to right.
std::vector<BidiRun> visual_runs(const BidiParagraph& paragraph, uint32_t start, uint32_t end);

}  // namespace scholion
