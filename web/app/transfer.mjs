// @ts-check
// Moving annotations and documents in and out of the standalone page: per-document
// exports, annotation imports (W3C, Hypothesis, Scholion storage JSON) onto the open
// document, and the whole-library backup and restore.
import { docKey } from '../storage.mjs';
import * as library from './library.mjs';
import { formatBytes } from './open.mjs';
import { download, slug } from './ui.mjs';

/** Annotation files and backups larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/** The open document's annotations or text as a download. */
export function exportDocument(canvas, format) {
  const summary = canvas.documentSummary();
  const name = slug(summary.title);
  if (format === 'w3c') {
    // The collection carries the fingerprint of the text its positions count in.
    const collection = JSON.parse(canvas.export('w3c'));
    const out = { ...collection, 'scholion:fingerprint': summary.fingerprint };
    download(JSON.stringify(out, null, 2), `${name}.annotations.jsonld`, 'application/ld+json');
  } else if (format === 'markdown') {
    download(canvas.export('markdown'), `${name}.annotations.md`, 'text/markdown');
  } else if (format === 'text') {
    download(canvas.documentText(), `${name}.txt`, 'text/plain');
  } else {
    throw new Error(`unknown export "${format}"`);
  }
}

export function exportLibrary() {
  download(library.backup(), `scholion-library-${new Date().toISOString().slice(0, 10)}.json`, 'application/json');
}

/** A file's text, refused (with the reason) when too large or not UTF-8. */
async function readText(canvas, file) {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new Error(`it is ${formatBytes(file.size)}; files of up to ${formatBytes(MAX_IMPORT_BYTES)} can be imported`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const invalid = canvas.checkUtf8(bytes);
  if (invalid) throw new Error(`it is not UTF-8 text: ${invalid}`);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Which annotation format a parsed file is in. */
function formatOf(data) {
  if (data && data.scholion === 'library-backup') {
    throw new Error('it is a library backup: use \u201CRestore library\u201D to bring it back');
  }
  if (data && !Array.isArray(data) && typeof data === 'object') {
    if (Array.isArray(data.rows) || (typeof data.uri === 'string' && Array.isArray(data.target))) return 'hypothesis';
    if (Number.isInteger(data.schema) && data.document && Array.isArray(data.annotations)) return 'storage';
  }
  return 'w3c';
}

/**
 * Imports an annotation file onto the open document. Resolves to {placed, orphaned,
 * skipped, format}; throws with the reason when nothing was imported (then nothing changed).
 */
export async function importAnnotations(canvas, file) {
  const text = await readText(canvas, file);
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`it is not valid JSON (${error.message})`);
  }
  const format = formatOf(data);
  if (format === 'storage') {
    const before = canvas.annotationCount();
    const orphansBefore = canvas.orphans().length;
    canvas.importStorage(text);
    canvas.saveNow();
    return { format, placed: canvas.annotationCount() - before, orphaned: canvas.orphans().length - orphansBefore,
             skipped: [] };
  }
  return { format, ...canvas.importAnnotations(format, text) };
}

/**
 * Restores a library backup: documents not in the library are added, annotations of
 * documents already here are merged with theirs (per annotation, newest wins). Every
 * part of the file is checked before anything is written. `reopen(id, record)` shows a
 * document in the canvas (to merge through the core). Resolves to {added, merged}.
 */
export async function restoreLibrary(canvas, file, reopen) {
  const documents = library.readBackup(await readText(canvas, file));
  /** @type {Array<[string, string | null]>} */
  const writes = [];
  /** @type {Record<string, import('./library.mjs').IndexEntry>} */
  const entries = {};
  const toMerge = [];
  let added = 0;
  for (const backedUp of documents) {
    // The same text kept under another id (the sample, a file opened again) is that document.
    const duplicate = library.loadRecord(backedUp.id) === null
      ? library.findDuplicate(backedUp.text, backedUp.index?.fingerprint) : null;
    const d = duplicate ? { ...backedUp, id: duplicate } : backedUp;
    if (library.loadRecord(d.id) === null) {
      added++;
      writes.push([library.textKey(d.id), JSON.stringify(d.text)]);
      entries[d.id] = { ...d.index, title: d.index?.title || d.text.title,
                        count: d.annotations?.annotations?.length || 0 };
    }
    if (!d.annotations) continue;
    if (library.storedAnnotations(d.id) === null) writes.push([docKey(d.id), JSON.stringify(d.annotations)]);
    else toMerge.push(d);
  }
  library.writeAll([...writes, library.indexWith(entries)]);
  for (const d of toMerge) {
    await reopen(d.id, library.loadRecord(d.id));
    canvas.importStorage(JSON.stringify(d.annotations));
    canvas.saveNow();
  }
  return { added, merged: toMerge.length };
}
