// Grapheme cluster boundaries: where a selection may begin or end.
//
// Extended grapheme clusters exactly as UAX #29 (Unicode 15.0) defines them, rules
// GB1-GB999: CR LF stays together; controls stand alone; combining marks, ZWJ,
// variation selectors and emoji modifiers (all Extend) and spacing marks attach to what
// precedes them, prepend marks to what follows; Hangul jamo form syllables; an emoji
// ZWJ sequence (Extended_Pictographic Extend* ZWJ × Extended_Pictographic) is one
// cluster; regional indicators pair up into flags, left to right.
//
// Positions are code point offsets, 0..size. Position 0 and the end of the text are
// always boundaries; a position p in between is a boundary when no rule joins the code
// points p-1 and p.
//
// Cost. Every rule but two looks at the two code points around a position. GB11 looks
// back over the run of Extend code points before a ZWJ, and GB12/13 count the run of
// regional indicators before the position (a flag's parity depends on it). So every
// query, prev_grapheme_boundary included, reads only the cluster(s) around the position
// plus at most that one run behind it; never the text from its start. (Only a text that
// is one run of a million regional indicators makes a query cost a million steps.)
//
// Each function comes twice: over UTF-32, and over UTF-8 text through its TextOffsets
// index (e.g. Document::offsets()), which avoids decoding a whole document.
// Positions past the end are treated as the end.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/text/code_point_range.hpp"
#include "core/text/text_offsets.hpp"

namespace scholion {

// Whether a cluster boundary lies at `cp` (false past the end of the text).
bool is_grapheme_boundary(std::u32string_view text, uint32_t cp);
bool is_grapheme_boundary(const TextOffsets& text, uint32_t cp);

// The first boundary after `cp`: the end of the cluster containing code point `cp`.
// Returns the text's size when cp is at or past the end.
uint32_t next_grapheme_boundary(std::u32string_view text, uint32_t cp);
uint32_t next_grapheme_boundary(const TextOffsets& text, uint32_t cp);

// The last boundary before `cp`: the start of the cluster that ends at or contains
// position cp. Returns 0 when cp is 0.
uint32_t prev_grapheme_boundary(std::u32string_view text, uint32_t cp);
uint32_t prev_grapheme_boundary(const TextOffsets& text, uint32_t cp);

// Widens [start, end) outward to cluster boundaries, so that a selection never splits a
// flag, a ZWJ emoji, a letter and its combining marks, or CR LF. A start after the end
// is swapped with it. An empty range inside a cluster widens to the whole cluster;
// one on a boundary stays empty.
CodePointRange snap_to_graphemes(std::u32string_view text, uint32_t start, uint32_t end);
CodePointRange snap_to_graphemes(const TextOffsets& text, uint32_t start, uint32_t end);

}  // namespace scholion
