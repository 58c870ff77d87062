// @ts-check
// The standalone page's library: documents kept in this browser's localStorage, beside
// the annotations that web/storage.mjs keeps for them. Keys, all under "scholion:":
//
//   scholion:index                  the index storage.mjs keeps (title, count, opened,
//                                   saved); the library adds "name" and "fingerprint"
//                                   (the core's, of the text; libraries saved before
//                                   it have a "digest" instead, no longer read)
//   scholion:doc:<id>               the annotations (the core's storage JSON)
//   scholion:text:<id>              the document's text: {"schema": 1, "title", "name",
//                                   "kind": "text" | "markdown" | "html" | "paste",
//                                   "text": plain text, or "blocks": [{kind, level, text}]}
//   scholion:backup:<id>:<time>     unreadable data set aside by storage.mjs
//
// Writes that fail leave what was stored before in place and throw an Error whose
// message says why (usually: the storage is full).
import { INDEX_KEY, INDEX_SCHEMA, PREFIX, describeStorageError, docKey, localStore } from '../storage.mjs';
import { BlockKind } from '../protocol.mjs';

/**
 * A document's text as the library keeps it.
 * @typedef {{schema: number, title: string, name?: string, kind: 'text' | 'markdown' | 'html' | 'paste',
 *            text?: string, blocks: import('../scholion-canvas.mjs').Block[]}} DocumentRecord
 */
/**
 * @typedef {{title?: string, name?: string, count?: number, opened?: number, saved?: number,
 *            fingerprint?: string, digest?: string}} IndexEntry
 */

export const TEXT_SCHEMA = 1;
export const textKey = (/** @type {string} */ id) => `${PREFIX}text:${id}`;
const backupPrefix = (/** @type {string} */ id) => `${PREFIX}backup:${id}:`;

/**
 * Whether two records hold the same text (block by block): how a text opened again is
 * found in the library, whichever way its entry was saved.
 * @param {DocumentRecord} x
 * @param {DocumentRecord} y
 */
export function sameText(x, y) {
  if ('text' in x || 'text' in y) return x.text === y.text;
  return x.blocks.length === y.blocks.length &&
    x.blocks.every((b, i) => b.kind === y.blocks[i].kind && (b.level || 0) === (y.blocks[i].level || 0) &&
                             b.text === y.blocks[i].text);
}

/** Checks a document record's shape; returns "" or what is wrong, naming the field. */
export function recordProblem(/** @type {any} */ record, where = 'document') {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return `${where} is not an object`;
  if (record.schema !== TEXT_SCHEMA) return `${where}.schema is ${JSON.stringify(record.schema)}, expected ${TEXT_SCHEMA}`;
  if (typeof record.title !== 'string') return `${where}.title is not a string`;
  if (!['text', 'markdown', 'html', 'paste'].includes(record.kind)) return `${where}.kind ${JSON.stringify(record.kind)} is unknown`;
  if ('text' in record) return typeof record.text === 'string' ? '' : `${where}.text is not a string`;
  if (!Array.isArray(record.blocks)) return `${where} has neither "text" nor "blocks"`;
  for (const [i, b] of record.blocks.entries()) {
    if (!b || !(b.kind in BlockKind) || typeof b.text !== 'string' || !Number.isInteger(b.level ?? 0)) {
      return `${where}.blocks[${i}] is not a block {kind, level, text}`;
    }
  }
  return '';
}

function storage() {
  const s = localStore();
  if (!s) throw new Error('this browser does not allow the page to store data');
  return s;
}

/** @param {string} key */
function readJson(key) {
  const raw = storage().getItem(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;  // present but unreadable
  }
}

/** @returns {{schema: number, documents: Record<string, IndexEntry>}} */
function readIndex() {
  const index = readJson(INDEX_KEY);
  if (index && index.schema === INDEX_SCHEMA && index.documents && typeof index.documents === 'object') return index;
  return { schema: INDEX_SCHEMA, documents: {} };
}

/**
 * Writes `entries` ([key, value or null to remove]) all or nothing: when one write fails,
 * the ones before it are undone and the error is thrown with a readable message.
 */
/** @param {Array<[string, string | null]>} entries */
export function writeAll(entries) {
  const s = storage();
  const before = [];
  try {
    for (const [key, value] of entries) {
      before.push([key, s.getItem(key)]);
      if (value === null) s.removeItem(key);
      else s.setItem(key, value);
    }
  } catch (error) {
    for (const [key, value] of before.reverse()) {
      if (key === null) continue;
      try {
        if (value === null) s.removeItem(key);
        else s.setItem(key, value);
      } catch { /* putting back a value that fitted before cannot run out of room */ }
    }
    throw new Error(describeStorageError(error));
  }
}

/** Documents kept in this browser (those whose text is stored), last opened first. */
export function listDocuments() {
  const s = storage();
  const index = readIndex();
  const docs = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i) || '';
    if (!key.startsWith(`${PREFIX}text:`)) continue;
    const id = key.slice(`${PREFIX}text:`.length);
    const entry = index.documents[id] || {};
    const record = entry.title ? null : readJson(key);
    docs.push({ id, title: entry.title || record?.title || id, count: entry.count || 0,
                opened: entry.opened || 0, name: entry.name || '' });
  }
  return docs.sort((a, b) => b.opened - a.opened || a.title.localeCompare(b.title));
}

/**
 * The stored record of document `id`, or null; throws when it cannot be read.
 * @param {string} id
 * @returns {DocumentRecord | null}
 */
export function loadRecord(id) {
  const record = readJson(textKey(id));
  if (record === null) return null;
  const problem = record === undefined ? 'it is not JSON' : recordProblem(record);
  if (problem) throw new Error(`the stored text of this document cannot be read: ${problem}`);
  return record;
}

/**
 * The id of a stored document with the same text as `record`, or null. With the core's
 * `fingerprint` of the record's text, entries that have one are told apart by it; the
 * others (saved before fingerprints were kept) by their stored text.
 * @param {DocumentRecord} record
 * @param {string} [fingerprint]
 */
export function findDuplicate(record, fingerprint) {
  const index = readIndex();
  for (const [id, entry] of Object.entries(index.documents)) {
    if (fingerprint && entry.fingerprint) {
      if (entry.fingerprint === fingerprint && storage().getItem(textKey(id)) !== null) return id;
      continue;
    }
    let stored = null;
    try {
      stored = loadRecord(id);
    } catch {
      continue;  // unreadable: not a duplicate of anything
    }
    if (stored && sameText(stored, record)) return id;
  }
  return null;
}

/**
 * Stores a new document's record and its index entry.
 * @param {string} id
 * @param {DocumentRecord} record
 */
export function saveRecord(id, record) {
  const index = readIndex();
  index.documents[id] = { ...index.documents[id], title: record.title, name: record.name || '', opened: Date.now() };
  writeAll([[textKey(id), JSON.stringify(record)], [INDEX_KEY, JSON.stringify(index)]]);
}

/**
 * Keeps the core's fingerprint of document `id`'s text in its index entry (once shown).
 * Best effort: the text itself is what matters.
 * @param {string} id
 * @param {string | undefined} fingerprint
 */
export function noteFingerprint(id, fingerprint) {
  const index = readIndex();
  const entry = index.documents[id];
  if (!fingerprint || !entry || entry.fingerprint === fingerprint) return;
  entry.fingerprint = fingerprint;
  try {
    writeAll([[INDEX_KEY, JSON.stringify(index)]]);
  } catch { /* a full storage: found by its text instead */ }
}

/** Gives document `id` a new title (its record and the index). */
export function rename(/** @type {string} */ id, /** @type {string} */ title) {
  const record = loadRecord(id);
  if (!record) throw new Error('this document is no longer in the library');
  const index = readIndex();
  index.documents[id] = { ...index.documents[id], title };
  writeAll([[textKey(id), JSON.stringify({ ...record, title })], [INDEX_KEY, JSON.stringify(index)]]);
}

/**
 * Removes document `id` (text, annotations, set-aside backups, index entry). Returns
 * what was removed, for restoreRemoved to put back.
 */
export function remove(/** @type {string} */ id) {
  const s = storage();
  /** @type {{id: string, entries: Array<[string, string | null]>, indexEntry: IndexEntry | null}} */
  const removed = { id, entries: [], indexEntry: readIndex().documents[id] || null };
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i) || '';
    if (key === textKey(id) || key === docKey(id) || key.startsWith(backupPrefix(id))) {
      removed.entries.push([key, s.getItem(key)]);
    }
  }
  const index = readIndex();
  delete index.documents[id];
  writeAll([...removed.entries.map(([key]) => /** @type {[string, null]} */ ([key, null])),
            [INDEX_KEY, JSON.stringify(index)]]);
  return removed;
}

/**
 * Undoes remove().
 * @param {ReturnType<typeof remove>} removed
 */
export function restoreRemoved(removed) {
  const index = readIndex();
  if (removed.indexEntry) index.documents[removed.id] = removed.indexEntry;
  writeAll([...removed.entries, [INDEX_KEY, JSON.stringify(index)]]);
}

/** Bytes this page's data takes in localStorage (UTF-16, as browsers count it). */
export function bytesUsed() {
  const s = storage();
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i) || '';
    if (key.startsWith(PREFIX)) n += 2 * (key.length + (s.getItem(key) || '').length);
  }
  return n;
}

/** Every stored document with its text and annotations, as one backup file's JSON. */
export function backup() {
  const documents = listDocuments().map(({ id }) => {
    const annotations = readJson(docKey(id));
    return { id, index: readIndex().documents[id] || {}, text: loadRecord(id),
             annotations: annotations === undefined ? null : annotations };
  });
  return JSON.stringify({ scholion: 'library-backup', schema: 1, exported: new Date().toISOString(),
                          documents }, null, 1);
}

/**
 * Reads a backup file's JSON and checks all of it before anything is written. Returns
 * the documents, or throws naming the first problem.
 */
/**
 * @param {string} json
 * @returns {Array<{id: string, index?: IndexEntry, text: DocumentRecord, annotations: {schema: number, annotations?: unknown[]} | null}>}
 */
export function readBackup(json) {
  let data;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`this file is not valid JSON (${error.message})`);
  }
  if (!data || data.scholion !== 'library-backup') throw new Error('this file is not a Scholion library backup');
  if (data.schema !== 1) throw new Error(`this backup has schema ${JSON.stringify(data.schema)}, which this page does not read`);
  if (!Array.isArray(data.documents)) throw new Error('the backup has no "documents" list');
  data.documents.forEach((/** @type {any} */ d, /** @type {number} */ i) => {
    if (!d || typeof d.id !== 'string' || !d.id) throw new Error(`documents[${i}].id is not a non-empty string`);
    const problem = recordProblem(d.text, `documents[${i}].text`);
    if (problem) throw new Error(problem);
    if (d.annotations !== null && (typeof d.annotations !== 'object' || !Number.isInteger(d.annotations.schema))) {
      throw new Error(`documents[${i}].annotations is not stored annotations JSON`);
    }
  });
  return data.documents;
}

/** The stored annotations JSON of document `id`, or null. */
export function storedAnnotations(/** @type {string} */ id) {
  return storage().getItem(docKey(id));
}

/**
 * The index write that adds `entries` ({id: fields}) for documents not opened yet.
 * @param {Record<string, IndexEntry>} entries
 * @returns {[string, string]}
 */
export function indexWith(entries) {
  const index = readIndex();
  for (const [id, entry] of Object.entries(entries)) index.documents[id] = { ...entry, ...index.documents[id] };
  return [INDEX_KEY, JSON.stringify(index)];
}
