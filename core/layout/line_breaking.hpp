// Line breaking: where a line may end, and greedy filling of lines to a width.
//
// Break opportunities are a small, deliberate subset of UAX #14, enough for prose in
// Latin, Cyrillic and Greek scripts (and passable for CJK):
//   - after a run of spaces (the spaces hang at the end of the line, never start one);
//   - after a hyphen or dash (- ‐ – —) between two word characters: not in "-5", not
//     after a word-initial hyphen (" -x"), not before closing punctuation or a quote;
//   - after a zero-width space (U+200B), and between CJK ideographs or kana;
//   - mandatory after a line feed (preformatted text), or another line or paragraph
//     separator (see is_line_feed).
// Never inside a grapheme cluster (no break inside 🇷🇸, a ZWJ emoji or a letter and its
// combining marks), and never next to a glue character: U+00A0 NO-BREAK SPACE,
// U+2060 WORD JOINER, U+202F NARROW NO-BREAK SPACE, U+FEFF. So "said \u2060— so" never
// puts the dash at the start of a line.
//
// A word wider than the whole line is broken at the last cluster boundary that fits
// (a single cluster wider than the line gets a line of its own).
//
// Positions are code point offsets into the text given; 0 and size() are not breaks.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/layout/font_metrics.hpp"
#include "core/text/line_breaks.hpp"

namespace scholion {

// What kind of break, if any, lies between code points p-1 and p. O(1) plus the cost of
// one grapheme boundary test.
LineBreak line_break_at(std::u32string_view text, uint32_t p);

// Whether `cp` glues its neighbours together (no line break on either side of it).
bool is_line_glue(char32_t cp);

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

// Fills lines of at most `width` greedily. An empty text gives one empty line, and so
// does the text after a final line feed. O(n) in the length of the text.
std::vector<LineSpan> break_lines(std::u32string_view text, const FontMetrics& metrics,
                                  TextStyle style, float width);

}  // namespace scholion
