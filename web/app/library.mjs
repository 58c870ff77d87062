// The standalone page's library: documents kept in this browser's localStorage, beside
// the annotations that web/storage.mjs keeps for them. Keys, all under "scholion:":
//
//   scholion:index                  the index storage.mjs keeps (title, count, opened,
//                                   saved); the library adds "digest" and "name"
//   scholion:doc:<id>               the annotations (the core's storage JSON)
//   scholion:text:<id>              the document's text: {"schema": 1, "title", "name",
//                                   "kind": "text" | "markdown" | "html" | "paste",
//                                   "text": plain text, or "blocks": [{kind, level, text}]}
//   scholion:backup:<id>:<time>     unreadable data set aside by storage.mjs
//
// Writes that fail leave what was stored before in place and throw an Error whose
// message says why (usually: the storage is full).
import { INDEX_KEY, INDEX_SCHEMA, PREFIX, describeStorageError, docKey } from '../storage.mjs';
import { BlockKind } from '../scholion-canvas.mjs';

export const TEXT_SCHEMA = 1;
export const textKey = (id) => `${PREFIX}text:${id}`;
const backupPrefix = (id) => `${PREFIX}backup:${id}:`;

/** A short, stable digest of a document record's text (FNV-1a, 52 bits), to find duplicates. */
export function digestOf(record) {
  const s = record.text ?? record.blocks.map((b) => `${b.kind}\u0000${b.level}\u0000${b.text}`).join('\u0001');
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${s.length.toString(36)}-${h1.toString(36)}${(h2 & 0xfffff).toString(36)}`;
}

/** Checks a document record's shape; returns "" or what is wrong, naming the field. */
export function recordProblem(record, where = 'document') {
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
  try {
    return window.localStorage;
  } catch {
    throw new Error('this browser does not allow the page to store data');
  }
}

function readJson(key) {
  const raw = storage().getItem(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;  // present but unreadable
  }
}

function readIndex() {
  const index = readJson(INDEX_KEY);
  if (index && index.schema === INDEX_SCHEMA && index.documents && typeof index.documents === 'object') return index;
  return { schema: INDEX_SCHEMA, documents: {} };
}

/**
 * Writes `entries` ([key, value or null to remove]) all or nothing: when one write fails,
 * the ones before it are undone and the error is thrown with a readable message.
 */
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
    const key = s.key(i);
    if (!key.startsWith(`${PREFIX}text:`)) continue;
    const id = key.slice(`${PREFIX}text:`.length);
    const entry = index.documents[id] || {};
    const record = entry.title ? null : readJson(key);
    docs.push({ id, title: entry.title || record?.title || id, count: entry.count || 0,
                opened: entry.opened || 0, name: entry.name || '' });
  }
  return docs.sort((a, b) => b.opened - a.opened || a.title.localeCompare(b.title));
}

/** The stored record of document `id`, or null; throws when it cannot be read. */
export function loadRecord(id) {
  const record = readJson(textKey(id));
  if (record === null) return null;
  const problem = record === undefined ? 'it is not JSON' : recordProblem(record);
  if (problem) throw new Error(`the stored text of this document cannot be read: ${problem}`);
  return record;
}

/** The id of a stored document with the same text as `record`, or null. */
export function findDuplicate(record) {
  const digest = digestOf(record);
  const index = readIndex();
  for (const [id, entry] of Object.entries(index.documents)) {
    if (entry.digest === digest && storage().getItem(textKey(id)) !== null) return id;
  }
  return null;
}

/** Stores a new document's record and its index entry. */
export function saveRecord(id, record) {
  const index = readIndex();
  index.documents[id] = { ...index.documents[id], title: record.title, name: record.name || '',
                          digest: digestOf(record), opened: Date.now() };
  writeAll([[textKey(id), JSON.stringify(record)], [INDEX_KEY, JSON.stringify(index)]]);
}

/** Gives document `id` a new title (its record and the index). */
export function rename(id, title) {
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
export function remove(id) {
  const s = storage();
  const removed = { id, entries: [], indexEntry: readIndex().documents[id] || null };
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key === textKey(id) || key === docKey(id) || key.startsWith(backupPrefix(id))) {
      removed.entries.push([key, s.getItem(key)]);
    }
  }
  const index = readIndex();
  delete index.documents[id];
  writeAll([...removed.entries.map(([key]) => [key, null]), [INDEX_KEY, JSON.stringify(index)]]);
  return removed;
}

/** Undoes remove(). */
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
    const key = s.key(i);
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
  data.documents.forEach((d, i) => {
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
export function storedAnnotations(id) {
  return storage().getItem(docKey(id));
}

/** The index write that adds `entries` ({id: fields}) for documents not opened yet. */
export function indexWith(entries) {
  const index = readIndex();
  for (const [id, entry] of Object.entries(entries)) index.documents[id] = { ...entry, ...index.documents[id] };
  return [INDEX_KEY, JSON.stringify(index)];
}
