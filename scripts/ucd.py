"""What the Unicode table generators (scripts/gen_*_tables.py) share: reading the Unicode
Character Database's property files, and writing compact C++ tables."""
import re
import sys

# A data line of a UCD property file: "0041..005A ; Alphabetic # comment".
LINE = re.compile(r"^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([A-Za-z_0-9]+)\s*(?:#.*)?$")


def fail(message):
    """Stops the build, naming the generator."""
    sys.exit(f"{sys.argv[0].rsplit('/', 1)[-1]}: {message}")


def read_ranges(path, wanted=None):
    """(first, last, value) for every data line of a UCD property file (only `wanted` values
    if given)."""
    ranges = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = LINE.match(line)
        if not m:
            fail(f"{path}:{number}: unreadable line {raw!r}")
        first = int(m.group(1), 16)
        last = int(m.group(2) or m.group(1), 16)
        if wanted is None or m.group(3) == wanted:
            ranges.append((first, last, m.group(3)))
    return ranges


def unicode_data(path):
    """(first, last, fields, where) for every line of UnicodeData.txt: one code point, or a
    <..., First>/<..., Last> range (whose fields are the range's); `where` is "path:line"."""
    first = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = raw.split(";")
        if len(fields) != 15:
            fail(f"{path}:{number}: unreadable line {raw!r}")
        cp = int(fields[0], 16)
        if fields[1].endswith(", First>"):
            first = cp
            continue
        if fields[1].endswith(", Last>"):
            if first is None:
                fail(f"{path}:{number}: range end without a start")
            yield first, cp, fields, f"{path}:{number}"
            first = None
            continue
        yield cp, cp, fields, f"{path}:{number}"


def check_version(path, pattern, expected, implements):
    """The Unicode version a data file states (matched by `pattern`); stops the build unless
    it is `expected`, naming what `implements` that version's rules."""
    m = re.search(pattern, path.read_text(encoding="utf-8")[:2000])
    if not m:
        fail(f"{path}: no version line found")
    version = m.group(1)
    if not (version == expected or version.startswith(expected + ".")):
        fail(f"{path} is Unicode {version}, but {implements} of Unicode {expected}: "
             f"update the rules and the expected version")
    return version


def base128(n):
    """n as a little-endian base-128 number: seven bits a byte, the high bit on all but the last."""
    data = []
    while n >= 0x80:
        data.append(n & 0x7F | 0x80)
        n >>= 7
    data.append(n)
    return data


def wrap(items, indent="    ", width=92):
    """Comma-separated items as lines of C++ at most `width` wide."""
    lines, line = [], indent
    for item in items:
        piece = f"{item}, "
        if len(line) + len(piece) > width:
            lines.append(line.rstrip())
            line = indent
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


def write_if_changed(output, text):
    """Writes `text` to `output` only if it differs, so a re-run rebuilds nothing."""
    output.parent.mkdir(parents=True, exist_ok=True)
    if not output.exists() or output.read_text(encoding="utf-8") != text:
        tmp = output.with_suffix(output.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)
