// The standalone annotator page: open a document (file, drop, paste), annotate it on the
// canvas, keep a library of annotated documents in this browser, and move annotations in
// and out. The first visit shows a sample article. Everything is loaded from this folder
// and its parent with relative paths; once started, the page needs no network.
import { mountAnnotator } from '../annotator.mjs';
import { PREFIX } from '../storage.mjs';
import * as library from './library.mjs';
import { ACCEPT, formatBytes, plainTextRecord, readFile, readPaste } from './open.mjs';
import { exportDocument, exportLibrary, importAnnotations, restoreLibrary } from './transfer.mjs';
import { clear, say, when } from './ui.mjs';

const $ = (id) => document.getElementById(id);
const APP_KEY = `${PREFIX}app`;  // {"schema": 1, "current": <doc id>}: what to reopen
const UNDO_MS = 30000;           // how long a deletion can be undone

let canvas = null;
let current = null;  // {id, record} of the shown document, or null
// Why an imported annotation could not be placed (core/anchoring.hpp's OrphanReason).
const ORPHAN_REASONS = {
  ambiguous: 'fit several places equally well',
  not_found: 'were not found in this text',
  below_threshold: 'differ too much from this text',
  out_of_range: 'have only a position, outside this text',
  no_selectors: 'have nothing to search for',
};
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function newId() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function rememberCurrent(id) {
  try {
    localStorage.setItem(APP_KEY, JSON.stringify({ schema: 1, current: id }));
  } catch { /* only a convenience: the library still lists the document */ }
}

function rememberedCurrent() {
  try {
    const app = JSON.parse(localStorage.getItem(APP_KEY));
    return app && app.schema === 1 && typeof app.current === 'string' ? app.current : null;
  } catch {
    return null;
  }
}

/** Shows a stored or new document's record in the canvas. */
async function show(id, record, { remember = true } = {}) {
  canvas.flush();
  await canvas.loadDocument({ id, title: record.title, url: '', blocks: record.blocks });
  current = { id, record };
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

async function openStored(id) {
  const record = library.loadRecord(id);
  if (!record) throw new Error('this document is no longer in the library');
  await show(id, record);
}

/** Opens a new record: kept in the library (or the same text already kept, reopened). */
async function openNew(record) {
  const existing = library.findDuplicate(record);
  if (existing) {
    await openStored(existing);
    say(`\u201C${current.record.title}\u201D is already in your library; it was opened with its annotations.`,
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

async function openFile(file) {
  try {
    await openNew(await readFile(canvas, file));
  } catch (error) {
    say(error.message, { kind: 'error' });
  }
}

// --- Library list ---------------------------------------------------------------------

function renderLibrary() {
  const list = $('documents');
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
    li.querySelector('.open').textContent = doc.title;
    li.querySelector('.meta').textContent = `${plural(count, 'annotation')} \u00b7 ${when(doc.opened)}`;
    li.querySelector('.rename').setAttribute('aria-label', `Rename \u201C${doc.title}\u201D`);
    li.querySelector('.delete').setAttribute('aria-label', `Delete \u201C${doc.title}\u201D`);
    li.querySelector('.open').addEventListener('click', () => run(() => openStored(doc.id)));
    li.querySelector('.rename').addEventListener('click', () => run(() => renameDocument(doc)));
    li.querySelector('.delete').addEventListener('click', () => run(() => deleteDocument(doc, count)));
    return li;
  }));
  $('storage-use').textContent = docs.length
    ? `${plural(docs.length, 'document')}, ${formatBytes(library.bytesUsed())} stored in this browser.`
    : 'No documents kept yet.';
}

async function renameDocument(doc) {
  const title = prompt('New title:', doc.title);
  if (title === null || !title.trim() || title.trim() === doc.title) return;
  library.rename(doc.id, title.trim());
  if (current?.id === doc.id) await openStored(doc.id);  // the core's title goes into exports
  renderLibrary();
}

async function deleteDocument(doc, count) {
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

/** Runs an action, showing its error (if any) in the message bar. */
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
  const input = $('open-file');
  input.accept = ACCEPT;
  input.addEventListener('change', () => {
    const [file] = input.files;
    input.value = '';
    if (file) openFile(file);
  });
  // Drag and drop anywhere on the page.
  let depth = 0;
  const hint = $('drop-hint');
  const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
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
  $('paste').addEventListener('click', () => { panel.hidden = false; $('paste-box').focus(); });
  $('paste-cancel').addEventListener('click', () => { panel.hidden = true; });
  document.addEventListener('paste', (e) => {
    const t = e.target;
    if (t !== $('paste-box') && t instanceof Element && t.closest('input, textarea, [contenteditable]')) return;
    e.preventDefault();
    run(async () => {
      const record = readPaste(canvas, e.clipboardData);
      if (!record) throw new Error('The clipboard holds no text to open.');
      panel.hidden = true;
      $('paste-box').value = '';
      await openNew(record);
    });
  });
}

function wireTransfers() {
  const closeMenus = () => document.querySelectorAll('details.menu').forEach((d) => { d.open = false; });
  // Menus close on a click elsewhere, on Escape, and when the other one opens.
  document.addEventListener('click', (e) => {
    document.querySelectorAll('details.menu[open]').forEach((d) => { if (!d.contains(e.target)) d.open = false; });
  });
  document.addEventListener('keydown', (e) => {
    const open = document.querySelector('details.menu[open]');
    if (e.key === 'Escape' && open) {
      open.open = false;
      open.querySelector('summary').focus();
    }
  });
  for (const b of document.querySelectorAll('[data-export]')) {
    b.addEventListener('click', () => run(() => {
      closeMenus();
      if (b.dataset.export === 'library') return exportLibrary();
      if (!current) throw new Error('Open a document first.');
      return exportDocument(canvas, b.dataset.export);
    }));
  }
  const onFile = (input, action) => input.addEventListener('change', () => {
    const [file] = input.files;
    input.value = '';
    closeMenus();
    if (file) action(file);
  });
  onFile($('import-file'), (file) => run(async () => {
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
    const reasons = new Map();
    for (const o of report.orphans || []) {
      const reason = ORPHAN_REASONS[o.reason] || o.reason;
      reasons.set(reason, (reasons.get(reason) || 0) + 1);
    }
    const why = [...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ');
    say(`Imported from \u201C${file.name}\u201D: ${report.placed} placed, ${report.orphaned} could not be placed` +
        `${report.orphaned ? ` (${why ? `${why}; ` : ''}kept as orphans and included in exports)` : ''}${skipped}.`);
    $('message').dataset.placed = report.placed;
    $('message').dataset.orphaned = report.orphaned;
  }));
  onFile($('restore-file'), (file) => run(async () => {
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
  const set = (collapsed) => {
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
  // The canvas with the annotation list on its right (open from the start where there is
  // room), the screen-reader mirror and the live region.
  const annotator = await mountAnnotator($('stage'), {
    base: '../', core: 'scholion-app-core', onChange: () => renderLibrary() });
  canvas = annotator.canvas;
  if (matchMedia('(min-width: 1000px)').matches) annotator.showList(true);
  const embed = window.Scholion || {};
  // The embed's API (its HTML extraction) plus this page's canvas and state, for scripts
  // and tests.
  window.Scholion = Object.freeze({
    ...embed, instances: [{ canvas, annotator }],
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
