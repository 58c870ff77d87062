#!/usr/bin/env python3
"""Assembles the static site Scholion serves: the wasm build, web/ (the embed's scripts
minified) and the example pages. No font ships: the canvas draws with the browser's own
text engine. Everything goes into the build tree; the shared corpus is only read.

usage: build_site.py --wasm DIR --out DIR --shared DIR
"""
import argparse
import html
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = 'corpus/news/nato-stoltenberg-vucic.txt'
SECOND = 'corpus/texts/en-articles/en03-maupassant-the-string.txt'

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
    # Sites built before the canvas drew with the browser's text engine had font files.
    shutil.rmtree(out / 'fonts', ignore_errors=True)
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
