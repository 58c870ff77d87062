#!/usr/bin/env python3
"""Generates the tables the Unicode Bidirectional Algorithm (UAX #9) reads.

Reads the Unicode Character Database as the Debian package `unicode-data` installs it
(/usr/share/unicode) and writes one C++ header of compact tables:

  - Bidi_Class of every code point: UnicodeData.txt field 4 for assigned code points, and
    for the rest the defaults of extracted/DerivedBidiClass.txt (its `@missing` lines:
    unassigned code points in the Hebrew, Arabic, Syriac, ... blocks are R or AL, in the
    Currency Symbols block ET, noncharacters and default ignorables BN, otherwise L).
    DerivedBidiClass.txt's own data lines must agree with UnicodeData.txt, or the build
    stops.
  - Bidi_Mirroring_Glyph (BidiMirroring.txt), for rule L4.
  - Bidi_Paired_Bracket and Bidi_Paired_Bracket_Type (BidiBrackets.txt), for rule N0.

Everything is bytes of little-endian base-128 numbers (seven bits a byte, the high bit
on all but a number's last), decoded on first use by core/text/bidi_properties.cpp:

  - kBidiClassRuns: per run of code points sharing a class, (length << 5) | class;
    the runs cover U+0000..U+10FFFF in order, without gaps.
  - kMirroringData: per entry, the source minus the previous entry's source, then the
    target minus the source zigzag-encoded (2d for d >= 0, -2d - 1 below), shifted left
    by one with a low bit set when the mapping is one-way. Mirroring is nearly always
    mutual ('(' <-> ')'), so a mutual pair is stored once, from its lower code point.
  - kBracketData: per pair, the opening bracket minus the previous opening bracket, then
    the closing bracket minus the opening one, zigzag-encoded (U+298F's closing bracket
    is U+298E).

The header is written into the build directory at build time and never committed.
Standard library only.

Usage: gen_bidi_tables.py UNICODE_DIR OUTPUT_HEADER
"""

import pathlib
import re
import sys

from ucd import base128, fail, unicode_data, wrap, write_if_changed

MAX_CODE_POINT = 0x10FFFF

# Unicode short value names, in the order of enum class BidiClass (core/text/bidi_class.hpp).
CLASSES = ["L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON",
           "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"]
LONG_NAMES = {
    "Left_To_Right": "L", "Right_To_Left": "R", "Arabic_Letter": "AL",
    "European_Number": "EN", "European_Separator": "ES", "European_Terminator": "ET",
    "Arabic_Number": "AN", "Common_Separator": "CS", "Nonspacing_Mark": "NSM",
    "Boundary_Neutral": "BN", "Paragraph_Separator": "B", "Segment_Separator": "S",
    "White_Space": "WS", "Other_Neutral": "ON",
    "Left_To_Right_Embedding": "LRE", "Left_To_Right_Override": "LRO",
    "Right_To_Left_Embedding": "RLE", "Right_To_Left_Override": "RLO",
    "Pop_Directional_Format": "PDF", "Left_To_Right_Isolate": "LRI",
    "Right_To_Left_Isolate": "RLI", "First_Strong_Isolate": "FSI",
    "Pop_Directional_Isolate": "PDI",
}

MISSING = re.compile(r"^#\s*@missing:\s*([0-9A-F]{4,6})\.\.([0-9A-F]{4,6})\s*;\s*([A-Za-z_]+)")
DATA = re.compile(r"^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([A-Za-z_]+)")




def short_class(name, where):
    name = LONG_NAMES.get(name, name)
    if name not in CLASSES:
        fail(f"{where}: unknown Bidi_Class {name!r}")
    return name


def read_unicode_data(path):
    """{code point: Bidi_Class} for every code point UnicodeData.txt assigns."""
    out = {}
    for first, last, fields, where in unicode_data(path):
        bidi = short_class(fields[4], where)
        for c in range(first, last + 1):
            out[c] = bidi
    return out


def bidi_classes(ucd):
    """Bidi_Class of every code point, as a list indexed by code point."""
    derived = ucd / "extracted" / "DerivedBidiClass.txt"
    assigned = read_unicode_data(ucd / "UnicodeData.txt")
    classes = ["L"] * (MAX_CODE_POINT + 1)
    explicit = {}
    if derived.is_file():
        # Later @missing lines refine earlier ones (the first covers everything with L).
        for number, raw in enumerate(derived.read_text(encoding="utf-8").splitlines(), 1):
            m = MISSING.match(raw)
            if m:
                value = short_class(m.group(3), f"{derived}:{number}")
                for cp in range(int(m.group(1), 16), int(m.group(2), 16) + 1):
                    classes[cp] = value
                continue
            m = DATA.match(raw)
            if m:
                value = short_class(m.group(3), f"{derived}:{number}")
                for cp in range(int(m.group(1), 16), int(m.group(2) or m.group(1), 16) + 1):
                    explicit[cp] = value
    else:
        print(f"gen_bidi_tables.py: warning: {derived} not found; unassigned code points "
              f"get Bidi_Class L", file=sys.stderr)
    for cp, value in explicit.items():
        if cp in assigned and assigned[cp] != value:
            fail(f"U+{cp:04X} is {assigned[cp]} in UnicodeData.txt but {value} in {derived}")
        classes[cp] = value
    for cp, value in assigned.items():
        classes[cp] = value
    return classes


def read_pairs(path, fields_wanted):
    """The data lines of a semicolon-separated UCD file, as lists of stripped fields."""
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = [f.strip() for f in line.split(";")]
        if len(fields) != fields_wanted:
            fail(f"{path}:{number}: unreadable line {raw!r}")
        out.append(fields)
    return out




def zigzag(d):
    return 2 * d if d >= 0 else -2 * d - 1




def version_of(path):
    m = re.search(r"BidiMirroring-(\d+\.\d+\.\d+)\.txt", path.read_text(encoding="utf-8")[:500])
    if not m:
        fail(f"{path}: no version line found")
    return m.group(1)


def main():
    if len(sys.argv) != 3:
        fail("usage: gen_bidi_tables.py UNICODE_DIR OUTPUT_HEADER")
    ucd = pathlib.Path(sys.argv[1])
    output = pathlib.Path(sys.argv[2])
    for f in ("UnicodeData.txt", "BidiMirroring.txt", "BidiBrackets.txt"):
        if not (ucd / f).is_file():
            fail(f"{ucd / f} not found (install the Debian package unicode-data)")
    version = version_of(ucd / "BidiMirroring.txt")

    classes = bidi_classes(ucd)
    runs = []  # (length, class)
    for value in classes:
        if runs and runs[-1][1] == value:
            runs[-1][0] += 1
        else:
            runs.append([1, value])
    class_bytes = []
    for length, value in runs:
        class_bytes += base128(length << 5 | CLASSES.index(value))

    mirrors = dict((int(a, 16), int(b, 16)) for a, b in read_pairs(ucd / "BidiMirroring.txt", 2))
    mirror_bytes, previous, mirror_entries = [], 0, 0
    for source in sorted(mirrors):
        target = mirrors[source]
        both_ways = mirrors.get(target) == source
        if both_ways and target < source:
            continue  # stored with its partner
        flagged = zigzag(target - source) << 1 | (0 if both_ways else 1)
        mirror_bytes += base128(source - previous) + base128(flagged)
        previous = source
        mirror_entries += 1

    brackets = {}
    for cp, pair, kind in read_pairs(ucd / "BidiBrackets.txt", 3):
        brackets[int(cp, 16)] = (int(pair, 16), kind)
    bracket_bytes, previous, openers = [], 0, 0
    for cp in sorted(brackets):
        pair, kind = brackets[cp]
        if kind == "c":
            if brackets.get(pair) != (cp, "o"):
                fail(f"closing bracket U+{cp:04X} has no opening bracket U+{pair:04X}")
            continue
        if kind != "o" or brackets.get(pair) != (cp, "c"):
            fail(f"bracket U+{cp:04X}: unexpected pair U+{pair:04X} ({kind})")
        bracket_bytes += base128(cp - previous) + base128(zigzag(pair - cp))
        previous = cp
        openers += 1

    text = f"""\
// Generated by scripts/gen_bidi_tables.py from the Unicode {version} Character
// Database. Do not edit; do not commit. Included by core/text/bidi_properties.cpp only.
// {len(class_bytes) + len(mirror_bytes) + len(bracket_bytes)} bytes of table data in all.
#pragma once

#include <cstddef>

namespace scholion::bidi_tables {{

inline constexpr char kUnicodeVersion[] = "{version}";

// Bidi_Class: per run, (length << 5) | class, in base 128; the runs cover all code points.
inline constexpr unsigned char kBidiClassRuns[] = {{
{wrap(class_bytes)}
}};
inline constexpr std::size_t kBidiClassRunCount = {len(runs)};

// Bidi_Mirroring_Glyph: per entry, source delta, then zigzag(target - source) << 1 |
// one-way; an entry not one-way also maps the target back to the source.
inline constexpr unsigned char kMirroringData[] = {{
{wrap(mirror_bytes)}
}};
inline constexpr std::size_t kMirroringEntryCount = {mirror_entries};
inline constexpr std::size_t kMirroringCount = {len(mirrors)};  // mappings, both ways counted

// Bidi_Paired_Bracket: per pair, opening bracket delta, then zigzag(closing - opening).
inline constexpr unsigned char kBracketData[] = {{
{wrap(bracket_bytes)}
}};
inline constexpr std::size_t kBracketPairCount = {openers};

}}  // namespace scholion::bidi_tables
"""
    write_if_changed(output, text)


if __name__ == "__main__":
    main()
