// @ts-check
/* Scholion boot script: the one <script> tag a publisher adds.
 *
 *   <script src=".../scholion.js" defer data-scholion-article="article"></script>
 *
 * Optional attributes: data-scholion-id (document id; default the canonical URL),
 * data-scholion-position ("bottom-right", "bottom-left" or "inline").
 * It shows a small launcher; the annotator (wasm, fonts) loads only when the reader
 * opens it. Styles live in shadow roots. Defines one global, window.Scholion.
 */
/** @typedef {import('./scholion.js').ScholionInstance} ScholionInstance */
/** @typedef {import('./scholion.js').ScholionAnnotation} ScholionAnnotation */
/** @typedef {import('./scholion.js').ScholionBlock} ScholionBlock */
/** @typedef {import('./scholion.js').ScholionEvent} ScholionEvent */
/** @typedef {import('./scholion.js').ScholionExportFormat} ScholionExportFormat */
/** @typedef {import('./scholion.js').ScholionMountOptions} ScholionMountOptions */

(() => {
  'use strict';
  if (window.Scholion) return;
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const base = new URL('.', script ? script.src : location.href).href;

  // Subtrees that are not part of the article's text.
  const SKIP = 'nav,aside,form,button,script,style,noscript,template,textarea,select,' +
    '[hidden],[aria-hidden="true"],[data-scholion-ignore],#comments,.comments,.share,.related';
  const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,blockquote,li,pre,figcaption';  // captions unless marked

  /**
   * @param {Element} el
   * @returns {{kind: ScholionBlock['kind'], level: number}}
   */
  function kindOf(el) {
    const tag = el.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) return { kind: 'heading', level: Number(tag[1]) };
    if (tag === 'li') return { kind: 'list_item', level: 0 };
    if (tag === 'pre') return { kind: 'preformatted', level: 0 };
    if (tag === 'blockquote' || el.closest('blockquote')) return { kind: 'quote', level: 0 };
    return { kind: 'paragraph', level: 0 };
  }

  /**
   * The article's blocks in reading order; nested blocks are read once, innermost.
   * @param {Element} root
   */
  function extract(root) {
    /** @type {ScholionBlock[]} */
    const blocks = [];
    for (const el of root.querySelectorAll(BLOCKS)) {
      if (el.closest(SKIP) || el.querySelector(BLOCKS)) continue;
      const text = /** @type {string} */ (el.textContent);
      if (text.trim()) blocks.push({ ...kindOf(el), text });
    }
    return blocks;
  }

  // The page's own address for citations and ids: its canonical URL, else og:url, else
  // the address without query and hash.
  function pageUrl() {
    const canonical = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel="canonical"]'));
    if (canonical && canonical.href) return canonical.href;
    const og = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[property="og:url"]'));
    if (og && og.content) return og.content;
    return location.origin + location.pathname;
  }

  // The boot script is a classic script and cannot import storage.mjs: it reads the
  // index itself, and any failure (no storage, unreadable index) counts as none.
  /** @param {string} docId */
  function storedCount(docId) {
    try {
      const entry = JSON.parse(/** @type {string} */ (localStorage.getItem('scholion:index'))).documents[docId];
      return entry && entry.count > 0 ? entry.count : 0;
    } catch {
      return 0;
    }
  }

  /** @type {Promise<typeof import('./annotator.mjs')> | null} */
  let moduleLoad = null;
  const loadModule = () => moduleLoad || (moduleLoad = import(new URL('annotator.mjs', base).href));

  // One stylesheet shared by every shadow root, built by script: no inline <style>, so
  // a Content-Security-Policy without 'unsafe-inline' is fine.
  /** @type {CSSStyleSheet | null} */
  let sheet = null;
  // The palette's yellow and blue are protocol.mjs's PALETTE; a classic script cannot
  // import it, so the native test Protocol.MatchesTheCore checks these two copies.
  /** @param {ShadowRoot} root */
  function adoptStyles(root) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(`:host{all:initial}` +
  `.launcher{position:fixed;z-index:2147483000;bottom:20px;right:20px;font:600 14px/1 system-ui,sans-serif;color:#fff;background:#24292f;border:0;border-radius:20px;padding:11px 16px;cursor:pointer;box-shadow:0 2px 10px rgba(0,0,0,.25)}` +
  `.launcher:focus-visible{outline:3px solid #74c0fc;outline-offset:2px}` +
  `:host([data-position=bottom-left]) .launcher{right:auto;left:20px}` +
  `:host([data-position=inline]) .launcher{position:static;margin:8px 0}` +
  `.count:not(:empty){margin-left:6px;padding:2px 7px;border-radius:10px;background:#ffd43b;color:#24292f}` +
  `.panel{position:fixed;z-index:2147483001;top:0;right:0;bottom:0;width:clamp(min(100vw,560px),66vw,980px);display:flex;flex-direction:column;background:#fbfaf7;box-shadow:-1px 0 0 rgba(0,0,0,.12),-8px 0 24px rgba(0,0,0,.08)}` +
  `.panel[hidden]{display:none}` +
  `.bar{display:flex;align-items:center;justify-content:space-between;padding:6px 8px 6px 16px;font:600 14px/1.2 system-ui,sans-serif;color:#24292f;border-bottom:1px solid #e4e1da}` +
  `.close{font:20px/1 system-ui,sans-serif;border:0;background:none;color:#24292f;padding:6px 10px;cursor:pointer;border-radius:6px}` +
  `.close:hover{background:#ecebe6}.stage{position:relative;flex:1;min-height:0}` +
  `.status{padding:8px 12px;font:14px/1.4 system-ui,sans-serif;color:#24292f}` +
  `.status:empty{display:none}@media (max-width:720px){.panel{width:100vw}}`);
    }
    root.adoptedStyleSheets = [sheet];
  }

  /** @type {Instance[]} */
  const instances = [];

  /** @implements {ScholionInstance} */
  class Instance {
    #element;
    #options;
    #docId;
    /** @type {import('./annotator.mjs').Annotator | null} */
    #annotator = null;
    /** @type {Promise<void> | null} */
    #ready = null;
    /** @type {Record<string, Set<(annotation: ScholionAnnotation) => void>>} */
    #listeners = {};
    #host;
    #launcher;
    #panel;
    #stage;
    #status;
    #countBadge;

    /**
     * @param {Element} element
     * @param {ScholionMountOptions} options
     */
    constructor(element, options) {
      this.#element = element;
      this.#options = options;
      this.#docId = options.id || pageUrl();
      this.#host = document.createElement('div');
      this.#host.setAttribute('data-scholion', '');
      this.#host.dataset.position = options.position || 'bottom-right';
      const shadow = this.#host.attachShadow({ mode: 'open' });
      adoptStyles(shadow);
      shadow.innerHTML =
        '<button class="launcher" type="button" aria-haspopup="dialog" aria-expanded="false">' +
        'Highlight &amp; notes<span class="count"></span></button>' +
        '<div class="panel" role="dialog" aria-label="Highlights and notes" hidden>' +
        '<div class="bar"><span>Highlights &amp; notes</span>' +
        '<button class="close" type="button" aria-label="Close">\u00d7</button></div>' +
        '<div class="stage"></div><div class="status" role="status" aria-live="polite"></div></div>';
      const $ = (/** @type {string} */ s) => /** @type {HTMLElement} */ (shadow.querySelector(s));
      this.#launcher = $('.launcher');
      this.#panel = $('.panel');
      this.#stage = $('.stage');
      this.#status = $('.status');
      this.#countBadge = $('.count');
      this.#launcher.addEventListener('click', () => this.open());
      $('.close').addEventListener('click', () => this.close());
      this.#panel.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) this.close();
      });
      if (this.#host.dataset.position === 'inline') element.before(this.#host);
      else document.body.appendChild(this.#host);
      // Several launchers in a corner stack upwards.
      const stacked = instances.filter((i) => i.#host.dataset.position === this.#host.dataset.position).length;
      if (stacked) this.#launcher.style.bottom = `${20 + 52 * stacked}px`;
      this.#showCount(storedCount(this.#docId));
    }

    /** For tests and diagnostics, not an API: see annotator.mjs; null until opened. */
    get debug() { return this.#annotator?.debug ?? null; }

    /** @param {number} n */
    #showCount(n) {
      this.#countBadge.textContent = n > 0 ? String(n) : '';
      this.#launcher.setAttribute('aria-label', `Highlight & notes${n > 0 ? `, ${n} on this page` : ''}`);
    }

    #started() {
      if (!this.#ready) this.#ready = this.#start();
      return this.#ready;
    }

    /** Opens the panel, loading the annotator the first time. */
    open() {
      this.#panel.hidden = false;
      this.#launcher.setAttribute('aria-expanded', 'true');
      return this.#started().then(() => this.#annotator?.canvas.canvas.focus());
    }

    async #start() {
      this.#status.textContent = 'Loading the annotator\u2026';
      try {
        const { mountAnnotator } = await loadModule();
        this.#annotator = await mountAnnotator(this.#stage, {
          base,
          storage: this.#options.storage,
          // The canvas draws in the article's own typeface.
          fontFamily: getComputedStyle(this.#element).fontFamily,
          onEvent: (name, annotation) => this.#emit(name, annotation),
        });
        const blocks = extract(this.#element);
        const heading = blocks.find((b) => b.kind === 'heading');
        const dirOwner = this.#element.closest('[dir]'), langOwner = this.#element.closest('[lang]');
        await this.#annotator.canvas.loadDocument({
          id: this.#docId, title: heading ? heading.text : document.title, url: pageUrl(), blocks,
          dir: dirOwner ? dirOwner.getAttribute('dir') : '', lang: langOwner ? langOwner.getAttribute('lang') : '' });
        this.#status.textContent = '';
      } catch (error) {
        this.#status.textContent = `Scholion could not start: ${/** @type {Error} */ (error).message}`;
        throw error;
      }
    }

    /** Closes the panel; focus returns to the launcher. */
    close() {
      if (this.#panel.hidden) return;
      const canvas = this.#annotator?.canvas;
      canvas?.flush();
      this.#panel.hidden = true;
      this.#launcher.setAttribute('aria-expanded', 'false');
      if (canvas) this.#showCount(canvas.annotationCount());
      this.#launcher.focus();
    }

    /**
     * @param {ScholionEvent} name
     * @param {(annotation: ScholionAnnotation) => void} fn
     */
    on(name, fn) {
      (this.#listeners[name] || (this.#listeners[name] = new Set())).add(fn);
      return this;
    }

    /**
     * @param {ScholionEvent} name
     * @param {(annotation: ScholionAnnotation) => void} fn
     */
    off(name, fn) {
      this.#listeners[name]?.delete(fn);
      return this;
    }

    /**
     * @param {ScholionEvent} name
     * @param {ScholionAnnotation} annotation
     */
    #emit(name, annotation) {
      if (this.#annotator) this.#showCount(this.#annotator.canvas.annotationCount());
      for (const fn of this.#listeners[name] || []) fn(annotation);
      this.#element.dispatchEvent(new CustomEvent(`scholion:${name}`, { detail: annotation, bubbles: true }));
    }

    /**
     * The annotations as 'w3c' (JSON-LD), 'markdown' or 'storage' JSON.
     * @param {ScholionExportFormat} format
     */
    async export(format = 'w3c') {
      await this.#started();
      return /** @type {import('./annotator.mjs').Annotator} */ (this.#annotator).canvas.export(format);
    }

    /**
     * Brings in annotations (storage JSON, as a string or parsed).
     * @param {string | object} data
     */
    async import(data) {
      await this.#started();
      /** @type {import('./annotator.mjs').Annotator} */ (this.#annotator).canvas
        .importStorage(typeof data === 'string' ? data : JSON.stringify(data));
    }

    /** Removes every element and listener this instance added. */
    destroy() {
      this.#annotator?.destroy();
      this.#host.remove();
      this.#listeners = {};
      instances.splice(instances.indexOf(this), 1);
    }
  }

  /**
   * @param {Element} element
   * @param {ScholionMountOptions} [options]
   */
  function mount(element, options = {}) {
    if (!(element instanceof Element)) throw new TypeError('Scholion.mount needs an element');
    const instance = new Instance(element, options);
    instances.push(instance);
    return instance;
  }

  window.Scholion = Object.freeze({ mount, extract, instances, version: '0.1.0' });

  function boot() {
    const selector = script?.dataset.scholionArticle;
    if (!selector) return;
    const articles = document.querySelectorAll(selector);
    if (!articles.length) {
      console.warn(`Scholion: no element matches data-scholion-article="${selector}"`);
      return;
    }
    articles.forEach((article, i) => mount(article, {
      id: articles.length > 1 ? `${script.dataset.scholionId || pageUrl()}#${article.id || i + 1}`
                              : script.dataset.scholionId,
      position: script.dataset.scholionPosition,
    }));
    // When the page is idle, fetch the annotator's script (not the wasm): opening is quicker.
    if ('requestIdleCallback' in window) requestIdleCallback(() => loadModule().catch(() => {}));
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
