// @ts-check
// The standalone annotator page: open a document (file, drop, paste), annotate it on the
// canvas, keep a library of annotated documents in this browser, and move annotations in
// and out. The first visit shows a sample article. Everything is loaded from this folder
// and its parent with relative paths; once started, the page needs no network.
import { mountAnnotator } from '../annotator.mjs';
import { PREFIX, localStore } from '../storage.mjs';
import { adoptStyles } from '../dom.mjs';
import { COLORS, PALETTE } from '../protocol.mjs';
import * as library from './library.mjs';
import { ACCEPT, formatBytes, plainTextRecord, readFile, readPaste } from './open.mjs';
import { exportDocument, exportLibrary, importAnnotations, restoreLibrary } from './transfer.mjs';
import { clear, say, when } from './ui.mjs';

/** @typedef {import('../scholion-canvas.mjs').CanvasHandle} CanvasHandle */
/** @typedef {import('./library.mjs').DocumentRecord} DocumentRecord */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const input = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
const APP_KEY = `${PREFIX}app`;  // {"schema": 1, "current": <doc id>}: what to reopen
const UNDO_MS = 30000;           // how long a deletion can be undone

/** @type {CanvasHandle} */
let canvas;
/** @type {{id: string, record: DocumentRecord} | null} */
let current = null;  // the shown document
// Why an imported annotation could not be placed (core/anchoring.hpp's OrphanReason).
/** @type {Record<string, string>} */
const ORPHAN_REASONS = {
  ambiguous: 'fit several places equally well',
  not_found: 'were not found in this text',
  below_threshold: 'differ too much from this text',
  out_of_range: 'have only a position, outside this text',
  no_selectors: 'have nothing to search for',
};
const plural = (/** @type {number} */ n, /** @type {string} */ word) => `${n} ${word}${n === 1 ? '' : 's'}`;

// A new document's id, needed before the core has read its text (and so before its
// fingerprint exists): the platform's UUID, as the library has always named documents.
const newId = () => `urn:uuid:${crypto.randomUUID()}`;

/** @param {string} id */
function rememberCurrent(id) {
  try {
    localStore()?.setItem(APP_KEY, JSON.stringify({ schema: 1, current: id }));
  } catch { /* only a convenience: the library still lists the document */ }
}

function rememberedCurrent() {
  try {
    const app = JSON.parse(localStore()?.getItem(APP_KEY) || 'null');
    return app && app.schema === 1 && typeof app.current === 'string' ? app.current : null;
  } catch {
    return null;
  }
}

/**
 * Shows a stored or new document's record in the canvas.
 * @param {string} id
 * @param {DocumentRecord} record
 */
async function show(id, record, { remember = true } = {}) {
  canvas.flush();
  await canvas.loadDocument({ id, title: record.title, url: '', blocks: record.blocks });
  current = { id, record };
  library.noteFingerprint(id, canvas.documentSummary()?.fingerprint);
  $('empty').hidden = true;
  if (remember) rememberCurrent(id);
  renderLibrary();
  canvas.canvas.focus();
}

function showNothing() {
  current = null;
  $('empty').hidden = false;
  renderLibrary();
}

async function openStored(/** @type {string} */ id) {
  const record = library.loadRecord(id);
  if (!record) throw new Error('this document is no longer in the library');
  await show(id, record);
}

/**
 * Opens a new record: kept in the library (or the same text already kept, reopened).
 * @param {DocumentRecord} record
 */
async function openNew(record) {
  const existing = library.findDuplicate(record);
  if (existing) {
    await openStored(existing);
    say(`\u201C${current?.record.title}\u201D is already in your library; it was opened with its annotations.`,
        { forMs: 8000 });
    return;
  }
  const id = newId();
  let problem = null;
  try {
    library.saveRecord(id, record);
  } catch (error) {
    problem = error.message;
  }
  await show(id, record, { remember: !problem });  // a document not kept cannot be reopened
  if (problem) {
    say(`\u201C${record.title}\u201D is open but could not be kept in this browser: ${problem} ` +
        `(Scholion\u2019s documents take ${formatBytes(library.bytesUsed())} of it). Annotations you make stay while this page is open; ` +
        'export them to keep a copy, or delete documents you no longer need.',
        { kind: 'error', actions: [{ label: 'Export annotations', run: () => exportDocument(canvas, 'w3c') },
                                   { label: 'Export text', run: () => exportDocument(canvas, 'text') }] });
  } else {
    clear();
  }
}

async function openFile(/** @type {File} */ file) {
  try {
    await openNew(await readFile(canvas, file));
  } catch (error) {
    say(error.message, { kind: 'error' });
  }
}

// --- Library list ---------------------------------------------------------------------

function renderLibrary() {
  const list = $('documents');
  /** @type {ReturnType<typeof library.listDocuments>} */
  let docs = [];
  try {
    docs = library.listDocuments();
  } catch (error) {
    $('storage-use').textContent = `The library cannot be read: ${error.message}.`;
    list.replaceChildren();
    return;
  }
  list.replaceChildren(...docs.map((doc) => {
    const li = document.createElement('li');
    li.dataset.id = doc.id;
    if (current?.id === doc.id) li.setAttribute('aria-current', 'true');
    const count = current?.id === doc.id ? canvas.annotationCount() : doc.count;
    li.innerHTML = '<button type="button" class="open"></button><span class="meta"></span>' +
      '<span class="tools"><button type="button" class="rename">Rename</button>' +
      '<button type="button" class="delete">Delete</button></span>';
    const part = (/** @type {string} */ s) => /** @type {HTMLElement} */ (li.querySelector(s));
    part('.open').textContent = doc.title;
    part('.meta').textContent = `${plural(count, 'annotation')} \u00b7 ${when(doc.opened)}`;
    part('.rename').setAttribute('aria-label', `Rename \u201C${doc.title}\u201D`);
    part('.delete').setAttribute('aria-label', `Delete \u201C${doc.title}\u201D`);
    part('.open').addEventListener('click', () => run(() => openStored(doc.id)));
    part('.rename').addEventListener('click', () => run(() => renameDocument(doc)));
    part('.delete').addEventListener('click', () => run(() => deleteDocument(doc, count)));
    return li;
  }));
  $('storage-use').textContent = docs.length
    ? `${plural(docs.length, 'document')}, ${formatBytes(library.bytesUsed())} stored in this browser.`
    : 'No documents kept yet.';
}

/** @typedef {ReturnType<typeof library.listDocuments>[number]} LibraryEntry */

async function renameDocument(/** @type {LibraryEntry} */ doc) {
  const title = prompt('New title:', doc.title);
  if (title === null || !title.trim() || title.trim() === doc.title) return;
  library.rename(doc.id, title.trim());
  if (current?.id === doc.id) await openStored(doc.id);  // the core's title goes into exports
  renderLibrary();
}

async function deleteDocument(/** @type {LibraryEntry} */ doc, /** @type {number} */ count) {
  if (!confirm(`Delete \u201C${doc.title}\u201D and its ${plural(count, 'annotation')} from this browser?`)) return;
  const wasOpen = current?.id === doc.id;
  if (wasOpen) canvas.flush();
  const removed = library.remove(doc.id);
  if (wasOpen) showNothing();
  else renderLibrary();
  say(`Deleted \u201C${doc.title}\u201D.`, {
    forMs: UNDO_MS,
    actions: [{ label: 'Undo', run: () => run(async () => {
      library.restoreRemoved(removed);
      clear();
      if (wasOpen || !current) await openStored(doc.id);
      else renderLibrary();
    }) }],
  });
}

/**
 * Runs an action, showing its error (if any) in the message bar.
 * @param {() => unknown} action
 */
async function run(action) {
  try {
    await action();
  } catch (error) {
    say(error.message, { kind: 'error' });
    console.warn(error);
  }
}

// --- Wiring ---------------------------------------------------------------------------

function wireOpening() {
  const picker = input('open-file');
  picker.accept = ACCEPT;
  picker.addEventListener('change', () => {
    const [file] = picker.files || [];
    picker.value = '';
    if (file) openFile(file);
  });
  // Drag and drop anywhere on the page.
  let depth = 0;
  const hint = $('drop-hint');
  const hasFiles = (/** @type {DragEvent} */ e) => [...(e.dataTransfer?.types || [])].includes('Files');
  addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; hint.hidden = false; } });
  addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; hint.hidden = true; } });
  addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  addEventListener('drop', (e) => {
    depth = 0;
    hint.hidden = true;
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    openFile(file);
  });
  // Paste: into the paste box, or anywhere that is not a text field.
  const panel = $('paste-panel');
  const pasteBox = /** @type {HTMLTextAreaElement} */ ($('paste-box'));
  $('paste').addEventListener('click', () => { panel.hidden = false; pasteBox.focus(); });
  $('paste-cancel').addEventListener('click', () => { panel.hidden = true; });
  document.addEventListener('paste', (e) => {
    const t = e.target;
    if (t !== pasteBox && t instanceof Element && t.closest('input, textarea, [contenteditable]')) return;
    e.preventDefault();
    run(async () => {
      const record = e.clipboardData && readPaste(canvas, e.clipboardData);
      if (!record) throw new Error('The clipboard holds no text to open.');
      panel.hidden = true;
      pasteBox.value = '';
      await openNew(record);
    });
  });
}

function wireTransfers() {
  const menus = (/** @type {string} */ s) => /** @type {NodeListOf<HTMLDetailsElement>} */ (document.querySelectorAll(s));
  const closeMenus = () => menus('details.menu').forEach((d) => { d.open = false; });
  // Menus close on a click elsewhere, on Escape, and when the other one opens.
  document.addEventListener('click', (e) => {
    menus('details.menu[open]').forEach((d) => { if (!d.contains(/** @type {Node} */ (e.target))) d.open = false; });
  });
  document.addEventListener('keydown', (e) => {
    const open = menus('details.menu[open]')[0];
    if (e.key === 'Escape' && open) {
      open.open = false;
      open.querySelector('summary')?.focus();
    }
  });
  for (const b of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-export]'))) {
    b.addEventListener('click', () => run(() => {
      closeMenus();
      if (b.dataset.export === 'library') return exportLibrary();
      if (!current) throw new Error('Open a document first.');
      return exportDocument(canvas, b.dataset.export || '');
    }));
  }
  const onFile = (/** @type {HTMLInputElement} */ field, /** @type {(file: File) => void} */ action) =>
    field.addEventListener('change', () => {
    const [file] = field.files || [];
    field.value = '';
    closeMenus();
    if (file) action(file);
  });
  onFile(input('import-file'), (file) => run(async () => {
    if (!current) throw new Error('Open the document the annotations belong to first.');
    let report;
    try {
      report = await importAnnotations(canvas, file);
    } catch (error) {
      throw new Error(`\u201C${file.name}\u201D was not imported: ${error.message}. Nothing was changed.`);
    }
    renderLibrary();
    const skipped = report.skipped.length ? `; ${plural(report.skipped.length, 'annotation')} skipped ` +
      `(${report.skipped[0].reason}${report.skipped.length > 1 ? ', \u2026' : ''})` : '';
    /** @type {Map<string, number>} */
    const reasons = new Map();
    for (const o of report.orphans || []) {
      const reason = ORPHAN_REASONS[o.reason] || o.reason;
      reasons.set(reason, (reasons.get(reason) || 0) + 1);
    }
    const why = [...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ');
    say(`Imported from \u201C${file.name}\u201D: ${report.placed} placed, ${report.orphaned} could not be placed` +
        `${report.orphaned ? ` (${why ? `${why}; ` : ''}kept as orphans and included in exports)` : ''}${skipped}.`);
    $('message').dataset.placed = String(report.placed);
    $('message').dataset.orphaned = String(report.orphaned);
  }));
  onFile(input('restore-file'), (file) => run(async () => {
    const shown = current;
    let result;
    try {
      result = await restoreLibrary(canvas, file, (id, record) => show(id, record));
    } catch (error) {
      throw new Error(`\u201C${file.name}\u201D was not restored: ${error.message}. Nothing was changed.`);
    } finally {
      if (shown) await show(shown.id, library.loadRecord(shown.id) || shown.record);
    }
    if (!shown) await openFirst();
    renderLibrary();
    say(`Restored from \u201C${file.name}\u201D: ${plural(result.added, 'document')} added, ` +
        `annotations merged into ${plural(result.merged, 'document')} already here.`);
  }));
}

function wireLayout() {
  const toggle = $('toggle-library');
  const set = (/** @type {boolean} */ collapsed) => {
    document.body.classList.toggle('library-collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
  };
  set(matchMedia('(max-width: 720px)').matches);
  toggle.addEventListener('click', () => set(!document.body.classList.contains('library-collapsed')));
}

/** Opens the document shown last, else the newest in the library, else the sample. */
async function openFirst() {
  const docs = library.listDocuments();
  const remembered = rememberedCurrent();
  const id = docs.some((d) => d.id === remembered) ? remembered : docs[0]?.id;
  if (id) return openStored(id);
  const response = await fetch('sample.txt');
  if (!response.ok) throw new Error(`could not load the sample article: HTTP ${response.status}`);
  return openNew(plainTextRecord(canvas, await response.text(), 'sample.txt'));
}

const status = $('status');
try {
  wireLayout();
  // The palette as custom properties (--scholion-blue …) for app.css.
  adoptStyles(document, `:root{${COLORS.map((c) => `--scholion-${c}:${PALETTE[c]}`).join(';')}}`);
  // The canvas with the annotation list on its right (open from the start where there is
  // room), the screen-reader mirror and the live region.
  const annotator = await mountAnnotator($('stage'), {
    base: '../', core: 'scholion-app-core', onChange: () => renderLibrary() });
  canvas = annotator.canvas;
  if (matchMedia('(min-width: 1000px)').matches) annotator.showList(true);
  // The embed's API (its HTML extraction), this page's annotator as the one instance (its
  // `debug` for tests) and what the page shows: scholion.d.ts ScholionPageGlobal.
  window.Scholion = Object.freeze({
    ...window.Scholion, instances: Object.freeze([{ debug: annotator.debug }]),
    app: Object.freeze({ current: () => (current ? { id: current.id, title: current.record.title } : null) }),
  });
  wireOpening();
  wireTransfers();
  // Another tab changed the library.
  addEventListener('storage', (e) => { if (e.key === null || e.key.startsWith(PREFIX)) renderLibrary(); });
  try {
    await openFirst();
  } catch (error) {
    say(`The library could not be opened: ${error.message}`, { kind: 'error' });
    showNothing();
  }
  status.textContent = '';
  document.documentElement.dataset.ready = 'true';
} catch (error) {
  status.textContent = `Scholion could not start: ${error.message}`;
  console.error(error);
}
