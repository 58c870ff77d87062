// Line breaking: where a line may end, and greedy filling of lines to a width.
//
// Break opportunities are UAX #14's (core/text/line_breaks.hpp: every script, Unicode
// 15.0), with three tailorings for layout:
//   - never inside a grapheme cluster: not between a space and a combining mark on it
//     (which UAX #14 allows), nor inside 🇷🇸, a ZWJ emoji or CR LF;
//   - not after a word-initial hyphen: "a -b" keeps "-b" whole (rule LB20a of the UAX #14
//     of later Unicode versions; Unicode 15.0 lacks it);
//   - inside a run of Thai, Lao, Khmer, Myanmar (Line_Break SA), at the word starts a
//     BreakOpportunities gives, if there is one (break_opportunities.hpp); without one,
//     nowhere.
// So: after spaces (which hang at the end of the line, never start one), after hyphens
// and dashes (not in "-5" or "10-15"), before and after em dashes, between ideographs
// (never before 。、」）, never after 「（), after U+200B; never next to U+00A0, U+2060,
// U+202F, U+FEFF; mandatory after a line feed or another line or paragraph separator
// (see is_line_feed).
//
// Lines are filled with pieces (TextPiece): the text between two break opportunities at
// most, of one bidi level, with runs of spaces apart — each measured as one shaped run
// (font_metrics.hpp) and drawn as one. A word wider than the whole line is broken at the
// last cluster boundary that fits (a single cluster wider than the line gets a line of
// its own).
//
// Positions are code point offsets into the text given; 0 and size() are not breaks.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "core/layout/break_opportunities.hpp"
#include "core/layout/font_metrics.hpp"
#include "core/text/bidi.hpp"
#include "core/text/bidi_reorder.hpp"
#include "core/text/line_breaks.hpp"

namespace scholion {

// What may happen at every position 0..text.size() of `text` when it is laid out: the
// UAX #14 opportunities with the tailorings above. Position 0 is none; the end of a
// non-empty text is mandatory. O(n), plus one call of `words` per run of SA text.
std::vector<LineBreak> line_breaks(std::u32string_view text, const BreakOpportunities* words = nullptr);

// Whether `cp` ends a line wherever it stands: LF, CR, VT, FF, NEL, U+2028, U+2029.
bool is_line_feed(char32_t cp);

// One line of a paragraph, in code points of the paragraph's text.
struct LineSpan {
  uint32_t start = 0;
  uint32_t end = 0;          // one past the last code point drawn: trailing spaces and
                             // a line feed are excluded
  uint32_t content_end = 0;  // where the next line starts (spaces and line feed included)
  float width = 0;           // advance of [start, end)
  bool hard = false;         // ended by a line feed
  bool operator==(const LineSpan&) const = default;
};

// A piece of a paragraph measured and drawn as one shaped run: [start, end) in code
// points of the paragraph. Line feeds are pieces of their own (`feed`, width 0), drawn
// nowhere.
struct TextPiece {
  uint32_t start = 0;
  uint32_t end = 0;
  float width = 0;
  BidiLevel level = 0;  // the paragraph's resolved level of its code points (bidi.hpp)
  bool space = false;   // a run of spaces: hangs at the end of a line
  bool feed = false;    // a line feed (CR LF is one)
};

// Pieces never grow longer than this many code points (cut at a cluster boundary): a
// "word" of thousands of letters without an opportunity still draws in pieces.
inline constexpr uint32_t kMaxPieceLength = 64;

// A paragraph broken into lines, with the pieces each line draws: line k draws
// pieces [piece_ranges[k].first, piece_ranges[k].second), in logical order (layout puts
// them in visual order).
struct BrokenParagraph {
  std::vector<LineSpan> lines;
  std::vector<TextPiece> pieces;
  std::vector<std::pair<uint32_t, uint32_t>> piece_ranges;
};

// Fills lines of at most `width` greedily with the pieces of `text`. `levels` holds the
// bidi level of each code point (empty: all 0, left to right). An empty text gives one
// empty line, and so does the text after a final line feed. O(n), plus one measurement
// per piece (and a few more for a word wider than the line).
BrokenParagraph break_paragraph(std::u32string_view text, std::span<const BidiLevel> levels,
                                const FontMetrics& metrics, TextStyle style, float width,
                                const BreakOpportunities* words = nullptr);

// A piece of a line drawn as one shaped run (see font_metrics.hpp): [start, end) in
// code points, its left edge and advance; right to left when `rtl`.
struct GlyphRun {
  uint32_t start = 0;
  uint32_t end = 0;
  float x = 0;
  float width = 0;
  bool rtl = false;
  bool operator==(const GlyphRun&) const = default;
};

// Appends the pieces of line `k` of `broken` to `out` in visual order, from x `left`:
// rule L2 of the Bidirectional Algorithm by level runs of `bidi` (the paragraph's levels;
// none: left to right), a right-to-left level run's pieces from last to first. Positions
// are offset by `base` (where the paragraph starts in a longer text).
void place_line_runs(const BrokenParagraph& broken, std::size_t k, const BidiParagraph& bidi, uint32_t base,
                     float left, std::vector<GlyphRun>& out);

// The lines alone, left to right. Fills lines of at most `width` greedily. An empty text gives one empty line, and so
// does the text after a final line feed. O(n) in the length of the text.
// `words`, if given, splits runs of Thai, Lao, Khmer and Myanmar into words.
std::vector<LineSpan> break_lines(std::u32string_view text, const FontMetrics& metrics,
                                  TextStyle style, float width,
                                  const BreakOpportunities* words = nullptr);

}  // namespace scholion
