// Line break opportunities: where a line of text may end (UAX #14, the Unicode Line
// Breaking Algorithm, Unicode 15.0).
//
// Exactly the default algorithm, rules LB1-LB31, with rule LB25 in the regular-expression
// form of UAX #14's Example 7 (the form LineBreakTest.txt assumes):
//   - LB1 resolves the classes the pair rules do not know: AI, SG and XX act as AL; CJ as
//     NS (the "normal" strictness: a line may start with a small kana); SA (Thai, Lao,
//     Khmer, Myanmar, ... written without spaces) as CM when it is a combining mark and
//     as AL otherwise, so there is no break inside a run of SA text. Words there need a
//     dictionary; the layout asks the platform for them (core/layout/break_opportunities.hpp).
//   - Combining marks and ZWJ take the class of what they follow (LB9), or act as AL
//     (LB10); emoji ZWJ sequences stay whole (LB8a); regional indicators pair into flags
//     (LB30a); an emoji base keeps its modifier (LB30b).
// It knows nothing of grapheme clusters: a space followed by a combining mark is a break
// opportunity here (LB10, LB18). The layout also asks grapheme_clusters.hpp.
//
// Positions are code point offsets, 0..size(): position p is between code points p-1 and
// p. Position 0 is never a break (LB2) and the end of a non-empty text always is (LB3).
//
// Cost: one pass over the text, one table lookup per code point (a binary search over
// about 3,600 runs; ASCII is a direct table), and nothing allocated but the result.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace scholion {

// Line_Break (UAX #14, table 1), as LineBreak.txt gives it: before rule LB1.
enum class LineBreakClass : uint8_t {
  bk, cr, lf, cm, nl, sg, wj, zw, gl, sp, zwj,  // non-tailorable
  b2, ba, bb, hy, cb, cl, cp, ex, in, ns, op, qu, is, nu, po, pr, sy, ai, al, cj, eb, em,
  h2, h3, hl, id, jl, jv, jt, ri, sa, xx,
};

// What may happen at a position.
enum class LineBreak : uint8_t {
  none,       // the line may not end here
  allowed,    // it may
  mandatory,  // it must: after a line feed, CR, NEL, U+2028, U+2029, VT or FF (and at the end)
};

LineBreakClass line_break_class(char32_t cp);  // the Line_Break property of `cp`

// Writes what may happen at every position 0..text.size() of `text` into `out`, which
// must hold text.size() + 1 entries (asserted). Allocates nothing.
void line_break_opportunities(std::u32string_view text, std::span<LineBreak> out);

// The same, as a vector of text.size() + 1 entries.
std::vector<LineBreak> line_break_opportunities(std::u32string_view text);

// The version of the Unicode data the table was built from, e.g. "15.0.0".
std::string_view line_break_data_version();

}  // namespace scholion
