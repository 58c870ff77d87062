/* Scholion boot script: the one <script> tag a publisher adds.
 *
 *   <script src=".../scholion.js" defer data-scholion-article="article"></script>
 *
 * Finds the article, reads its text blocks, and mounts the annotator canvas in a panel
 * whose styles live in a shadow root. Defines one global, window.Scholion.
 */
(() => {
  'use strict';
  if (window.Scholion) return;
  const script = document.currentScript;
  const base = new URL('.', script ? script.src : location.href).href;

  // Subtrees that are not part of the article's text.
  const SKIP = 'nav,aside,form,button,script,style,noscript,template,textarea,select,' +
    '[hidden],[aria-hidden="true"],[data-scholion-ignore],#comments,.comments,.share';
  const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,blockquote,li,pre';

  function kindOf(el) {
    const tag = el.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) return { kind: 'heading', level: Number(tag[1]) };
    if (tag === 'li') return { kind: 'list_item', level: 0 };
    if (tag === 'pre') return { kind: 'preformatted', level: 0 };
    if (tag === 'blockquote' || el.closest('blockquote')) return { kind: 'quote', level: 0 };
    return { kind: 'paragraph', level: 0 };
  }

  /** The article's blocks in reading order; nested blocks are read once, innermost. */
  function extract(root) {
    const blocks = [];
    for (const el of root.querySelectorAll(BLOCKS)) {
      if (el.closest(SKIP)) continue;
      if (el.querySelector(BLOCKS)) continue;  // its inner blocks are read instead
      const text = el.textContent;
      if (!text.trim()) continue;
      blocks.push({ ...kindOf(el), text });
    }
    return blocks;
  }

  // The page's own address for citations and ids: its canonical URL, else og:url, else
  // the address without query and hash.
  function pageUrl() {
    const canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && canonical.href) return canonical.href;
    const og = document.querySelector('meta[property="og:url"]');
    if (og && og.content) return og.content;
    return location.origin + location.pathname;
  }

  const PANEL_CSS = `
    :host { all: initial; position: fixed; z-index: 2147483000; top: 0; right: 0; bottom: 0;
            width: min(46vw, 720px); display: block; contain: strict;
            box-shadow: -1px 0 0 rgba(0,0,0,.12), -8px 0 24px rgba(0,0,0,.06); background: #fbfaf7; }
    .stage { position: absolute; inset: 0; }
    .status { position: absolute; inset: auto 0 0 0; padding: 8px 12px; font: 14px/1.4 system-ui, sans-serif;
              color: #1f2328; background: #fbfaf7; }
    .status:empty { display: none; }
    @media (max-width: 720px) { :host { width: 100vw; } }`;

  const instances = [];

  async function mount(element, options = {}) {
    const host = document.createElement('div');
    host.setAttribute('data-scholion-panel', '');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<style>${PANEL_CSS}</style><div class="stage"></div>` +
      '<div class="status" role="status" aria-live="polite">Loading the annotator…</div>';
    document.body.appendChild(host);
    const status = shadow.querySelector('.status');
    try {
      const { mountCanvas } = await import(new URL('scholion-canvas.mjs', base).href);
      const canvas = await mountCanvas(shadow.querySelector('.stage'), { base });
      const blocks = extract(element);
      const heading = blocks.find((b) => b.kind === 'heading');
      canvas.loadDocument({
        id: options.id || pageUrl(),
        title: heading ? heading.text : document.title,
        url: pageUrl(),
        blocks,
      });
      status.textContent = '';
      instances.push(canvas);
      return canvas;
    } catch (error) {
      status.textContent = `Scholion could not start: ${error.message}`;
      throw error;
    }
  }

  window.Scholion = Object.freeze({ mount, extract, instances });

  function boot() {
    const selector = script && script.dataset.scholionArticle;
    if (!selector) return;
    const article = document.querySelector(selector);
    if (!article) {
      console.warn(`Scholion: no element matches data-scholion-article="${selector}"`);
      return;
    }
    mount(article, { id: script.dataset.scholionId }).catch(() => {});
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
