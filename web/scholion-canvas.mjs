// Mounts Scholion's canvas in a container: loads the wasm core and the fonts, keeps the
// backing store at CSS size × devicePixelRatio, and hands documents to the core.
// The canvas draws only when something changed (see wasm/main.cpp).

import createScholionCore from './scholion-core.mjs';
import { AdapterDocumentStore, LocalDocumentStore } from './storage.mjs';

// fonts/manifest.json (written by scripts/build_site.py) lists the text faces, loaded at
// once, and the symbol chunks, each fetched only when the shown text uses its ranges.
const MANIFEST = 'fonts/manifest.json';

// Export formats, as wasm/main.cpp's scholion_export numbers them.
const EXPORT_FORMATS = { storage: 0, w3c: 1, markdown: 2 };
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'];

// Block kinds, in the order of core/document.hpp's BlockKind.
export const BlockKind = { heading: 0, paragraph: 1, quote: 2, list_item: 3, preformatted: 4 };

let instanceCount = 0;

function supportsWebGL2() {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Creates a canvas inside `container` (an element or shadow root) and starts the core.
 * `base` is the URL of the folder holding scholion-core.mjs/.wasm and fonts/.
 * Resolves to a handle; rejects with a readable message when the browser cannot run it.
 * Options: `storage` — a site's own storage adapter {load(docId), save(docId, json)}
 * (promise-based) instead of localStorage; `onChange(kind, annotation)` — the reader
 * added (0), updated (1) or removed (2) an annotation; `onOrphans(annotations)` —
 * annotations that could not be placed in a changed text.
 */
export async function mountCanvas(container, { base, label = 'Article with highlights', storage = null,
                                               onChange = () => {}, onOrphans = () => {} } = {}) {
  if (typeof WebAssembly !== 'object') throw new Error('This browser cannot run WebAssembly.');
  if (!supportsWebGL2()) throw new Error('This browser has no WebGL 2, which the annotator needs.');

  const id = `scholion-canvas-${++instanceCount}`;
  const canvas = document.createElement('canvas');
  canvas.id = id;
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-label', label);
  canvas.style.cssText = 'display:block;width:100%;height:100%;outline:none;touch-action:none;';
  container.appendChild(canvas);

  const baseUrl = new URL(base, document.baseURI);
  const fontUrl = (file) => new URL(`fonts/${file}`, baseUrl);
  const manifest = fetch(new URL(MANIFEST, baseUrl)).then((r) => {
    if (!r.ok) throw new Error(`could not load ${MANIFEST}: HTTP ${r.status}`);
    return r.json();
  });
  let store = null;  // the shown document's storage
  let lastCopied = null;  // what the canvas last put on the clipboard
  const [core, textFaces] = await Promise.all([
    createScholionCore({
      locateFile: (file) => new URL(file, baseUrl).href,
      scholionCanvas: canvas,
      onAnnotationsChanged: (kind, json) => {
        store?.changed();
        onChange(kind, JSON.parse(json));
      },
      onExportRequested: () => download('w3c'),
      onCopy: (text) => { lastCopied = text; },
    }),
    manifest.then((m) => Promise.all(m.text.map((f) => fetchBytes(fontUrl(f))))),
  ]);
  const { symbols } = await manifest;

  // Strings go in as NUL-terminated UTF-8 copies, freed after the call.
  const withStrings = (strings, fn) => {
    const ptrs = strings.map((s) => {
      const n = core.lengthBytesUTF8(s) + 1;
      const p = core._malloc(n);
      core.stringToUTF8(s, p, n);
      return p;
    });
    try { return fn(...ptrs); } finally { ptrs.forEach((p) => core._free(p)); }
  };
  const check = (messagePtr) => {
    const message = core.UTF8ToString(messagePtr);
    if (message) throw new Error(message);
  };
  const exportAs = (format) => {
    if (!(format in EXPORT_FORMATS)) throw new Error(`unknown export format "${format}"`);
    return core.UTF8ToString(core._scholion_export(EXPORT_FORMATS[format]));
  };
  let notice = null;  // the message shown over the canvas, if any
  const notify = (message, { canExport = false } = {}) => {
    notice = message || null;
    withStrings([message || ''], (m) => core._scholion_set_notice(m, canExport ? 1 : 0));
  };
  const download = (format) => {
    const text = exportAs(format);
    const type = format === 'markdown' ? 'text/markdown' : 'application/ld+json';
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = `annotations.${format === 'markdown' ? 'md' : 'jsonld'}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  // Loading a document opens its storage: saved annotations come in, changes go out.
  const mergeStorage = (json) => {
    const report = JSON.parse(withStrings([json], (j) => core.UTF8ToString(core._scholion_merge_storage(j))));
    if (!report.error && (report.moved || report.orphaned.length)) {
      const n = report.orphaned.length;
      notify(`This article has changed since your last visit: ${report.moved} highlight${report.moved === 1 ? '' : 's'} ` +
             `moved with their text` + (n ? `, and ${n} could not be placed; ${n === 1 ? 'it is' : 'they are'} kept ` +
             'and can be exported.' : '.'), { canExport: n > 0 });
      if (n) onOrphans(report.orphaned);
    }
    return report.error;
  };
  const openStore = (docId, title) => {
    store?.destroy();
    const Store = storage ? AdapterDocumentStore : LocalDocumentStore;
    store = new Store({
      docId, title, notify, adapter: storage,
      core: {
        exportStorage: () => exportAs('storage'),
        mergeStorage,
        annotationCount: () => core._scholion_annotation_count(),
      },
    });
    return store.load();
  };

  if (!withStrings([`#${id}`], (sel) => core._scholion_init(sel))) {
    canvas.remove();
    throw new Error('The canvas could not start WebGL 2.');
  }
  // Faces as wasm/fonts.hpp numbers them: 0 regular, 1 bold, 2 + n symbol chunk n.
  const setFont = (face, bytes) => {
    const ptr = core._malloc(bytes.length);
    core.HEAPU8.set(bytes, ptr);
    core._scholion_set_font(face, ptr, bytes.length);
    core._free(ptr);
  };
  textFaces.forEach((bytes, face) => setFont(face, bytes));
  const chunkLoads = new Map();  // chunk index -> its pending or finished load
  const wantGlyphsFor = (text) => {
    const used = new Set();
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      if (cp < 0x2300) continue;
      symbols.forEach((chunk, i) => {
        if (chunk.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) used.add(i);
      });
    }
    for (const i of used) {
      if (chunkLoads.has(i)) continue;
      chunkLoads.set(i, fetchBytes(fontUrl(symbols[i].file))
        .then((bytes) => setFont(2 + i, bytes))
        .catch((error) => console.warn(`Scholion: ${error.message}`)));
    }
  };

  // The backing store follows the canvas's CSS size and the pixel ratio; the core
  // redraws in the same task, so no blank frame shows.
  const resize = () => {
    const r = canvas.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return;
    const dpr = devicePixelRatio || 1;
    canvas.width = Math.round(r.width * dpr);
    canvas.height = Math.round(r.height * dpr);
    core._scholion_resize(r.width, r.height, dpr);
  };
  const observer = new ResizeObserver(resize);
  try {
    // Device pixels change with the CSS size and with the pixel ratio (zoom, moving the
    // window to another screen): watching them catches both.
    observer.observe(canvas, { box: 'device-pixel-content-box' });
  } catch {
    observer.observe(canvas);
  }
  let dprQuery;
  const onDprChange = () => { resize(); watchDpr(); };
  const watchDpr = () => {
    dprQuery = matchMedia(`(resolution: ${devicePixelRatio}dppx)`);
    dprQuery.addEventListener('change', onDprChange, { once: true });
  };
  watchDpr();
  addEventListener('resize', resize);  // browsers fire it on zoom, which changes the ratio
  resize();

  return {
    canvas,
    /** Shows a plain-text document (blank lines separate blocks; the first is the title). */
    loadPlainText(text, docId) {
      wantGlyphsFor(text);
      withStrings([text, docId], (t, i) =>
        check(core._scholion_load_plain_text(t, core.lengthBytesUTF8(text), i)));
      return openStore(docId, this.documentSummary().title);
    },
    /** Shows a document given as {id, title, url, blocks: [{kind, level, text}]}. */
    loadDocument({ id, title, url = '', blocks }) {
      wantGlyphsFor(title + blocks.map((b) => b.text).join('\n'));
      withStrings([id, title, url], (i, t, u) => core._scholion_doc_begin(i, t, u));
      for (const b of blocks) {
        withStrings([b.text], (t) => core._scholion_doc_add_block(BlockKind[b.kind], b.level || 0, t));
      }
      check(core._scholion_doc_end());
      return openStore(id, title);
    },
    /**
     * Brings in annotations as storage JSON (schema 1), merged per annotation; those
     * saved against another version of the text are anchored afresh. Throws with the
     * reason when the JSON cannot be read; nothing changes then.
     */
    importStorage(json) {
      const error = mergeStorage(json);
      if (error) throw new Error(error);
    },
    /** Annotations that could not be placed in this text (kept, exportable). */
    orphans: () => JSON.parse(core.UTF8ToString(core._scholion_orphans_json())),
    /** Highlights code points [start, end) in a palette colour (a name of COLORS). */
    highlight(start, end, color = 'yellow') {
      check(core._scholion_highlight(start, end, Math.max(0, COLORS.indexOf(color))));
    },
    /** Selects code points [anchor, head) as a reader's drag would. */
    select: (anchor, head) => core._scholion_select(anchor, head),
    /** {anchor, head, text, annotation}: the selection and the selected annotation's id. */
    selection: () => JSON.parse(core.UTF8ToString(core._scholion_selection_json())),
    /** Every annotation, in document order, as stored. */
    annotations: () => JSON.parse(core.UTF8ToString(core._scholion_annotations_json())),
    /** The on-screen box (CSS px, canvas-relative) of a range's first line, or null. */
    rangeRect: (from, to) => JSON.parse(core.UTF8ToString(core._scholion_range_rect(from, to))),
    /** The selection toolbar's box (CSS px, canvas-relative) as last drawn, or null. */
    toolbarRect: () => JSON.parse(core.UTF8ToString(core._scholion_toolbar_rect())),
    /** Scrolls code point `cp` near the top of the canvas. */
    scrollToPosition: (cp) => core._scholion_scroll_to_position(cp),
    /** The message shown over the canvas (storage problems), or null. */
    notice: () => notice,
    undo: () => core._scholion_undo(),
    redo: () => core._scholion_redo(),
    annotationCount: () => core._scholion_annotation_count(),
    /** The annotations as 'w3c' (JSON-LD), 'markdown' or 'storage' JSON. */
    export: exportAs,
    /** Writes pending changes to storage now; true when they are stored. */
    flush: () => (store ? store.flush() : true),
    /** The text the canvas last put on the clipboard (Copy quote, Ctrl+C), or null. */
    lastCopied: () => lastCopied,
    /** Resolves when every font the shown text needs has arrived. */
    fontsReady: () => Promise.all(chunkLoads.values()),
    /** The shown document's plain text (blocks joined by blank lines). */
    documentText: () => core.UTF8ToString(core._scholion_document_text()),
    /** How far the text is scrolled, in CSS pixels. */
    scroll: () => core._scholion_scroll(),
    /** CPU time spent drawing the last frame, in ms (for benchmarks). */
    lastFrameMs: () => core._scholion_last_frame_ms(),
    frameCount: () => core._scholion_frame_count(),
    linesDrawn: () => core._scholion_lines_drawn(),
    missingGlyphs: () => core.UTF8ToString(core._scholion_missing_glyphs()),
    documentSummary: () => JSON.parse(core.UTF8ToString(core._scholion_document_summary())),
    destroy() {
      store?.destroy();
      observer.disconnect();
      dprQuery?.removeEventListener('change', onDprChange);
      removeEventListener('resize', resize);
      canvas.remove();
    },
    /** "" when `bytes` (a Uint8Array) are valid UTF-8, else the reason naming the byte offset. */
    checkUtf8(bytes) {
      const ptr = core._malloc(Math.max(1, bytes.length));
      try {
        core.HEAPU8.set(bytes, ptr);
        return core.UTF8ToString(core._scholion_check_utf8(ptr, bytes.length));
      } finally {
        core._free(ptr);
      }
    },
    /** A Markdown text as {error, title, blocks: [{kind, level, text}]} (core/markdown_import). */
    markdownBlocks: (text) => JSON.parse(withStrings([text], (t) =>
      core.UTF8ToString(core._scholion_markdown_blocks(t, core.lengthBytesUTF8(text))))),
    /** A plain text as {error, title, blocks} by the core's rules (blank lines separate blocks). */
    plainTextBlocks: (text) => JSON.parse(withStrings([text], (t) =>
      core.UTF8ToString(core._scholion_plain_text_blocks(t, core.lengthBytesUTF8(text))))),
    /**
     * Places the annotations of a 'w3c' or 'hypothesis' JSON file on the shown document
     * and stores them. Resolves to {placed, orphaned, skipped}; throws with the reason,
     * and changes nothing, when the file cannot be read.
     */
    importAnnotations(format, json) {
      if (format !== 'w3c' && format !== 'hypothesis') throw new Error(`unknown import format "${format}"`);
      const report = JSON.parse(withStrings([json], (j) => core.UTF8ToString(
        core._scholion_import_annotations(format === 'w3c' ? 0 : 1, j, core.lengthBytesUTF8(json)))));
      if (report.error) throw new Error(report.error);
      store?.changed();
      store?.flush();
      return report;
    },
    /** Writes the annotations to storage now, changed or not (after importStorage); true when stored. */
    saveNow() {
      store?.changed();
      return store ? store.flush() : true;
    },
    /** Fetches every symbol font chunk now (for use offline later); resolves when all arrived. */
    loadAllSymbols() {
      wantGlyphsFor(symbols.map((chunk) => String.fromCodePoint(chunk.ranges[0][0])).join(''));
      return Promise.all(chunkLoads.values());
    },
  };
}
