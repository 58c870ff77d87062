// @ts-check
// The annotator: the canvas (scholion-canvas.mjs) with the UI around it — a collapsible
// drawer listing every annotation (annotation-list.mjs), the screen-reader mirror of
// the article (mirror.mjs) and a polite live region that announces what happens.
// Styles come from one constructed stylesheet adopted by the container's root (shadow
// root or document): no inline <style>, so a strict Content-Security-Policy is fine.

import { mountCanvas } from './scholion-canvas.mjs';
import { mountMirror } from './mirror.mjs';
import { adoptStyles, deepActive, styleRootOf, visuallyHide } from './dom.mjs';
import { PALETTE, publicEventOf } from './protocol.mjs';
// The list, the note editor and the shortcuts overlay arrive when first wanted (below).

const CSS = `.sch-annotator{position:absolute;inset:0;display:flex;flex-direction:column;font:14px/1.4 system-ui,sans-serif;color:#24292f}` +
  `.sch-annotator .sch-bar{display:flex;justify-content:flex-end;gap:8px;padding:4px 8px;border-bottom:1px solid #e4e1da;background:#fbfaf7}` +
  `.sch-annotator .sch-toggle{font:600 13px/1 system-ui,sans-serif;color:#24292f;background:#fff;border:1px solid #d0cdc4;border-radius:14px;padding:6px 12px;cursor:pointer}` +
  `.sch-annotator .sch-toggle[aria-expanded=true]{background:#24292f;color:#fff;border-color:#24292f}` +
  `.sch-annotator .sch-toggle .n{margin-left:6px;padding:1px 6px;border-radius:8px;background:${PALETTE.yellow}` +
  `;color:#24292f}.sch-annotator :focus-visible{outline:3px solid ${PALETTE.blue};outline-offset:1px}` +
  `.sch-annotator .sch-body{position:relative;flex:1;min-height:0;display:flex;container:sch-body/inline-size}` +
  `.sch-annotator .sch-stage{position:relative;flex:1;min-width:0}` +
  `.sch-annotator .sch-drawer{width:min(340px,45%);flex:none;display:flex;flex-direction:column;min-height:0;border-left:1px solid #e4e1da;background:#fbfaf7}` +
  `.sch-annotator .sch-drawer[hidden]{display:none}` +
  `@container sch-body (max-width:640px){.sch-annotator .sch-drawer{position:absolute;top:0;right:0;bottom:0;width:min(100%,360px);z-index:1; box-shadow:-6px 0 18px rgba(0,0,0,.14)}` +
  `}@container sch-body (max-width:440px){.sch-annotator .sch-drawer{width:100%;box-shadow:none}}`;

let annotatorCount = 0;

/** @typedef {import('./scholion-canvas.mjs').CanvasHandle} CanvasHandle */
/** @typedef {import('./scholion-canvas.mjs').CanvasOptions} CanvasOptions */
/** @typedef {import('./scholion-canvas.mjs').Annotation} Annotation */
/** @typedef {import('./scholion-canvas.mjs').CanvasEvent} CanvasEvent */
/** @typedef {import('./protocol.mjs').PublicEvent} PublicEvent */
/**
 * For tests and diagnostics, not an API (scholion.d.ts ScholionDebug): the canvas handle,
 * this annotator, and the canvas's counters (frameCount, missingGlyphs …) read through.
 * @typedef {{canvas: CanvasHandle, annotator: Annotator} & CanvasHandle} DebugHooks
 * @typedef {Awaited<ReturnType<typeof mountAnnotator>>} Annotator
 */

/**
 * Mounts the annotator in `container` (an element or shadow root; it fills the nearest
 * positioned ancestor). Options are mountCanvas's, passed through, plus
 * `onEvent(name, annotation)`: the publisher's events (create, update, delete, orphan).
 * Resolves to {canvas, list, mirror, announce(text), showList, debug, destroy()}:
 * `canvas` is mountCanvas's handle.
 * @param {Element | ShadowRoot} container
 * @param {CanvasOptions & {onEvent?: (name: PublicEvent, annotation: Annotation) => void}} options
 */
export async function mountAnnotator(container, options = { base: '.' }) {
  const doc = container.ownerDocument || document;
  const idPrefix = `scholion-${++annotatorCount}`;
  const root = styleRootOf(container);
  adoptStyles(root, CSS);
  const { onEvent = () => {}, ...canvasOptions } = options;

  const wrap = doc.createElement('div');
  wrap.className = 'sch-annotator';
  const bar = doc.createElement('div');
  bar.className = 'sch-bar';
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.className = 'sch-toggle';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', `${idPrefix}-drawer`);
  toggle.setAttribute('aria-keyshortcuts', 'L');
  const badge = doc.createElement('span');
  badge.className = 'n';
  toggle.append('Annotations', badge);
  bar.append(toggle);
  const body = doc.createElement('div');
  body.className = 'sch-body';
  const stage = doc.createElement('div');
  stage.className = 'sch-stage';
  const drawer = doc.createElement('aside');
  drawer.className = 'sch-drawer';
  drawer.id = `${idPrefix}-drawer`;
  drawer.setAttribute('aria-label', 'Annotations');
  drawer.hidden = true;
  body.append(stage, drawer);
  const live = doc.createElement('div');
  live.className = 'sch-live';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  visuallyHide(live);
  wrap.append(bar, body, live);
  container.appendChild(wrap);

  /** @type {CanvasHandle} */
  let canvas;
  let destroyed = false;
  // The note editor and the `?` overlay are imported (from this module's own directory)
  // the first time they are wanted: the editor once the reader has something to write a
  // note on, the overlay on the first `?`. A key that asked for them acts once they arrive.
  /** @type {import('./note-editor.mjs').NoteEditor | null} */
  let notes = null;  // the note editor, once loaded
  /** @type {Promise<import('./note-editor.mjs').NoteEditor | null> | null} */
  let notesLoad = null;
  // A module that could not be loaded is asked for again the next time.
  const retry = (/** @type {() => void} */ forget) => (/** @type {unknown} */ error) => { forget(); throw error; };
  const loadNotes = () => notesLoad || (notesLoad = import('./note-editor.mjs').then(({ createNoteEditor }) => {
    if (destroyed) return null;
    // The change events below announce what was saved, the editor only what went wrong.
    notes = createNoteEditor(stage, canvas, { announce });
    return notes;
  }, retry(() => { notesLoad = null; })));
  /** @type {import('./shortcuts.mjs').ShortcutsOverlay | null} */
  let shortcuts = null;
  /** @type {Promise<import('./shortcuts.mjs').ShortcutsOverlay | null> | null} */
  let shortcutsLoad = null;
  const loadShortcuts = () => shortcutsLoad || (shortcutsLoad = import('./shortcuts.mjs').then(({ createShortcutsOverlay }) => {
    if (destroyed) return null;
    shortcuts = createShortcutsOverlay(stage, canvas);
    return shortcuts;
  }, retry(() => { shortcutsLoad = null; })));
  const failed = (/** @type {string} */ what) => (/** @type {Error} */ error) => announce(`The ${what} could not be loaded: ${error.message}`);
  // Keys pressed on the canvas while a part the reader asked for is on its way (the note
  // editor, the list) belong to it: they are held back from the canvas's shortcuts and
  // typed into its field once it is shown (Escape: never mind).
  /** @type {{text: string, cancelled: boolean} | null} */
  let typedAhead = null;  // while waiting
  /**
   * @template T
   * @param {() => Promise<T | null>} load
   * @param {(part: T) => HTMLInputElement | HTMLTextAreaElement | null} show  the field typed-ahead keys go into
   * @param {string} what
   */
  const typeAhead = (load, show, what) => {
    const waiting = { text: '', cancelled: false };
    typedAhead = waiting;
    return load().then((part) => {
      if (typedAhead === waiting) typedAhead = null;
      const field = part && !waiting.cancelled ? show(part) : null;
      if (field && waiting.text) {
        field.setRangeText(waiting.text, /** @type {number} */ (field.selectionStart), /** @type {number} */ (field.selectionEnd), 'end');
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, (error) => {
      if (typedAhead === waiting) typedAhead = null;
      failed(what)(error);
    });
  };
  const openNotes = () => (notes ? notes.open()
    : typeAhead(loadNotes, (n) => (n.open() ? /** @type {HTMLTextAreaElement} */ (deepActive(doc)) : null),
                'note editor'));
  try {
    canvas = await mountCanvas(stage, { ...canvasOptions, onNoteRequested: openNotes });
  } catch (error) {
    wrap.remove();
    throw error;
  }

  // --- Live region: messages of one task are read together -----------------------------
  /** @type {string[]} */
  let pending = [];
  let timer = 0;
  const announce = (/** @type {string | null} */ text) => {
    if (!text || pending.includes(text)) return;
    pending.push(text);
    clearTimeout(timer);
    live.textContent = '';
    timer = window.setTimeout(() => {
      live.textContent = pending.join('. ');
      pending = [];
    }, 60);
  };

  // The mirror's DOM selection follows the canvas only while the reader is in the
  // annotator (and not typing): the host page's own selection is never taken.
  const isOwnFocus = () => {
    const a = deepActive(doc);
    return !!a && wrap.contains(a) &&
      !a.matches('input,textarea,select,[contenteditable]:not([contenteditable=false])');
  };
  const mirror = mountMirror(wrap, canvas, { idPrefix, isOwnFocus });

  const setDrawer = (/** @type {boolean} */ open, { focus = false } = {}) => {
    drawer.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (!open) return;
    if (list) {
      if (focus) list.focusFilter();
    } else if (focus) {
      typeAhead(loadList, (l) => {
        if (drawer.hidden) return null;
        l.focusFilter();
        return l.filter;
      }, 'list of annotations');
    } else {
      loadList().catch(failed('list of annotations'));
    }
  };
  // Where there is no room beside the text, the drawer lies over it.
  const covers = () => !drawer.hidden && getComputedStyle(drawer).position === 'absolute';
  // The list arrives with the drawer's first opening (the badge counts without it).
  /** @type {import('./annotation-list.mjs').AnnotationList | null} */
  let list = null;
  /** @type {Promise<import('./annotation-list.mjs').AnnotationList | null> | null} */
  let listLoad = null;
  /** @type {{anchor: number, head: number, annotation: string | null} | null} */
  let lastSelection = null;
  const loadList = () => listLoad || (listLoad = import('./annotation-list.mjs').then(({ mountList, excerpt }) => {
    if (destroyed) return null;
    list = mountList(drawer, canvas, {
      idPrefix,
      onJump: (a, index, total) => {
        announce(`Annotation ${index + 1} of ${total}: ${excerpt(a.quote?.exact ?? '', 80)}`);
        if (covers()) {  // show the text it jumped to
          setDrawer(false);
          canvas.canvas.focus();
        }
      },
      onEscape: () => {
        if (covers()) setDrawer(false);
        canvas.canvas.focus();
      },
      onOrphanAction: (kind, orphan, message) => {
        if (kind === 'deleted') announce('Annotation that could not be placed deleted');
        else if (kind === 'attached') announce('Annotation attached to the selected text');
        else if (kind === 'attach-needs-selection') announce('Select text on the page first, then attach');
        else if (kind === 'error') announce(`Could not attach: ${message}`);
      },
    });
    if (!current) current = canvas.annotations();
    list.refresh({ annotations: current.slice(), orphans: canvas.orphans() });
    if (lastSelection) list.selectionChanged(lastSelection);
    return list;
  }, retry(() => { listLoad = null; })));
  toggle.addEventListener('click', () => setDrawer(drawer.hidden));

  // `L` on the canvas opens the list at its filter box; the core never sees the key.
  // `N` and `?` before their modules have arrived load them and then do what they do
  // (once loaded, the editor and the overlay listen for their keys themselves).
  // Notes are written in a <textarea> over the canvas (a bottom sheet on phones).
  const noteTarget = (/** @type {{anchor: number, head: number, annotation: string | null} | null} */ sel = canvas.selection()) => !!sel && (!!sel.annotation || sel.anchor !== sel.head);
  const onKey = (/** @type {KeyboardEvent} */ e) => {
    if (e.target !== canvas.canvas) return;
    if (typedAhead) {
      e.preventDefault();
      e.stopPropagation();
      if (e.key === 'Escape') {
        typedAhead.cancelled = true;
        typedAhead = null;
      } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) {
        typedAhead.text += e.key;
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'l' || e.key === 'L') {
      e.preventDefault();
      e.stopPropagation();
      setDrawer(true, { focus: true });
    } else if ((e.key === 'n' || e.key === 'N') && !notes && noteTarget()) {
      e.preventDefault();
      openNotes();
    } else if (e.key === '?' && !shortcuts) {
      e.preventDefault();
      loadShortcuts().then((s) => s?.open(), failed('list of shortcuts'));
    }
  };
  stage.addEventListener('keydown', onKey, true);

  // --- Changes: refresh once per task, announce what the reader did -------------------
  // The annotations in document order, kept up to date from change events (reading them
  // all from the core costs milliseconds per hundred); null: read them again.
  /** @type {Annotation[] | null} */
  let current = null;
  const precedes = (/** @type {Annotation} */ x, /** @type {Annotation} */ y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const applyChange = (/** @type {Extract<CanvasEvent, {type: 'change'}>} */ { kind, annotation }) => {
    if (!current) return;
    const at = current.findIndex((a) => a.id === annotation.id);
    if (at >= 0) current.splice(at, 1);
    if (kind === 'removed') return;
    let lo = 0;
    let hi = current.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (precedes(current[mid], annotation) < 0) lo = mid + 1; else hi = mid;
    }
    current.splice(lo, 0, annotation);
  };
  /** @type {Map<string, Annotation>} */
  let known = new Map();  // id -> annotation as last listed
  /** @type {Set<string>} */
  let knownOrphans = new Set();  // ids of the orphans as last listed
  let refreshQueued = false;
  let documentChanged = false;
  const refresh = () => {
    refreshQueued = false;
    const wasInMirror = (() => {
      const sel = /** @type {any} */ (root).getSelection ? /** @type {any} */ (root).getSelection() : doc.getSelection();
      return !!sel && sel.rangeCount > 0 && mirror.element.contains(sel.anchorNode);
    })();
    if (!current) current = canvas.annotations();
    const annotations = current.slice();
    const orphans = canvas.orphans();
    mirror.refresh({ documentChanged, annotations });
    documentChanged = false;
    list?.refresh({ annotations, orphans });
    badge.textContent = String(annotations.length);
    toggle.setAttribute('aria-label', `Annotations, ${annotations.length}`);
    known = new Map(annotations.map((a) => [a.id, a]));
    knownOrphans = new Set(orphans.map((o) => o.id));
    // Rebuilt marks may have dropped the DOM selection: put it back where the canvas has it.
    if (wasInMirror) {
      const s = canvas.selection();
      if (s) mirror.followCanvas(s.anchor, s.head);
    }
  };
  // A change by the reader is reflected at once; a new document or a stored copy (perhaps
  // thousands of annotations) after the canvas has painted, so the text shows first.
  const queueRefresh = ({ afterPaint = false } = {}) => {
    if (refreshQueued) return;
    refreshQueued = true;
    if (afterPaint) requestAnimationFrame(() => setTimeout(refresh));
    else queueMicrotask(refresh);
  };
  const sameList = (/** @type {string[]} */ x = [], /** @type {string[]} */ y = []) => x.length === y.length && x.every((v, i) => v === y[i]);
  const describe = (/** @type {Extract<CanvasEvent, {type: 'change'}>} */ { kind, annotation: a, origin }) => {
    if (origin === 'undo') return 'Undone';
    if (origin === 'redo') return 'Redone';
    if (kind === 'added' && knownOrphans.has(a.id)) return null;  // attached: announced as such
    if (kind === 'added') return a.note ? 'Annotation added' : 'Highlight added';
    if (kind === 'removed') return a.note ? 'Annotation deleted' : 'Highlight deleted';
    const before = known.get(a.id);
    if (!before) return 'Annotation changed';
    if (before.note !== a.note) return a.note ? 'Note saved' : 'Note removed';
    if (before.color !== a.color) return 'Colour changed';
    if (!sameList(before.tags, a.tags)) return 'Tags saved';
    return before.start !== a.start || before.end !== a.end ? 'Highlight moved' : null;
  };
  const removeListener = canvas.addListener((event) => {
    switch (event.type) {
      case 'change':
        announce(describe(event));
        applyChange(event);
        onEvent(publicEventOf(event.kind), event.annotation);
        queueRefresh();
        break;
      case 'document':
        documentChanged = true;
        current = null;
        queueRefresh({ afterPaint: true });
        break;
      case 'refused':
        announce(event.reason);
        break;
      case 'merge':
        current = null;
        queueRefresh({ afterPaint: true });
        break;
      case 'orphans': {
        current = null;
        const n = event.added?.length || 0;
        for (const orphan of event.added || []) onEvent('orphan', orphan);
        if (n) announce(`${n} annotation${n === 1 ? '' : 's'} could not be placed`);
        queueRefresh();
        break;
      }
      case 'selection':
        if (!notes && noteTarget(event)) loadNotes().catch(() => {});  // a note may be wanted soon; N retries
        lastSelection = event;
        list?.selectionChanged(event);
        mirror.followCanvas(event.anchor, event.head);
        break;
      default:
    }
  });

  const handle = {
    canvas,
    /** The list's handle, once the drawer has been opened (null before). */
    get list() { return list; },
    mirror,
    announce,
    /** Opens or closes the annotation list. */
    showList: (open = true, { focus = false } = {}) => setDrawer(open, { focus }),
    destroy() {
      destroyed = true;
      removeListener();
      clearTimeout(timer);
      stage.removeEventListener('keydown', onKey, true);
      notes?.destroy();
      shortcuts?.destroy();
      mirror.destroy();
      list?.destroy();
      canvas.destroy();
      wrap.remove();
    },
    /** @type {DebugHooks} */
    debug: /** @type {any} */ (null),
  };
  // Until scholion-canvas.mjs keeps its counters in a `debug` object of its own, they
  // are read through from its handle.
  handle.debug = /** @type {DebugHooks} */ (new Proxy({ canvas, annotator: handle },
    { get: (hooks, name) => (name in hooks ? /** @type {any} */ (hooks)[name] : /** @type {any} */ (canvas)[name]) }));
  return handle;
}
