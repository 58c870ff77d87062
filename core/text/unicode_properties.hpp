// The Unicode character properties text segmentation needs (UAX #29), and the few the
// notes need (letters of a #tag, lower-casing tags), looked up in
// range tables generated at build time from the Unicode Character Database (see
// scripts/gen_unicode_tables.py; the tables are never committed).
//
// Each lookup is a binary search over about two thousand sorted runs; ASCII takes a
// shortcut. The enumerators are the Unicode property values, spelled in lower case.
#pragma once

#include <cstdint>
#include <string_view>

namespace scholion {

// Grapheme_Cluster_Break (UAX #29, table 2).
enum class GraphemeBreak : uint8_t {
  other, cr, lf, control, extend, zwj, regional_indicator, prepend, spacing_mark,
  l, v, t, lv, lvt,  // Hangul jamo and syllables
};

// Word_Break (UAX #29, table 3).
enum class WordBreak : uint8_t {
  other, cr, lf, newline, extend, zwj, regional_indicator, format, katakana,
  hebrew_letter, aletter, single_quote, double_quote, midnumlet, midletter, midnum,
  numeric, extendnumlet, wsegspace,
};

GraphemeBreak grapheme_break(char32_t cp);   // Grapheme_Cluster_Break of `cp`
WordBreak word_break(char32_t cp);           // Word_Break of `cp`
bool is_extended_pictographic(char32_t cp);  // emoji-data.txt's Extended_Pictographic
bool is_letter_or_number(char32_t cp);       // General_Category L*, M* (marks) or N*
char32_t simple_lowercase(char32_t cp);      // Simple_Lowercase_Mapping; itself if none

// The version of the Unicode data the tables were built from, e.g. "15.0.0".
std::string_view unicode_data_version();

}  // namespace scholion
