// The Unicode Bidirectional Algorithm (UAX #9, Unicode 15.0): in what order the
// characters of a paragraph that mixes left-to-right and right-to-left scripts are
// drawn, e.g. an Arabic sentence quoting a Latin name and a year.
//
// Two steps, as the algorithm has them:
//  1. Per paragraph (this header): the paragraph's direction (rules P2-P3, or given by
//     the article's `dir`), then the resolved embedding level of every code point
//     (X1-X10 with isolates and the 125-level stack, W1-W7, N0 with bracket pairs, N1-N2,
//     I1-I2). Even levels run left to right, odd levels right to left.
//  2. Per line (core/text/bidi_reorder.hpp): the trailing white space reset (L1) and the
//     visual order (L2) of one line of the paragraph, once line breaking has cut it.
//     Mirroring (L4) is `mirrored` in core/text/bidi_properties.hpp.
//
// A paragraph is what the algorithm's rule P1 delimits: text up to and including a
// paragraph separator (class B: U+2029, LF, CR, ...); a document block is one. Pass one
// paragraph at a time. (A separator inside the text closes every embedding, override and
// isolate, rule X8, but the paragraph level is not found again after it.)
//
// Positions are code point offsets into the paragraph's text.
//
// Cost: linear in the paragraph's length (bracket pairs nest at most 63 deep, and each
// looks only inside itself), with a handful of vectors of one entry per code point.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/text/bidi_properties.hpp"

namespace scholion {

enum class BidiDirection : uint8_t { ltr, rtl };

using BidiLevel = uint8_t;  // an embedding level, 0..126; odd levels are right-to-left

inline constexpr BidiLevel kMaxBidiDepth = 125;  // deepest explicit embedding (BD2)

constexpr BidiDirection direction_of_level(BidiLevel level) {
  return level % 2 == 0 ? BidiDirection::ltr : BidiDirection::rtl;
}

// Rules P2-P3: the direction of the paragraph's first strong character (L, or R / AL),
// skipping text inside isolates (LRI, RLI, FSI up to its matching PDI) and stopping at a
// paragraph separator; `if_none` when there is none (ltr in the standard algorithm; a
// page may ask for its own, as HTML's dir="auto" inherits the parent's).
BidiDirection paragraph_direction(std::u32string_view text, BidiDirection if_none = BidiDirection::ltr);

// Whether a left-to-right paragraph needs the algorithm at all: it has a right-to-left
// letter, an Arabic number or an explicit direction control. Most text has none, and its
// levels are all 0 without resolving them. O(n), fast for text below U+0590.
bool needs_bidi(std::u32string_view text);

// One paragraph with its levels resolved. A plain value: immutable once computed.
struct BidiParagraph {
  BidiLevel level = 0;                 // paragraph embedding level: 0 ltr, 1 rtl
  std::vector<BidiClass> classes;      // Bidi_Class of each code point, as in the text
  std::vector<BidiLevel> levels;       // resolved level of each code point, rules I1-I2

  BidiDirection direction() const { return direction_of_level(level); }
  uint32_t size() const { return static_cast<uint32_t>(levels.size()); }
};
// Characters removed by rule X9 (embeddings, overrides, PDF, boundary neutrals such as
// ZWJ or the soft hyphen; see is_removed_by_x9) have no level in UAX #9. They get the
// level of the code point before them (the paragraph's at the start), so that they
// neither split nor join runs when reordering, and draw with their neighbour.

// Resolves the embedding levels of one paragraph. `direction` is the article's `dir`:
// given, it fixes the paragraph level (0 for ltr, 1 for rtl); std::nullopt finds it by
// rules P2-P3 (ltr if there is no strong character).
BidiParagraph resolve_bidi_paragraph(std::u32string_view text,
                                     std::optional<BidiDirection> direction = std::nullopt);

// The same from Bidi_Class values alone, for callers that have classes rather than text
// (the conformance file BidiTest.txt). `text`, if not empty, must have one code point per
// class and supplies the bracket pairs of rule N0; empty, no character is a bracket.
BidiParagraph resolve_bidi_classes(std::vector<BidiClass> classes, std::u32string_view text,
                                   std::optional<BidiDirection> direction = std::nullopt);

}  // namespace scholion
