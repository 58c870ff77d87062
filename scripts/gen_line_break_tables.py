#!/usr/bin/env python3
"""Generates the Line_Break table core/text/line_breaks.cpp reads (UAX #14).

Reads the Unicode Character Database as the Debian package `unicode-data` installs it
(/usr/share/unicode):

  - Line_Break (LineBreak.txt), as the file gives it: AI, SA, CJ, SG and XX are resolved
    by the algorithm (rule LB1), not here;
  - East_Asian_Width F, W or H (EastAsianWidth.txt), which rule LB30 asks of OP and CP;
  - General_Category (UnicodeData.txt): Mn or Mc for SA (LB1 makes those CM), and
    unassigned (Cn) for rule LB30b;
  - Extended_Pictographic (emoji/emoji-data.txt), for rule LB30b.

Each code point gets one byte: its Line_Break class (the index of its enumerator in
LineBreakClass, core/text/line_breaks.hpp) in the low six bits, plus
  0x40  East_Asian_Width F/W/H (set on OP and CP only, the classes LB30 asks it of);
  0x80  on SA: a combining mark (Mn, Mc); on any other class: an unassigned
        Extended_Pictographic code point.
Flags are set only where a rule reads them, so that they split as few runs as possible.

The bytes form runs over U+0000..U+10FFFF: kLineBreakStartDeltas holds each run's first
code point minus the previous one as a little-endian base-128 number (seven bits a byte,
the high bit on all but a number's last), kLineBreakValues the byte of each run; ASCII
also gets a direct table. The same layout as scripts/gen_unicode_tables.py's tables.

The header is written into the build directory at build time and never committed.
Standard library only.

Usage: gen_line_break_tables.py UNICODE_DIR OUTPUT_HEADER
"""

import pathlib
import sys

from ucd import base128, check_version as check_data_version, fail, read_ranges, unicode_data, wrap, write_if_changed

# core/text/line_breaks.cpp implements the rules of exactly this version of UAX #14
# (Unicode 15.1 adds LB15a-d, LB20a and LB28a with five new classes).
EXPECTED_VERSION = "15.0"

MAX_CODE_POINT = 0x10FFFF

# The enumerators of LineBreakClass, in order; a class missing here (a newer Unicode)
# stops the build instead of being dropped.
CLASSES = [
    "BK", "CR", "LF", "CM", "NL", "SG", "WJ", "ZW", "GL", "SP", "ZWJ",
    "B2", "BA", "BB", "HY", "CB", "CL", "CP", "EX", "IN", "NS", "OP", "QU", "IS",
    "NU", "PO", "PR", "SY", "AI", "AL", "CJ", "EB", "EM", "H2", "H3", "HL", "ID",
    "JL", "JV", "JT", "RI", "SA", "XX",
]
WIDE = 0x40
EXTRA = 0x80







def check_line_break_version(path, pattern):
    return check_data_version(path, pattern, EXPECTED_VERSION, "core/text/line_breaks.cpp implements UAX #14")


def general_categories(path):
    """General_Category of every code point; 'Cn' where UnicodeData.txt assigns none."""
    gc = ["Cn"] * (MAX_CODE_POINT + 1)
    for first, last, fields, _ in unicode_data(path):
        for c in range(first, last + 1):
            gc[c] = fields[2]
    return gc






def main():
    if len(sys.argv) != 3:
        fail("usage: gen_line_break_tables.py UNICODE_DIR OUTPUT_HEADER")
    ucd = pathlib.Path(sys.argv[1])
    output = pathlib.Path(sys.argv[2])
    line_break_file = ucd / "LineBreak.txt"
    width_file = ucd / "EastAsianWidth.txt"
    unicode_data_file = ucd / "UnicodeData.txt"
    emoji_file = ucd / "emoji" / "emoji-data.txt"
    for f in (line_break_file, width_file, unicode_data_file, emoji_file):
        if not f.is_file():
            fail(f"{f} not found (install the Debian package unicode-data)")
    version = check_line_break_version(line_break_file, r"LineBreak-(\d+\.\d+\.\d+)\.txt")
    check_line_break_version(width_file, r"EastAsianWidth-(\d+\.\d+\.\d+)\.txt")
    check_line_break_version(emoji_file, r"Emoji Version (\d+\.\d+)")

    index = {name: i for i, name in enumerate(CLASSES)}
    values = [index["XX"]] * (MAX_CODE_POINT + 1)  # LineBreak.txt's @missing default
    for first, last, name in read_ranges(line_break_file):
        if name not in index:
            fail(f"unknown Line_Break value {name!r} at U+{first:04X}")
        for cp in range(first, last + 1):
            values[cp] = index[name]

    wide_classes = {index["OP"], index["CP"]}
    for first, last, width in read_ranges(width_file):
        if width in ("F", "W", "H"):
            for cp in range(first, last + 1):
                if values[cp] in wide_classes:
                    values[cp] |= WIDE

    gc = general_categories(unicode_data_file)
    for cp in range(MAX_CODE_POINT + 1):
        if values[cp] == index["SA"] and gc[cp] in ("Mn", "Mc"):
            values[cp] |= EXTRA
    for first, last, name in read_ranges(emoji_file):
        if name != "Extended_Pictographic":
            continue
        for cp in range(first, last + 1):
            if gc[cp] == "Cn":
                if values[cp] & 0x3F == index["SA"]:
                    fail(f"U+{cp:04X}: an unassigned pictograph of class SA")
                values[cp] |= EXTRA

    runs = []
    for cp, value in enumerate(values):
        if not runs or runs[-1][1] != value:
            runs.append((cp, value))
    deltas, previous = [], 0
    for cp, _ in runs:
        deltas += base128(cp - previous)
        previous = cp
    order = "\n".join(f"static_assert(static_cast<int>(LineBreakClass::{name.lower()}) == {i});"
                      for i, name in enumerate(CLASSES))

    text = f"""\
// Generated by scripts/gen_line_break_tables.py from the Unicode {version} Character
// Database. Do not edit; do not commit. Included by core/text/line_breaks.cpp only,
// after LineBreakClass is declared.
#pragma once

#include <cstddef>

namespace scholion::line_break_tables {{

inline constexpr char kUnicodeVersion[] = "{version}";

// The class bytes are LineBreakClass indices:
{order}

inline constexpr unsigned char kWide = 0x{WIDE:02X};   // East_Asian_Width F/W/H (on OP, CP)
inline constexpr unsigned char kExtra = 0x{EXTRA:02X};  // SA: a mark; otherwise: unassigned pictograph
inline constexpr unsigned char kClassMask = 0x3F;

// U+0000..U+007F directly.
inline constexpr unsigned char kAscii[128] = {{
{wrap(str(v) for v in values[:128])}
}};

// Run k covers [start k, start k+1).
inline constexpr unsigned char kStartDeltas[] = {{
{wrap(str(b) for b in deltas)}
}};
inline constexpr std::size_t kStartCount = {len(runs)};
inline constexpr unsigned char kValues[] = {{
{wrap(str(v) for _, v in runs)}
}};
static_assert(sizeof(kValues) == kStartCount);

}}  // namespace scholion::line_break_tables
"""
    write_if_changed(output, text)


if __name__ == "__main__":
    main()
