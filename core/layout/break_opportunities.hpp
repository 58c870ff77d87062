// Break opportunities the platform knows and UAX #14 does not: where the words are in
// text written without spaces between them.
//
// Thai, Lao, Khmer and Myanmar (and the other scripts of Line_Break class SA, "complex
// context") put no spaces between words, and finding the words takes a dictionary the
// core does not ship. The platform has one: in the browser the canvas implements this
// interface with Intl.Segmenter (granularity "word"). The layout asks it about each run
// of SA text, beside the FontMetrics it asks for advances.
//
// Without one (natively, in the tests) UAX #14 alone applies: SA acts as AL (rule LB1),
// so a run of Thai breaks only where it meets spaces or punctuation, and a run wider than
// the line is broken between grapheme clusters, as any word that long is.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace scholion {

class BreakOpportunities {
 public:
  virtual ~BreakOpportunities() = default;

  // Appends to `out` the offsets k (code points of `run`, 0 < k < run.size()) at which a
  // word begins inside `run`: a maximal run of Line_Break SA code points. The layout
  // clears `out` before each call and ignores offsets outside (0, run.size()) and those
  // inside a grapheme cluster; order does not matter.
  virtual void word_starts(std::u32string_view run, std::vector<uint32_t>& out) const = 0;
};

}  // namespace scholion
