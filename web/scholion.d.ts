// Scholion's publisher API: the one global defined by scholion.js (checked against it by
// `make test-types`), and what the standalone page (app/) puts in its place.

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
  /**
   * For tests and diagnostics, not a stable API: the annotator's inner handles and the
   * canvas's counters. Null until the annotator has been opened.
   */
  readonly debug: ScholionDebug | null;
}

/** A block of an article's text, as Scholion reads it. */
export interface ScholionBlock {
  kind: 'heading' | 'paragraph' | 'quote' | 'list_item' | 'preformatted';
  /** 1-6 for headings, 0 otherwise. */
  level: number;
  text: string;
}

/** Diagnostics (see ScholionInstance.debug); may change in any release. */
export interface ScholionDebug {
  /** The canvas's own handle (web/scholion-canvas.mjs). */
  readonly canvas: unknown;
  /** The annotator's handle (web/annotator.mjs). */
  readonly annotator: unknown;
  /** Frames drawn so far: idle means this does not move. */
  frameCount(): number;
  linesDrawn(): number;
  /** CPU time spent drawing the last frame, in ms. */
  lastFrameMs(): number;
  /** Resolves when every font the shown text needs has arrived. */
  fontsReady(): Promise<unknown>;
  /** The text the canvas last put on the clipboard, or null. */
  lastCopied(): string | null;
  noteCards(): Array<{ id: string; x: number; y: number; width: number; height: number }>;
  chooser(): { x: number; y: number; width: number; height: number; items: Array<{ id: string; x: number; y: number; width: number; height: number }> } | null;
  toolbarRect(): { x: number; y: number; width: number; height: number } | null;
  /** How far the text is scrolled, in CSS pixels. */
  scroll(): number;
  /** The message shown over the canvas, or null. */
  notice(): string | null;
}

export interface ScholionGlobal {
  readonly version: string;
  readonly instances: ReadonlyArray<ScholionInstance>;
  mount(element: Element, options?: ScholionMountOptions): ScholionInstance;
  /** The text blocks Scholion reads from an article element. */
  extract(element: Element): ScholionBlock[];
}

/** The standalone page's annotator: window.Scholion.instances[0] on that page. */
export interface ScholionPageInstance {
  readonly debug: ScholionDebug;
}

/**
 * window.Scholion on the standalone page (app/): the embed's global with the page's own
 * annotator as its one instance, and what the page shows.
 */
export interface ScholionPageGlobal extends Omit<ScholionGlobal, 'instances'> {
  readonly instances: ReadonlyArray<ScholionPageInstance>;
  readonly app: {
    /** The shown document: its id (the core's fingerprint of its text) and title. */
    current(): { id: string; title: string } | null;
  };
}

declare global {
  interface Window {
    Scholion: ScholionGlobal | ScholionPageGlobal;
  }
}
