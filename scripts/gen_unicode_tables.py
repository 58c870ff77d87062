#!/usr/bin/env python3
"""Generates the Unicode property tables the core's text segmentation reads.

Reads the Unicode Character Database as the Debian package `unicode-data` installs it
(/usr/share/unicode) and writes one C++ header of sorted range tables:

  - Grapheme_Cluster_Break (auxiliary/GraphemeBreakProperty.txt),
  - Word_Break (auxiliary/WordBreakProperty.txt),
  - Extended_Pictographic (emoji/emoji-data.txt),
  - letters, marks and numbers (General_Category L*, M*, N*; UnicodeData.txt), for the
    characters of a #tag,
  - Simple_Lowercase_Mapping (UnicodeData.txt), for tags compared without case.

Each property table is two parallel arrays: start k is the first code point of a run
whose value is kXValues[k]; the run ends where the next one starts. The starts are stored
compactly (they are most of the download's Unicode data): kXStartDeltas holds each
start minus the previous one (the first minus 0) as a little-endian base-128 number —
seven bits a byte, the high bit set on all bytes but a number's last — and kXStartCount
says how many there are; core/unicode_properties.cpp decodes them on first use. The runs cover
U+0000..U+10FFFF without gaps (unlisted code points get the default, `other`), so a
lookup is one binary search. Extended_Pictographic is a boolean: its starts (stored the
same way) are of alternating runs, the first one inside the property, and so are
LetterOrNumber's. Lower-casing is groups of code points a stride apart sharing one offset,
stored as bytes too (kLowercaseData, see lowercase_data).

The header is written into the build directory at build time and never committed.
Standard library only.

Usage: gen_unicode_tables.py UNICODE_DIR OUTPUT_HEADER
"""

import pathlib
import sys

from ucd import base128, check_version as check_data_version, fail, read_ranges, unicode_data, wrap, write_if_changed

# The segmentation rules in core/ implement exactly this version of UAX #29; data of
# another version would silently pair old rules with new properties (Unicode 15.1, for
# one, adds rule GB9c and the Indic_Conjunct_Break property).
EXPECTED_VERSION = "15.0"

MAX_CODE_POINT = 0x10FFFF

# Unicode value names -> enumerators in core/unicode_properties.hpp. A value missing
# here (a newer Unicode) stops the build instead of being dropped.
GRAPHEME_VALUES = {
    "CR": "cr",
    "LF": "lf",
    "Control": "control",
    "Extend": "extend",
    "ZWJ": "zwj",
    "Regional_Indicator": "regional_indicator",
    "Prepend": "prepend",
    "SpacingMark": "spacing_mark",
    "L": "l",
    "V": "v",
    "T": "t",
    "LV": "lv",
    "LVT": "lvt",
}
WORD_VALUES = {
    "CR": "cr",
    "LF": "lf",
    "Newline": "newline",
    "Extend": "extend",
    "ZWJ": "zwj",
    "Regional_Indicator": "regional_indicator",
    "Format": "format",
    "Katakana": "katakana",
    "Hebrew_Letter": "hebrew_letter",
    "ALetter": "aletter",
    "Single_Quote": "single_quote",
    "Double_Quote": "double_quote",
    "MidNumLet": "midnumlet",
    "MidLetter": "midletter",
    "MidNum": "midnum",
    "Numeric": "numeric",
    "ExtendNumLet": "extendnumlet",
    "WSegSpace": "wsegspace",
}







def check_version(path, pattern):
    return check_data_version(path, pattern, EXPECTED_VERSION, "the segmentation rules in core/ (UAX #29) implement")


def runs(ranges, names, what):
    """Contiguous (start, enumerator) runs covering all code points, default `other`."""
    values = ["other"] * (MAX_CODE_POINT + 1)
    for first, last, value in ranges:
        if value not in names:
            fail(f"unknown {what} value {value!r}")
        for cp in range(first, last + 1):
            if values[cp] != "other":
                fail(f"U+{cp:04X} has two {what} values")
            values[cp] = names[value]
    out = []
    for cp, value in enumerate(values):
        if not out or out[-1][1] != value:
            out.append((cp, value))
    return out


def boolean_starts(ranges):
    inside = [False] * (MAX_CODE_POINT + 2)
    for first, last, _ in ranges:
        for cp in range(first, last + 1):
            inside[cp] = True
    starts = []
    state = False
    for cp in range(MAX_CODE_POINT + 1):
        if inside[cp] != state:
            starts.append(cp)
            state = inside[cp]
    return starts


def read_unicode_data(path):
    """(code point, general category, simple lowercase or None) for every code point
    UnicodeData.txt assigns, expanding its <..., First>/<..., Last> ranges."""
    out = []
    for first, last, fields, _ in unicode_data(path):
        if first != last:
            out.extend((c, fields[2], None) for c in range(first, last + 1))
        else:
            out.append((first, fields[2], int(fields[13], 16) if fields[13] else None))
    return out


def lowercase_groups(data):
    """(first, last, delta, stride): the code points first, first + stride, ... up to last
    map to themselves plus delta. Stride 2 captures the alternating upper/lower pairs of
    Latin Extended, Greek and Cyrillic in one entry."""
    mapped = sorted((cp, lower - cp) for cp, _, lower in data if lower is not None)
    groups = []
    for cp, delta in mapped:
        if groups:
            first, last, d, stride = groups[-1]
            step = cp - last
            if d == delta and (step == stride or (first == last and step in (1, 2))):
                groups[-1] = (first, cp, d, step)
                continue
        groups.append((cp, cp, delta, 1))
    return groups






def lowercase_data(groups):
    """Per group, in base 128: first minus the previous group's first, last minus first,
    the delta zigzag-encoded (2d for d >= 0, -2d - 1 below), then the stride."""
    data, previous = [], 0
    for first, last, delta, stride in groups:
        data += base128(first - previous) + base128(last - first)
        data += base128(2 * delta if delta >= 0 else -2 * delta - 1) + base128(stride)
        previous = first
    return wrap(str(b) for b in data)


def start_deltas(name, starts):
    """The starts as kXStartDeltas / kXStartCount (see the module's docstring)."""
    data, previous = [], 0
    for cp in starts:
        data += base128(cp - previous)
        previous = cp
    return (f"inline constexpr unsigned char k{name}StartDeltas[] = {{\n{wrap(str(b) for b in data)}\n}};\n"
            f"inline constexpr std::size_t k{name}StartCount = {len(starts)};\n")


def emit_property(name, enum, alias, property_runs):
    values = wrap(f"{alias}::{value}" for _, value in property_runs)
    return (start_deltas(name, [cp for cp, _ in property_runs]) +
            f"inline constexpr {enum} k{name}Values[] = {{\n{values}\n}};\n"
            f"static_assert(std::size(k{name}Values) == k{name}StartCount);\n")


def main():
    if len(sys.argv) != 3:
        fail("usage: gen_unicode_tables.py UNICODE_DIR OUTPUT_HEADER")
    ucd = pathlib.Path(sys.argv[1])
    output = pathlib.Path(sys.argv[2])

    grapheme_file = ucd / "auxiliary" / "GraphemeBreakProperty.txt"
    word_file = ucd / "auxiliary" / "WordBreakProperty.txt"
    emoji_file = ucd / "emoji" / "emoji-data.txt"
    unicode_data_file = ucd / "UnicodeData.txt"
    for f in (grapheme_file, word_file, emoji_file, unicode_data_file):
        if not f.is_file():
            fail(f"{f} not found (install the Debian package unicode-data)")

    version = check_version(grapheme_file, r"GraphemeBreakProperty-(\d+\.\d+\.\d+)\.txt")
    check_version(word_file, r"WordBreakProperty-(\d+\.\d+\.\d+)\.txt")
    check_version(emoji_file, r"Emoji Version (\d+\.\d+)")

    grapheme = runs(read_ranges(grapheme_file), GRAPHEME_VALUES, "Grapheme_Cluster_Break")
    word = runs(read_ranges(word_file), WORD_VALUES, "Word_Break")
    pictographic = boolean_starts(read_ranges(emoji_file, "Extended_Pictographic"))
    unicode_data = read_unicode_data(unicode_data_file)
    letter_or_number = boolean_starts(
        [(cp, cp, None) for cp, category, _ in unicode_data if category[0] in "LMN"])
    lowercase = lowercase_groups(unicode_data)

    text = f"""\
// Generated by scripts/gen_unicode_tables.py from the Unicode {version} Character
// Database. Do not edit; do not commit. Included by core/unicode_properties.cpp only,
// after the enumerations it names are declared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace scholion::unicode_tables {{

inline constexpr char kUnicodeVersion[] = "{version}";

// Grapheme_Cluster_Break: run k covers [start k, start k+1).
{emit_property("GraphemeBreak", "GraphemeBreak", "GraphemeBreak", grapheme)}
// Word_Break, same layout.
{emit_property("WordBreak", "WordBreak", "WordBreak", word)}
// Extended_Pictographic: starts of alternating runs, the first one inside the property.
{start_deltas("ExtendedPictographic", pictographic)}
// General_Category L*, M* or N*: starts of alternating runs, the first one inside.
{start_deltas("LetterOrNumber", letter_or_number)}
// Simple_Lowercase_Mapping, sorted by first code point: first, first + stride, ... up to
// last map to themselves plus delta; code points in no entry map to themselves.
struct LowercaseGroup {{
  char32_t first;
  char32_t last;
  int32_t delta;
  uint8_t stride;
}};
inline constexpr unsigned char kLowercaseData[] = {{
{lowercase_data(lowercase)}
}};
inline constexpr std::size_t kLowercaseCount = {len(lowercase)};

}}  // namespace scholion::unicode_tables
"""
    write_if_changed(output, text)


if __name__ == "__main__":
    main()
