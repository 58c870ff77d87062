#!/usr/bin/env python3
"""Assembles the static site Scholion serves: the wasm build, web/, the example pages and
font subsets. Everything goes into the build tree; the shared corpus is only read.

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

TEXT_RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x2000, 0x206F),
               (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x21FF), (0xFFFD, 0xFFFD)]
NOTO = '/usr/share/fonts/truetype/noto/NotoSans-{}.ttf'
SYMBOLA = '/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf'

# Text faces: Latin, Latin-1, Latin Extended-A/B, Greek, Cyrillic, general punctuation,
# currency, letterlike symbols, arrows. Always loaded.
TEXT_FACES = [('scholion-text-regular.ttf', NOTO.format('Regular')),
              ('scholion-text-bold.ttf', NOTO.format('Bold'))]
# Monochrome symbol faces merged into the text, in chunks of 64 code points: the canvas
# fetches only the chunks the shown text uses (pictograph outlines are large, and a text
# with one emoji should not pay for a thousand).
SYMBOL_RANGES = [(0x1F1E6, 0x1F1FF),  # regional indicators (flags)
                 (0x2300, 0x23FF), (0x25A0, 0x25FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF),
                 (0x1F300, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F900, 0x1F9FF)]
CHUNK = 64


def symbol_chunks():
    """(file name, [(lo, hi)]) per chunk of CHUNK code points with glyphs in Symbola."""
    # Debian's python3 has fontTools (python3-fonttools), whatever python3 runs this.
    listing = subprocess.run(
        ['/usr/bin/python3', '-c', 'import sys; from fontTools.ttLib import TTFont; '
         'print(*TTFont(sys.argv[1], lazy=True).getBestCmap())', SYMBOLA],
        check=True, capture_output=True, text=True).stdout
    cmap = set(map(int, listing.split()))
    chunks = []
    for lo, hi in SYMBOL_RANGES:
        for start in range(lo - lo % CHUNK, hi + 1, CHUNK):
            a, b = max(lo, start), min(hi, start + CHUNK - 1)
            if any(cp in cmap for cp in range(a, b + 1)):
                chunks.append((f'scholion-symbols-{a:04x}.ttf', [(a, b)]))
    return chunks


def unicodes(ranges):
    return ','.join(f'U+{lo:04X}-{hi:04X}' for lo, hi in ranges)


def subset(source: str, ranges, target: Path) -> None:
    if target.exists() and target.stat().st_mtime >= os.stat(__file__).st_mtime:
        return
    # Debian's python3 has fontTools (python3-fonttools), whatever python3 is first on PATH.
    subprocess.run(['/usr/bin/python3', '-m', 'fontTools.subset', source,
                    f'--unicodes={unicodes(ranges)}', f'--output-file={target}',
                    '--no-hinting', '--layout-features=', '--drop-tables+=GSUB,GPOS,GDEF',
                    '--name-IDs=0,1,2,3,4,5,6', '--desubroutinize'], check=True)


def subset_fonts(out: Path) -> None:
    """Writes the font subsets and fonts/manifest.json, which the canvas reads."""
    fonts = out / 'fonts'
    fonts.mkdir(parents=True, exist_ok=True)
    for name, source in TEXT_FACES:
        subset(source, TEXT_RANGES, fonts / name)
    chunks = symbol_chunks()
    for name, ranges in chunks:
        subset(SYMBOLA, ranges, fonts / name)
    manifest = {'text': [name for name, _ in TEXT_FACES],
                'symbols': [{'file': name, 'ranges': ranges} for name, ranges in chunks]}
    (fonts / 'manifest.json').write_text(json.dumps(manifest, indent=1), encoding='utf-8')


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
    for name in ('scholion-core.mjs', 'scholion-core.wasm'):
        shutil.copy2(args.wasm / name, out / name)
    for path in (ROOT / 'web').rglob('*'):
        if path.is_file():
            target = out / path.relative_to(ROOT / 'web')
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
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
