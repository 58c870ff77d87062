// The Unicode character properties the Bidirectional Algorithm (UAX #9) reads:
// Bidi_Class, Bidi_Mirroring_Glyph and Bidi_Paired_Bracket(_Type). Looked up in compact
// tables generated at build time from the Unicode Character Database
// (scripts/gen_bidi_tables.py; never committed), decoded on first use.
//
// Unassigned code points get the defaults of DerivedBidiClass.txt: R or AL in the blocks
// reserved for right-to-left scripts, ET in Currency Symbols, BN for noncharacters and
// default ignorables, L everywhere else.
#pragma once

#include <cstdint>
#include <string_view>

namespace scholion {

// Bidi_Class (UAX #9, table 4). The enumerators are the short value names, lower-cased.
enum class BidiClass : uint8_t {
  l, r, al,                 // strong: left-to-right, right-to-left, Arabic letter
  en, es, et, an, cs, nsm,  // weak: European number, separator, terminator; Arabic number,
  bn,                       //   common separator, nonspacing mark, boundary neutral
  b, s, ws, on,             // neutral: paragraph and segment separators, white space, other
  lre, lro, rle, rlo, pdf,  // explicit embeddings and overrides, and their pop
  lri, rli, fsi, pdi,       // explicit isolates, and their pop
};

// Bidi_Paired_Bracket_Type: whether a character opens or closes a bracket pair (rule N0).
enum class BracketType : uint8_t { none, open, close };

struct PairedBracket {
  char32_t pair = 0;                    // Bidi_Paired_Bracket: the other bracket of the pair
  BracketType type = BracketType::none;
};

BidiClass bidi_class(char32_t cp);           // Bidi_Class of `cp` (L for values past U+10FFFF)
PairedBracket paired_bracket(char32_t cp);  // `cp`'s bracket pair; type none if not a bracket

// Rule L4: the character drawn in place of `cp` at a right-to-left (odd) level: its
// Bidi_Mirroring_Glyph, e.g. ')' for '(' and '≥' for '≤'; `cp` itself when it has none.
char32_t mirrored(char32_t cp);

// "ON", "AL", ...: the short Unicode name of a class, as the conformance files spell it.
std::string_view bidi_class_name(BidiClass c);

// Bidi classes that rule X9 removes from the algorithm: embeddings, overrides, their pop
// (PDF) and boundary neutrals. They get no level of their own (see BidiParagraph).
constexpr bool is_removed_by_x9(BidiClass c) {
  return c == BidiClass::bn || (c >= BidiClass::lre && c <= BidiClass::pdf);
}

constexpr bool is_isolate_initiator(BidiClass c) { return c >= BidiClass::lri && c <= BidiClass::fsi; }

}  // namespace scholion
