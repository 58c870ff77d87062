// The types of the canvas module (scholion-canvas.mjs): its options, its handle and the
// values that cross it. The module names them in JSDoc and re-exports them, so the
// modules around it import them from it.
import type { BlockKindName, ChangeKind, ChangeOrigin, ColorName, ExportFormat } from './protocol.mjs';
import type { StorageAdapter } from './storage.mjs';


/** An annotation as stored (storage JSON, schema 1); positions are code points. */
export interface Annotation {
  id: string;
  start: number;
  end: number;
  quote: { exact: string; prefix: string; suffix: string };
  color: ColorName;
  note: string;
  tags: string[];
  created: number;
  modified: number;
}

/** An annotation that could not be placed in this text, and why. */
export interface Orphan extends Annotation { reason?: string }

export interface Block { kind: BlockKindName; level?: number; text: string }
export interface BlockRange { kind: BlockKindName; level: number; start: number; end: number }
export interface Rect { x: number; y: number; width: number; height: number }
export interface Selection { anchor: number; head: number; text: string; annotation: string | null }

export type CanvasEvent =
  | { type: 'change'; kind: ChangeKind; annotation: Annotation; origin: ChangeOrigin }
  | { type: 'merge' }
  | { type: 'orphans'; orphans: Orphan[]; added: Orphan[] }
  | { type: 'selection'; anchor: number; head: number; annotation: string | null }
  | { type: 'document' }
  | { type: 'refused'; reason: string };

export interface ImportReport {
  placed: number;
  orphaned: number;
  skipped: Array<{ reason: string }>;
  orphans?: Array<{ id: string; reason: string; score?: number }>;
}

export interface CanvasOptions {
  base: string | URL;
  label?: string;
  storage?: StorageAdapter | null;
  onChange?: (kind: number, annotation: Annotation) => void;
  onOrphans?: (annotations: Orphan[]) => void;
  onNoteRequested?: () => void;
  core?: 'scholion-core' | 'scholion-app-core';
  fontFamily?: string;
}

export interface CanvasHandle {
  canvas: HTMLCanvasElement;
  loadPlainText(text: string, docId: string): Promise<void>;
  /** `dir`: the article's direction ('ltr' | 'rtl'; otherwise each paragraph its own); `lang` its language. */
  loadDocument(doc: { id: string; title: string; url?: string; blocks: Block[]; dir?: string | null; lang?: string | null }): Promise<void>;
  /** The shown document's direction as the article states it ('ltr', 'rtl' or ''), and its language. */
  direction(): string;
  language(): string;
  importStorage(json: string): void;
  orphans(): Orphan[];
  highlight(start: number, end: number, color?: ColorName): void;
  select(anchor: number, head: number): void;
  selection(): Selection | null;
  annotations(): Annotation[];
  saveNote(id: string, note: string, tags?: string[], range?: { from: number; to: number } | null): Annotation;
  noteCards(): Array<Rect & { id: string }>;
  chooser(): (Rect & { items: Array<Rect & { id: string }> }) | null;
  rangeRect(from: number, to: number): (Rect & { lines: number; rects: Rect[] }) | null;
  toolbarRect(): Rect | null;
  scrollToPosition(cp: number): void;
  notice(): string | null;
  undo(): void;
  redo(): void;
  annotationCount(): number;
  export(format: ExportFormat): string;
  flush(): boolean;
  lastCopied(): string | null;
  fontsReady(): Promise<unknown>;
  documentText(): string;
  scroll(): number;
  lastFrameMs(): number;
  frameCount(): number;
  linesDrawn(): number;
  // For tests and benchmarks.
  visibleRuns(): Array<Rect & { text: string; rtl: boolean; style: number; ink: number[] | null; colour: boolean }>;
  layoutLines(): { lines: Array<{ start: number; end: number; x: number; y: number; width: number; rtl: boolean }>;
                   column: { left: number; width: number } | null };
  fonts(): string[];
  glyphStats(): Record<string, number>;
  benchMeasureWords(): Record<string, number>;
  documentSummary(): { title: string; blocks: number; length: number; fingerprint: string } | null;
  destroy(): void;
  blocks(): BlockRange[];
  selectAnnotation(id: string, options?: { flash?: boolean }): boolean;
  deleteOrphan(id: string): boolean;
  attachOrphan(id: string): void;
  addListener(fn: (event: CanvasEvent) => void): () => boolean;
  removeListener(fn: (event: CanvasEvent) => void): boolean;
  checkUtf8(bytes: Uint8Array): string;
  markdownBlocks(text: string): { error?: string; title: string; blocks: Block[] };
  plainTextBlocks(text: string): { error?: string; title: string; blocks: Block[] };
  importAnnotations(format: 'w3c' | 'hypothesis', json: string): ImportReport;
  saveNow(): boolean;
}
