// Word boundaries, and the word a double click selects.
//
// Boundaries follow UAX #29 word segmentation (Unicode 15.0, rules WB1-WB999), so
// letters, digits and their combining marks form words in Latin, Cyrillic, Greek and
// every other script whose letters are Word_Break=ALetter; "don’t", "l'homme", "3.14"
// and "e.g" are one word each (an apostrophe, ’ or ', or a period joins letters on both
// sides), while a leading or trailing apostrophe ("’tis", "dogs’") is not part of it.
// Format characters join the word they are in: a soft hyphen (U+00AD) or a word joiner
// (U+2060) inside a word does not split it. A run of spaces is one segment; other
// punctuation is one segment per character. CJK text is not segmented into words
// (each ideograph is its own segment).
//
// Positions are code point offsets; like the grapheme functions, each query reads only
// the text around the position (plus the run of ignorable marks or regional indicators
// behind it), and comes over UTF-32 and over UTF-8 with its TextOffsets index.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/text/text_offsets.hpp"

namespace scholion {

// Whether a UAX #29 word boundary lies at `cp` (false past the end of the text).
bool is_word_boundary(std::u32string_view text, uint32_t cp);
bool is_word_boundary(const TextOffsets& text, uint32_t cp);

// The first word boundary after `cp` / the last one before it (size at the end, 0 at 0).
uint32_t next_word_boundary(std::u32string_view text, uint32_t cp);
uint32_t next_word_boundary(const TextOffsets& text, uint32_t cp);
uint32_t prev_word_boundary(std::u32string_view text, uint32_t cp);
uint32_t prev_word_boundary(const TextOffsets& text, uint32_t cp);

// The segment a double click at `cp` selects: [start, end) in code points.
struct WordRange {
  uint32_t start = 0;
  uint32_t end = 0;
  bool is_word = false;  // letters or digits; false for spaces and punctuation
  bool operator==(const WordRange&) const = default;
};

// `cp` is a caret position, between code points. The word containing the code point
// after it; failing that, the word ending at cp (so the position between "word" and
// the "." after it selects "word"); failing that, the space or punctuation segment
// after cp (or, at the end of the text, the one before). The result never splits a
// grapheme cluster, and is empty only for an empty text.
WordRange word_at(std::u32string_view text, uint32_t cp);
WordRange word_at(const TextOffsets& text, uint32_t cp);

}  // namespace scholion
