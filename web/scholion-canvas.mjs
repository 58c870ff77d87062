// @ts-check
// Mounts Scholion's canvas in a container: loads the wasm core, keeps the backing store at
// CSS size × devicePixelRatio, and hands documents to the core. The canvas draws only when
// something changed (see wasm/frame.cpp). No font ships: the core measures and rasterises
// text with the browser's own engine in the font stack given here (the article's own
// typeface on a publisher's page), see wasm/browser_text.hpp.

import { AdapterDocumentStore, LocalDocumentStore } from './storage.mjs';
import { BlockKind, CHANGE_KINDS, CHANGE_ORIGINS, COLORS, EXPORT_FORMATS } from './protocol.mjs';

/** @typedef {import('./scholion-canvas-types').Annotation} Annotation */
/** @typedef {import('./scholion-canvas-types').Orphan} Orphan */
/** @typedef {import('./scholion-canvas-types').Block} Block */
/** @typedef {import('./scholion-canvas-types').BlockRange} BlockRange */
/** @typedef {import('./scholion-canvas-types').Rect} Rect */
/** @typedef {import('./scholion-canvas-types').Selection} Selection */
/** @typedef {import('./scholion-canvas-types').CanvasEvent} CanvasEvent */
/** @typedef {import('./scholion-canvas-types').ImportReport} ImportReport */
/** @typedef {import('./scholion-canvas-types').CanvasOptions} CanvasOptions */
/** @typedef {import('./scholion-canvas-types').CanvasHandle} CanvasHandle */

// The font stack when the page gives none: the system's UI face, then Noto Sans.
export const DEFAULT_FONT_STACK = 'system-ui, "Noto Sans", sans-serif';
// Colour emoji faces after the page's stack, so that emoji, flags and ZWJ sequences are
// drawn in colour even where the stack names a text face with monochrome symbols.
const EMOJI_FACES = '"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"';

export { BlockKind, COLORS };

let instanceCount = 0;

function supportsWebGL2() {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}

/**
 * Creates a canvas inside `container` (an element or shadow root) and starts the core.
 * `base` is the URL of the folder holding scholion-core.mjs/.wasm.
 * Resolves to a handle; rejects with a readable message when the browser cannot run it.
 * Options: `storage` — a site's own storage adapter {load(docId), save(docId, json)}
 * (promise-based) instead of localStorage; `onChange(kind, annotation)` — the reader
 * added (0), updated (1) or removed (2) an annotation; `onOrphans(annotations)` —
 * annotations that could not be placed in a changed text; `onNoteRequested()` — the reader
 * pressed "Note" in the selection toolbar; `core` — which core module to run: 'scholion-core'
 * (the embed's) or 'scholion-app-core' (adds Markdown opening and W3C/Hypothesis import);
 * `fontFamily` — the CSS font stack to draw the text in (the embed passes the article's
 * computed font-family; default DEFAULT_FONT_STACK).
 * The handle's addListener(fn) hears every change as one object, for the UI around the
 * canvas: {type: 'change', kind: 'added'|'updated'|'removed', annotation, origin:
 * 'edit'|'undo'|'redo'} (protocol.mjs), {type: 'merge'} (storage or another tab brought annotations
 * in), {type: 'orphans', orphans, added} (the orphans changed; `added` lists those just
 * found), {type: 'selection', anchor, head, annotation} (id or null) and
 * {type: 'document'} (a new document is shown).
 */
const DIRECTIONS = ['', 'ltr', 'rtl'];  // scholion_doc_begin's numbering

/**
 * @param {Element | ShadowRoot} container
 * @param {CanvasOptions} options
 * @returns {Promise<CanvasHandle>}
 */
export async function mountCanvas(container, { base, label = 'Article with highlights', storage = null,
                                               onChange = () => {}, onOrphans = () => {},
                                               onNoteRequested = () => {}, core: coreName = 'scholion-core',
                                               fontFamily = DEFAULT_FONT_STACK }) {
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
  let store = null;  // the shown document's storage
  let direction = '', language = '';  // the shown document's, as the article states them
  let lastCopied = null;  // what the canvas last put on the clipboard
  const listeners = new Set();
  const emit = (event) => {
    for (const fn of [...listeners]) {
      try { fn(event); } catch (error) { console.error(error); }
    }
  };
  // The core module: the embed's, or (core: 'scholion-app-core') the standalone page's.
  const loading = import(new URL(`${coreName}.mjs`, baseUrl).href).then(({ default: createScholionCore }) =>
    createScholionCore({
      locateFile: (file) => new URL(file, baseUrl).href,
      scholionCanvas: canvas,
      scholionFontFamily: `${(fontFamily || '').trim() || DEFAULT_FONT_STACK}, ${EMOJI_FACES}`,
      onAnnotationsChanged: (kind, origin, json) => {
        store?.changed();
        const annotation = JSON.parse(json);
        onChange(kind, annotation);
        emit({ type: 'change', kind: CHANGE_KINDS[kind], annotation, origin: CHANGE_ORIGINS[origin] });
      },
      onSelectionChanged: (anchor, head, annotation) =>
        emit({ type: 'selection', anchor, head, annotation: annotation || null }),
      onRefused: (reason) => emit({ type: 'refused', reason }),
      onExportRequested: () => download('w3c'),
      onNoteRequested: () => onNoteRequested(),
      onCopy: (text) => { lastCopied = text; },
    }));
  const core = await loading.catch((error) => {
    canvas.remove();
    throw error;
  });

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
  const orphansNow = () => JSON.parse(core.UTF8ToString(core._scholion_orphans_json()));
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
    if (!report.error) {
      emit({ type: 'merge' });
      if (report.orphaned.length) emit({ type: 'orphans', orphans: orphansNow(), added: report.orphaned });
    }
    return report.error;
  };
  const openStore = (docId, title) => {
    store?.destroy();
    const Store = storage ? AdapterDocumentStore : LocalDocumentStore;
    store = new Store({
      docId, title, notify, adapter: /** @type {import('./storage.mjs').StorageAdapter} */ (storage),
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
  // A web font of the stack arrived after the text was measured: measure and draw again.
  const onFontsLoaded = () => core._scholion_fonts_changed();
  document.fonts?.addEventListener('loadingdone', onFontsLoaded);
  // Resolves when the faces the canvas draws in are loaded (at once for system fonts).
  const fontsReady = () => Promise.resolve(document.fonts?.ready).then(() => Promise.all(
    (core.scholionText?.fonts || []).map((font) => document.fonts?.load(font).catch(() => [])))).then(() => {});

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

  /** @type {CanvasHandle} */
  const handle = {
    canvas,
    /** Shows a plain-text document (blank lines separate blocks; the first is the title). */
    /** The shown document's direction ('ltr', 'rtl', or '' for each paragraph its own) and language. */
    direction: () => direction,
    language: () => language,
    loadPlainText(text, docId) {
      direction = language = '';
      withStrings([text, docId], (t, i) =>
        check(core._scholion_load_plain_text(t, core.lengthBytesUTF8(text), i)));
      emit({ type: 'document' });
      return openStore(docId, this.documentSummary()?.title ?? '');
    },
    /** Shows a document given as {id, title, url, blocks: [{kind, level, text}]}. */
    loadDocument({ id, title, url = '', blocks, dir = '', lang = '' }) {
      // The article's direction, if it states one (else each paragraph finds its own),
      // and language, for the screen-reader mirror.
      direction = dir === 'rtl' || dir === 'ltr' ? dir : '';
      language = lang || '';
      withStrings([id, title, url], (i, t, u) => core._scholion_doc_begin(i, t, u, DIRECTIONS.indexOf(direction)));
      for (const b of blocks) {
        withStrings([b.text], (t) => core._scholion_doc_add_block(BlockKind[b.kind], b.level || 0, t));
      }
      check(core._scholion_doc_end());
      emit({ type: 'document' });
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
    orphans: orphansNow,
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
    /**
     * Saves a note (light Markdown) and tags on annotation `id`, or, with id '', on the
     * selection (or `range` {from, to}, code points) as a new highlight in the last colour —
     * one undo step either way. An empty note leaves a plain highlight. Returns the
     * annotation; throws with the reason.
     */
    saveNote(id, note, tags = [], range = null) {
      if (!id && range) core._scholion_select(range.from, range.to);  // where the note was begun
      const saved = JSON.parse(withStrings([id, note, JSON.stringify(tags)],
        (i, n, t) => core.UTF8ToString(core._scholion_save_note(i, n, t))));
      if (saved.error) throw new Error(saved.error);
      return saved;
    },
    /** Note cards in the margin, on screen: [{id, x, y, width, height}] (CSS px, canvas-relative). */
    noteCards: () => JSON.parse(core.UTF8ToString(core._scholion_note_cards_json())),
    /** The overlap chooser as drawn: {x, y, width, height, items: [{id, x, y, width, height}]} or null. */
    chooser: () => JSON.parse(core.UTF8ToString(core._scholion_chooser_json())),
    /** The on-screen box (CSS px, canvas-relative) of a range's first line, or null. */
    rangeRect: (from, to) => JSON.parse(core.UTF8ToString(core._scholion_range_rect(from, to))),
    /** The selection toolbar's box (CSS px, canvas-relative) as last drawn, with its `buttons` [{label, x, y, width, height}], or null. */
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
    /** Resolves when the faces the canvas draws in are loaded (web fonts of the stack). */
    fontsReady,
    /** The shown document's plain text (blocks joined by blank lines). */
    documentText: () => core.UTF8ToString(core._scholion_document_text()),
    /** How far the text is scrolled, in CSS pixels. */
    scroll: () => core._scholion_scroll(),
    /** CPU time spent drawing the last frame, in ms (for benchmarks). */
    lastFrameMs: () => core._scholion_last_frame_ms(),
    frameCount: () => core._scholion_frame_count(),
    linesDrawn: () => core._scholion_lines_drawn(),
    /**
     * The runs of the lines on screen as drawn: [{text, rtl, style, x, y, width, height,
     * ink: [w, h] | null, colour}] (CSS px; ink: the rasterised box in device px).
     */
    visibleRuns: () => JSON.parse(core.UTF8ToString(core._scholion_visible_runs_json())),
    /** The visible lines (code points, CSS pixels) and the text column, for tests. */
    layoutLines: () => JSON.parse(core.UTF8ToString(core._scholion_layout_lines_json())),
    /** The CSS font of each face the canvas draws in (index: the core's Face). */
    fonts: () => [...(core.scholionText?.fonts || [])],
    /** The glyph cache and metrics cache: entries, rasterised runs, texture bytes. */
    glyphStats: () => JSON.parse(core.UTF8ToString(core._scholion_glyph_stats_json())),
    /** For benchmarks: every word of the text measured with an empty metrics cache. */
    benchMeasureWords: () => JSON.parse(core.UTF8ToString(core._scholion_bench_measure_words())),
    documentSummary: () => JSON.parse(core.UTF8ToString(core._scholion_document_summary())),
    destroy() {
      listeners.clear();
      store?.destroy();
      observer.disconnect();
      document.fonts?.removeEventListener('loadingdone', onFontsLoaded);
      dprQuery?.removeEventListener('change', onDprChange);
      removeEventListener('resize', resize);
      canvas.remove();
    },
    /** The shown document's blocks: [{kind, level, start, end}], code points, in order. */
    blocks: () => JSON.parse(core.UTF8ToString(core._scholion_document_blocks_json())),
    /**
     * Selects the annotation `id`, scrolls it into view and (unless flash is false)
     * flashes it. False when there is no such annotation.
     */
    selectAnnotation: (annotationId, { flash = true } = {}) =>
      withStrings([annotationId], (i) => core._scholion_select_annotation(i, flash ? 1 : 0)) === 1,
    /** Forgets an orphan for good (saved soon). False when there is no such orphan. */
    deleteOrphan(orphanId) {
      if (withStrings([orphanId], (i) => core._scholion_delete_orphan(i)) !== 1) return false;
      store?.changed();
      emit({ type: 'orphans', orphans: orphansNow(), added: [] });
      return true;
    },
    /**
     * Places an orphan on the selected text: it becomes a normal annotation with its
     * note, tags and colour (one undo step). Throws with the reason when nothing is
     * selected or there is no such orphan.
     */
    attachOrphan(orphanId) {
      check(withStrings([orphanId], (i) => core._scholion_attach_orphan(i)));
      store?.changed();
      emit({ type: 'orphans', orphans: orphansNow(), added: [] });
    },
    /** Calls fn(event) on every change (see mountCanvas); returns a function that stops it. */
    addListener(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    removeListener: (fn) => listeners.delete(fn),
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
      emit({ type: 'merge' });
      if (report.orphaned) emit({ type: 'orphans', orphans: orphansNow(), added: [] });
      return report;
    },
    /** Writes the annotations to storage now, changed or not (after importStorage); true when stored. */
    saveNow() {
      store?.changed();
      return store ? store.flush() : true;
    },
  };
  return handle;
}
