#!/usr/bin/env python3
"""Assembles the static site Scholion serves: the wasm build, web/ (the embed's scripts
minified), the example pages and font subsets. Everything goes into the build tree; the
shared corpus is only read.

usage: build_site.py --wasm DIR --out DIR --shared DIR
"""
import argparse
import html
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = 'corpus/news/nato-stoltenberg-vucic.txt'
SECOND = 'corpus/texts/en-articles/en03-maupassant-the-string.txt'

NOTO = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf'
SYMBOLA = '/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf'

# The text face (one face: headings are emboldened when drawn). Its core — Basic Latin,
# the no-break space and the punctuation the canvas's own labels use — loads with the
# canvas.
TEXT_CORE = [(0x20, 0x7E), (0xA0, 0xA0), (0x2013, 0x2014), (0x2018, 0x2019),
             (0x201C, 0x201D), (0x2026, 0x2026), (0xFFFD, 0xFFFD)]
# The rest of the text face — Latin-1, Latin Extended-A/B, Greek, Cyrillic, general
# punctuation, currency, letterlike symbols — in chunks of TEXT_CHUNK code points,
# and the monochrome symbol face (pictographs, flags) in smaller chunks: the canvas
# fetches only the chunks the shown text uses and merges them into the text face.
TEXT_RANGES = [(0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x2000, 0x206F),
               (0x20A0, 0x20CF), (0x2100, 0x214F)]
TEXT_CHUNK = 64
# Pictograph outlines are large and neighbours unrelated: chunks of 8, so a text with one
# emoji pays for a kilobyte or two, not for its neighbours. Regional indicators (two make
# a flag) are small outlines: chunks of 16.
FLAG_RANGES = [(0x1F1E6, 0x1F1FF)]
FLAG_CHUNK = 16
SYMBOL_RANGES = [(0x2190, 0x21FF),  # arrows (Noto Sans has none)
                 (0x2300, 0x23FF), (0x25A0, 0x25FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF),
                 (0x1F300, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F900, 0x1F9FF)]
SYMBOL_CHUNK = 8


def font_code_points(source: str) -> set[int]:
    # Debian's python3 has fontTools (python3-fonttools), whatever python3 runs this.
    listing = subprocess.run(
        ['/usr/bin/python3', '-c', 'import sys; from fontTools.ttLib import TTFont; '
         'print(*TTFont(sys.argv[1], lazy=True).getBestCmap())', source],
        check=True, capture_output=True, text=True).stdout
    return set(map(int, listing.split()))


def chunks(source: str, ranges, size: int, taken=()):
    """(source, lo, hi) per aligned chunk of `size` code points of `ranges` that has
    glyphs in `source`, leaving out the code points in `taken`."""
    cmap = font_code_points(source) - set(taken)
    out = []
    for lo, hi in ranges:
        for start in range(lo - lo % size, hi + 1, size):
            have = [cp for cp in range(max(lo, start), min(hi, start + size - 1) + 1) if cp in cmap]
            if have:
                out.append((source, have[0], have[-1]))
    return out


def unicodes(ranges):
    return ','.join(f'U+{lo:04X}-{hi:04X}' for lo, hi in ranges)


def subset(source: str, ranges, target: Path) -> None:
    if target.exists() and target.stat().st_mtime >= os.stat(__file__).st_mtime:
        return
    # Debian's python3 has fontTools (python3-fonttools), whatever python3 is first on PATH.
    subprocess.run(['/usr/bin/python3', '-m', 'fontTools.subset', source,
                    f'--unicodes={unicodes(ranges)}', f'--output-file={target}',
                    # Only what stb_truetype reads: outlines, metrics and the character map.
                    '--no-hinting', '--layout-features=', '--name-IDs=',
                    '--drop-tables+=GSUB,GPOS,GDEF,OS/2,post,gasp,name'], check=True)


def subset_fonts(out: Path) -> None:
    """Writes the font subsets and fonts/manifest.json, which the canvas reads: the text
    face, the ranges its core holds, and the code point range lo..hi of each chunk, whose
    file is fonts/scholion-font-LO.ttf (lo in hex, at least 4 digits). A chunk may repeat
    code points of the core."""
    fonts = out / 'fonts'
    fonts.mkdir(parents=True, exist_ok=True)
    for stale in fonts.glob('*.ttf'):
        if stale.name != 'scholion-text.ttf' and not stale.name.startswith('scholion-font-'):
            stale.unlink()
    subset(NOTO, TEXT_CORE, fonts / 'scholion-text.ttf')
    core = {cp for lo, hi in TEXT_CORE for cp in range(lo, hi + 1)}
    pieces = (chunks(NOTO, TEXT_RANGES, TEXT_CHUNK, core) + chunks(SYMBOLA, FLAG_RANGES, FLAG_CHUNK) +
              chunks(SYMBOLA, SYMBOL_RANGES, SYMBOL_CHUNK))
    for source, lo, hi in pieces:
        subset(source, [(lo, hi)], fonts / f'scholion-font-{lo:04x}.ttf')
    # Chunks in code point order, each as two small numbers (compact once gzipped): its
    # first code point minus the previous chunk's last, and its last minus its first.
    pieces.sort(key=lambda piece: piece[1])
    steps, previous = [], 0
    for _, lo, hi in pieces:
        steps += [lo - previous, hi - lo]
        previous = hi
    manifest = {'text': 'scholion-text.ttf', 'core': [list(r) for r in TEXT_CORE], 'chunks': steps}
    (fonts / 'manifest.json').write_text(json.dumps(manifest, separators=(',', ':')),
                                         encoding='utf-8')


# Every script the site ships at its top level: the embed, the annotator's modules, the
# cores' glue.
def shipped_js(out: Path) -> list[Path]:
    return sorted([*out.glob('*.mjs'), *out.glob('*.js')])


CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"


def csp_variant(page: str) -> tuple[str, str]:
    """The news page under a strict Content-Security-Policy: its styles moved to a file."""
    start, end = page.index('<style>'), page.index('</style>') + len('</style>')
    css = page[start + len('<style>'):end - len('</style>')]
    head = (f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<link rel="stylesheet" href="page.css">')
    return page[:start] + head + page[end:], css


def two_articles_page(page: str, shared: Path) -> str:
    """The news page with a second article after the first: two instances."""
    text = (shared / SECOND).read_text(encoding='utf-8')
    paragraphs = [' '.join(p.split()) for p in text.split('\n\n') if p.strip()][:8]
    second = ('  <article id="second">\n    <h1>' + html.escape(paragraphs[0]) + '</h1>\n' +
              '\n'.join(f'    <p>{html.escape(p)}</p>' for p in paragraphs[1:]) + '\n  </article>\n')
    page = page.replace('<article>', '<article id="first">', 1)
    return page.replace('  <section id="comments">', second + '  <section id="comments">', 1)


def news_page(shared: Path) -> str:
    text = (shared / NEWS).read_text(encoding='utf-8')
    paragraphs = [' '.join(p.split('\n')).strip() for p in text.split('\n\n')]
    paragraphs = [p for p in paragraphs if p]
    title, source, body = paragraphs[0], paragraphs[1], paragraphs[2:]
    # The article ends where the comment section ("Leave a Reply") begins.
    cut = next((i for i, p in enumerate(body) if p.startswith('Leave a Reply')), len(body))
    article, comments = body[:cut], body[cut:]
    esc = html.escape
    template = (ROOT / 'examples/news/page.html').read_text(encoding='utf-8')
    return (template.replace('{{TITLE}}', esc(title))
            .replace('{{SOURCE}}', esc(source))
            .replace('{{PARAGRAPHS}}', '\n'.join(f'    <p>{esc(p)}</p>' for p in article))
            .replace('{{COMMENTS}}', '\n'.join(
                (f'    <h3>{esc(p)}</h3>' if i == 0 else f'    <p>{esc(p)}</p>')
                for i, p in enumerate(comments))))


INDEX = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scholion</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; margin: 2em">
<h1>Scholion</h1>
<ul>
<li><a href="examples/news/">The news example</a>: an article page with the one-tag embed</li>
<li><a href="examples/news/two.html">Two articles</a> on one page, two instances</li>
<li><a href="examples/news/csp.html">The news example under a strict Content-Security-Policy</a></li>
<li><a href="app/">The standalone annotator</a></li>
</ul>
</body></html>
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument('--wasm', required=True, type=Path)
    parser.add_argument('--out', required=True, type=Path)
    parser.add_argument('--shared', required=True, type=Path)
    args = parser.parse_args()

    out = args.out
    (out / 'examples/news').mkdir(parents=True, exist_ok=True)
    (out / 'app').mkdir(parents=True, exist_ok=True)
    for name in ('scholion-core.mjs', 'scholion-core.wasm', 'scholion-app-core.mjs', 'scholion-app-core.wasm'):
        shutil.copy2(args.wasm / name, out / name)
    for path in (ROOT / 'web').rglob('*'):
        if path.is_file():
            target = out / path.relative_to(ROOT / 'web')
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    # What the embed downloads ships minified (terser, from npm; see scripts/minify.mjs).
    subprocess.run(['node', str(ROOT / 'scripts/minify.mjs')] +
                   [str(path) for path in shipped_js(out)], check=True)
    subset_fonts(out)
    news = news_page(args.shared)
    (out / 'examples/news/index.html').write_text(news, encoding='utf-8')
    csp_page, css = csp_variant(news)
    (out / 'examples/news/csp.html').write_text(csp_page, encoding='utf-8')
    (out / 'examples/news/page.css').write_text(css, encoding='utf-8')
    (out / 'examples/news/two.html').write_text(two_articles_page(news, args.shared), encoding='utf-8')
    shutil.copy2(args.shared / NEWS, out / 'app/sample.txt')
    (out / 'index.html').write_text(INDEX, encoding='utf-8')
    return 0


if __name__ == '__main__':
    sys.exit(main())
