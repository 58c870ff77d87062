// Scholion's publisher API: the one global defined by scholion.js.

/** An annotation as Scholion stores it (storage JSON, schema 1). Positions are code points. */
export interface ScholionAnnotation {
  id: string;
  start: number;
  end: number;
  quote: { exact: string; prefix: string; suffix: string };
  color: 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
  note: string;
  tags: string[];
  /** Milliseconds since the epoch. */
  created: number;
  modified: number;
}

export type ScholionEvent = 'create' | 'update' | 'delete' | 'orphan';
export type ScholionExportFormat = 'w3c' | 'markdown' | 'storage';

/** A site's own storage for annotations, instead of the reader's localStorage. */
export interface ScholionStorageAdapter {
  /** The JSON last saved for this document, or null. */
  load(docId: string): Promise<string | null>;
  save(docId: string, json: string): Promise<void>;
}

export interface ScholionMountOptions {
  /** Document id; default the page's canonical URL. */
  id?: string;
  /** Where the launcher goes. Default 'bottom-right'. */
  position?: 'bottom-right' | 'bottom-left' | 'inline';
  storage?: ScholionStorageAdapter;
}

export interface ScholionInstance {
  /** Opens the panel, loading the annotator the first time. */
  open(): Promise<void>;
  /** Closes the panel; focus returns to the launcher. */
  close(): void;
  /** Also dispatched on the article element as CustomEvent `scholion:<event>`. */
  on(event: ScholionEvent, listener: (annotation: ScholionAnnotation) => void): this;
  off(event: ScholionEvent, listener: (annotation: ScholionAnnotation) => void): this;
  export(format?: ScholionExportFormat): Promise<string>;
  /** Annotations as storage JSON (a string or the parsed object). */
  import(data: string | object): Promise<void>;
  /** Removes every element and listener this instance added. */
  destroy(): void;
}

export interface ScholionGlobal {
  readonly version: string;
  readonly instances: ReadonlyArray<ScholionInstance>;
  mount(element: Element, options?: ScholionMountOptions): ScholionInstance;
  /** The text blocks Scholion reads from an article element. */
  extract(element: Element): Array<{ kind: 'heading' | 'paragraph' | 'quote' | 'list_item' | 'preformatted'; level: number; text: string }>;
}

declare global {
  interface Window {
    Scholion: ScholionGlobal;
  }
}
