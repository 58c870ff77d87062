// @ts-check
// Scholion's browser storage: one localStorage key per document plus an index, all under
// the "scholion:" prefix, with a schema version in every value.
//
//   scholion:index            {"schema":1,"documents":{"<doc id>":{title,count,opened,saved}}}
//   scholion:doc:<doc id>     the core's storage JSON for that document ("schema": 1)
//   scholion:backup:<doc id>:<ISO time>   stored bytes that could not be read, set aside
//
// Nothing here ever overwrites data it could not read: unreadable values are copied to a
// backup key first, and if even that fails the document is saved nowhere until the
// reader exports. Writes are debounced and flushed when the page is hidden.

export const PREFIX = 'scholion:';
export const INDEX_KEY = `${PREFIX}index`;
export const INDEX_SCHEMA = 1;
export const docKey = (/** @type {string} */ docId) => `${PREFIX}doc:${docId}`;
export const backupKey = (/** @type {string} */ docId, when = new Date()) => `${PREFIX}backup:${docId}:${when.toISOString()}`;

/**
 * A site's own storage for annotations (scholion.d.ts ScholionStorageAdapter).
 * @typedef {{load(docId: string): Promise<string | object | null>, save(docId: string, json: string): Promise<void>}} StorageAdapter
 */
/**
 * What a store needs of the core.
 * @typedef {{exportStorage(): string, mergeStorage(json: string): string, annotationCount(): number}} StoreCore
 */
/** @typedef {(message: string | null, options?: {canExport?: boolean}) => void} Notify */

/** A readable message for anything thrown. */
export const messageOf = (/** @type {any} */ error) => String(error?.message || error);

/**
 * Why a write failed, in words a reader understands.
 * @param {any} error
 */
export function describeStorageError(error) {
  if (error && (error.name === 'QuotaExceededError' || error.code === 22 || error.code === 1014)) {
    return 'the browser\u2019s storage for this site is full';
  }
  if (error && error.name === 'SecurityError') return 'the browser does not allow this site to store data';
  return `the browser refused to store data (${messageOf(error)})`;
}

/**
 * The one way to this site's localStorage: null where the browser allows none (reading
 * window.localStorage itself throws when storage is disabled, as in some private modes).
 * @returns {Storage | null}
 */
export function localStore() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// Saves debounced: `changed()` schedules a save, `flush()` makes a pending one now.
// Subclasses implement save(), returning true when the data is (being) stored.
class DebouncedStore {
  /** @param {number} debounceMs */
  constructor(debounceMs) {
    this.debounceMs = debounceMs;
    this.timer = 0;
    this.failed = false;
  }


  /** The annotations changed: save soon. */
  changed() {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), this.debounceMs);
  }

  /** Writes now if a save is pending. Returns true when the data is stored. */
  flush() {
    if (!this.timer) return !this.failed;
    clearTimeout(this.timer);
    this.timer = 0;
    return /** @type {{save(): boolean}} */ (/** @type {unknown} */ (this)).save();  // the subclass's
  }
}

export class LocalDocumentStore extends DebouncedStore {
  /**
   * `core` has: exportStorage() -> JSON string, mergeStorage(json) -> "" or an error,
   * annotationCount(). `notify(message|null, {canExport})` shows or clears a message.
   * @param {{docId: string, title: string, core: StoreCore, notify: Notify, debounceMs?: number}} options
   */
  constructor({ docId, title, core, notify, debounceMs = 250 }) {
    super(debounceMs);
    this.docId = docId;
    this.title = title;
    this.core = core;
    this.notify = notify;
    this.key = docKey(docId);
    this.blocked = false;  // unreadable data we could not set aside: never write over it
    this.onStorage = (/** @type {StorageEvent} */ e) => this.#onStorage(e);
    this.onHide = () => this.flush();
    this.onVisibility = () => { if (document.visibilityState === 'hidden') this.flush(); };
  }

  /** Reads this document's stored annotations into the core and starts listening. */
  async load() {
    const storage = localStore();
    if (!storage) {
      this.notify('Highlights cannot be saved: this browser does not allow the site to store data.',
                  { canExport: true });
      return;
    }
    let raw = null;
    try {
      raw = storage.getItem(this.key);
    } catch (error) {
      this.notify(`Saved highlights could not be read: ${describeStorageError(error)}.`, { canExport: true });
    }
    if (raw !== null) this.#bringIn(raw, 'load');
    this.#touchIndex({ opened: Date.now() });
    addEventListener('storage', this.onStorage);
    addEventListener('pagehide', this.onHide);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  save() {
    if (this.blocked) return false;
    const storage = localStore();
    try {
      if (!storage) throw Object.assign(new Error('storage is disabled'), { name: 'SecurityError' });
      storage.setItem(this.key, this.core.exportStorage());
      this.#touchIndex({ saved: Date.now(), count: this.core.annotationCount() });
    } catch (error) {
      this.failed = true;
      this.notify(`Your highlights could not be saved: ${describeStorageError(error)}. ` +
                  'They are kept while this page stays open; export them to keep a copy.',
                  { canExport: true });
      return false;
    }
    if (this.failed) {
      this.failed = false;
      this.notify(null);
    }
    return true;
  }

  destroy() {
    this.flush();
    removeEventListener('storage', this.onStorage);
    removeEventListener('pagehide', this.onHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /**
   * Another tab saved this document: merge per annotation (newest wins, deletions kept).
   * @param {StorageEvent} e
   */
  #onStorage(e) {
    if (e.storageArea !== localStore() || e.key !== this.key || e.newValue === null) return;
    this.#bringIn(e.newValue, 'tab');
  }

  /**
   * @param {string} raw
   * @param {'load' | 'tab'} origin
   */
  #bringIn(raw, origin) {
    const error = this.core.mergeStorage(raw);
    if (!error) return;
    if (origin === 'tab') {
      // Another tab wrote something we cannot read; it keeps its own copy. Say so.
      this.notify(`Changes from another tab could not be read: ${error}`, { canExport: false });
      return;
    }
    const storage = localStore();
    const aside = backupKey(this.docId);
    try {
      /** @type {Storage} */ (storage).setItem(aside, raw);  // none: a TypeError, caught
      this.notify(`Saved highlights for this page could not be read (${error}). ` +
                  `The stored data was kept under \u201C${aside}\u201D.`, { canExport: false });
    } catch {
      this.blocked = true;
      this.notify(`Saved highlights for this page could not be read (${error}), and there is no room ` +
                  'to set them aside. New highlights will not be saved over them; export to keep a copy.',
                  { canExport: true });
    }
  }

  /** @param {Record<string, unknown>} fields */
  #touchIndex(fields) {
    const storage = localStore();
    if (!storage) return;
    let raw = null;
    try {
      raw = storage.getItem(INDEX_KEY);
    } catch {
      return;
    }
    let parsed = null;
    try {
      parsed = raw ? JSON.parse(raw) : null;
    } catch {
      parsed = null;
    }
    let index = { schema: INDEX_SCHEMA, documents: {} };
    if (parsed && parsed.schema === INDEX_SCHEMA && parsed.documents && typeof parsed.documents === 'object') {
      index = parsed;
    } else if (raw) {
      try {
        storage.setItem(backupKey('index'), raw);  // an index we cannot read is set aside
      } catch {
        return;  // and without room to set it aside, it is left alone
      }
    }
    index.documents[this.docId] = { ...index.documents[this.docId], title: this.title, ...fields };
    try {
      storage.setItem(INDEX_KEY, JSON.stringify(index));
    } catch {
      // The document itself is what matters; a stale index entry is harmless.
    }
  }
}

/**
 * The same contract over a site's own storage: `adapter` has load(docId) → Promise of
 * the stored JSON (or null) and save(docId, json) → Promise. Saves are debounced; a
 * failed load or save is shown to the reader and nothing in memory is lost.
 */
export class AdapterDocumentStore extends DebouncedStore {
  /**
   * @param {{docId: string, core: StoreCore, notify: Notify, adapter: StorageAdapter, debounceMs?: number}} options
   */
  constructor({ docId, core, notify, adapter, debounceMs = 250 }) {
    super(debounceMs);
    this.docId = docId;
    this.core = core;
    this.notify = notify;
    this.adapter = adapter;
    this.blocked = false;  // the site's data could not be read: never write over it
    this.onHide = () => this.flush();
    addEventListener('pagehide', this.onHide);
  }

  async load() {
    let raw = null;
    try {
      raw = await this.adapter.load(this.docId);
    } catch (error) {
      this.blocked = true;
      this.notify(`Saved highlights could not be loaded: ${messageOf(error)}. ` +
                  'New highlights will not be saved over them; export to keep a copy.', { canExport: true });
      return;
    }
    if (raw === null || raw === undefined) return;
    const error = this.core.mergeStorage(typeof raw === 'string' ? raw : JSON.stringify(raw));
    if (error) {
      this.blocked = true;
      this.notify(`Saved highlights could not be read (${error}). They were left as they are; ` +
                  'new highlights will not be saved over them.', { canExport: true });
    }
  }

  save() {
    if (this.blocked) return false;
    Promise.resolve()
      .then(() => this.adapter.save(this.docId, this.core.exportStorage()))
      .then(() => {
        if (this.failed) this.notify(null);
        this.failed = false;
      }, (error) => {
        this.failed = true;
        this.notify(`Your highlights could not be saved: ${messageOf(error)}. ` +
                    'They are kept while this page stays open; export them to keep a copy.', { canExport: true });
      });
    return true;
  }

  destroy() {
    this.flush();
    removeEventListener('pagehide', this.onHide);
  }
}
