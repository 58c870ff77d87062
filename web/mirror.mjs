// @ts-check
// The screen-reader mirror: a visually hidden DOM copy of the shown article, in reading
// order, with real headings, paragraphs, quotes, lists and preformatted blocks. Each
// block element's text is exactly the document's text for that block; highlighted text
// is wrapped in <mark data-ids="…"> (overlaps split into segments, each naming every
// annotation covering it), and a mark whose annotations have notes points at them with
// aria-details. Selecting text here (a screen reader's virtual cursor, or a script)
// selects the same code points on the canvas; the canvas's selection is mirrored back.
//
// Positions are code points; DOM offsets are UTF-16 units: every conversion goes
// through cpLength (🇷🇸 is 4 units, 2 code points).

import { visuallyHide } from './dom.mjs';

/** @typedef {import('./scholion-canvas.mjs').CanvasHandle} CanvasHandle */
/** @typedef {import('./scholion-canvas.mjs').Annotation} Annotation */
/** @typedef {ReturnType<typeof mountMirror>} Mirror */

/** @type {Record<string, string>} */
const TAGS = { paragraph: 'p', quote: 'blockquote', list_item: 'li', preformatted: 'pre' };
const colourWord = (/** @type {string} */ c) => c.charAt(0).toUpperCase() + c.slice(1);

/**
 * Code points in a JS string.
 * @param {string} s
 */
export function cpLength(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * UTF-16 index of code point `cp` in `s` (clamped to its length).
 * @param {string} s
 * @param {number} cp
 */
export function unitIndex(s, cp) {
  let i = 0;
  for (let n = 0; n < cp && i < s.length; n++) i += /** @type {number} */ (s.codePointAt(i)) > 0xffff ? 2 : 1;
  return i;
}

/**
 * Mounts the mirror for `canvas` (a mountCanvas handle) inside `parent`. `isOwnFocus()`
 * tells whether focus is in the annotator (then the canvas's selection may move the
 * DOM selection). Returns {element, refresh, destroy, rangeFor(start, end)}.
 */
export function mountMirror(/** @type {HTMLElement} */ parent, /** @type {CanvasHandle} */ canvas,
                            /** @type {{idPrefix?: string, isOwnFocus?: () => boolean}} */
                            { idPrefix = 'scholion', isOwnFocus = () => true } = {}) {
  const doc = parent.ownerDocument || document;
  const root = doc.createElement('div');
  root.className = 'scholion-mirror';
  root.setAttribute('role', 'document');
  root.setAttribute('aria-label', 'Article text with highlights');
  visuallyHide(root);
  parent.appendChild(root);
  const rootNode = root.getRootNode();

  let cps = [];      // the document's code points
  let blocks = [];   // [{kind, level, start, end, key, el}]
  let suppress = null;  // a selection this mirror set, not to be sent back to the canvas

  const noteId = (annotationId) => `${idPrefix}-note-${annotationId}`;
  const slice = (from, to) => cps.slice(from, to).join('');

  // The segments of block [start, end): runs of text and the annotations covering them.
  function segments(block, annotations) {
    const cuts = new Set([block.start, block.end]);
    for (const a of annotations) {
      cuts.add(Math.max(a.start, block.start));
      cuts.add(Math.min(a.end, block.end));
    }
    const points = [...cuts].sort((x, y) => x - y);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const covering = annotations.filter((a) => a.start <= from && a.end >= to);
      out.push({ from, to, ids: covering.map((a) => a.id), notes: covering.filter((a) => a.note).map((a) => a.id) });
    }
    return out;
  }

  function noteElement(a) {
    const note = doc.createElement('div');
    note.id = noteId(a.id);
    note.setAttribute('role', 'note');
    note.className = 'scholion-mirror-note';
    const label = doc.createElement('span');
    label.textContent = `Note on ${colourWord(a.color)} highlight: `;
    note.append(label, a.note);
    if (a.tags?.length) note.append(` Tags: ${a.tags.map((t) => `#${t}`).join(' ')}`);
    return note;
  }

  // Fills a block's element with its text and marks, and its notes box with its notes.
  function fillBlock(block, annotations) {
    const parts = [];
    for (const s of segments(block, annotations)) {
      const text = slice(s.from, s.to);
      if (!s.ids.length) { parts.push(text); continue; }
      const mark = doc.createElement('mark');
      mark.dataset.ids = s.ids.join(' ');
      if (s.notes.length) mark.setAttribute('aria-details', s.notes.map(noteId).join(' '));
      mark.textContent = text;
      parts.push(mark);
    }
    block.el.replaceChildren(...parts);
    // Notes follow the block they annotate (once, where their text begins).
    block.notes.replaceChildren(...annotations.filter((a) => a.note && a.start >= block.start && a.start < block.end)
      .map(noteElement));
  }

  // One element per block, in reading order (list items grouped in <ul>), each followed
  // by a box for its notes (after the list, for list items). Built once per document.
  function skeleton() {
    root.replaceChildren();
    let list = null;
    let listNotes = [];
    const closeList = () => {
      if (list) root.append(list, ...listNotes);
      list = null;
      listNotes = [];
    };
    // The article's direction and language; without a stated direction, each block finds
    // its own from its first strong letter, as the canvas does (dir="auto").
    if (canvas.direction()) root.dir = canvas.direction(); else root.removeAttribute('dir');
    if (canvas.language()) root.lang = canvas.language(); else root.removeAttribute('lang');
    for (const block of blocks) {
      const tag = block.kind === 'heading' ? `h${Math.min(6, Math.max(1, block.level || 1))}` : TAGS[block.kind] || 'p';
      block.el = doc.createElement(tag);
      if (!canvas.direction()) block.el.dir = 'auto';
      block.el.dataset.start = String(block.start);
      block.notes = doc.createElement('div');
      if (block.kind === 'list_item') {
        if (!list) list = doc.createElement('ul');
        list.append(block.el);
        listNotes.push(block.notes);
      } else {
        closeList();
        root.append(block.el, block.notes);
      }
    }
    closeList();
  }

  /** Rebuilds what changed: everything after a new document, else the changed blocks. */
  function refresh({ documentChanged = false, annotations: all = canvas.annotations() } = {}) {
    if (documentChanged || !blocks.length) {
      cps = Array.from(canvas.documentText());
      blocks = canvas.blocks().map((b) => ({ ...b, key: null, el: null, notes: null }));
      skeleton();
    }
    const annotations = all.filter((a) => a.end > a.start);
    const perBlock = blocks.map(() => /** @type {Annotation[]} */ ([]));
    for (const a of annotations) {
      for (let i = blockAt(a.start); i < blocks.length && blocks[i].start < a.end; i++) {
        if (blocks[i].end > a.start) perBlock[i].push(a);
      }
    }
    // Blocks are filled a few milliseconds at a time, so a long article with thousands of
    // highlights never holds up the page; a newer refresh takes over from an older one.
    clearTimeout(filling);
    let i = 0;
    const fill = () => {
      const until = performance.now() + 8;
      for (; i < blocks.length && performance.now() < until; i++) {
        const block = blocks[i];
        const key = JSON.stringify(perBlock[i].map((a) => [a.id, a.start, a.end, a.note, a.tags, a.color]));
        if (key === block.key) continue;
        fillBlock(block, perBlock[i]);
        block.key = key;
      }
      filling = i < blocks.length ? setTimeout(fill) : null;
    };
    fill();
  }
  let filling = null;  // the timer of a refresh still filling blocks

  // Index of the block holding code point `cp` (the block before, in a separator).
  function blockAt(cp) {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].start <= cp) lo = mid; else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  // --- DOM positions <-> code points ---------------------------------------------------

  function blockOf(node) {
    for (let n = node; n && n !== root; n = n.parentNode) {
      if (n.nodeType === 1 && n.dataset.start !== undefined) return n;
    }
    return null;
  }

  // Code point of a DOM boundary point inside the mirror, or null outside a block.
  function pointToCp(node, offset) {
    let blockEl = blockOf(node);
    if (!blockEl) {
      // Between blocks (e.g. root, child index): the start of the next block.
      const next = node.nodeType === 1 ? node.childNodes[offset] : null;
      blockEl = next && (next.dataset?.start !== undefined ? next : next.querySelector?.('[data-start]'));
      return blockEl ? Number(blockEl.dataset.start) : null;
    }
    const before = doc.createRange();
    before.setStart(blockEl, 0);
    before.setEnd(node, offset);
    return Number(blockEl.dataset.start) + cpLength(before.toString());
  }

  // The DOM boundary point for code point `cp` (inside the block holding it).
  function cpToPoint(cp) {
    const block = blocks[blockAt(cp)];
    if (!block?.el) return null;
    let rest = Math.min(cp, block.end) - block.start;
    const walker = doc.createTreeWalker(block.el, NodeFilter.SHOW_TEXT);
    /** @type {Text | null} */
    let last = null;
    for (let t = /** @type {Text | null} */ (walker.nextNode()); t; t = /** @type {Text | null} */ (walker.nextNode())) {
      const n = cpLength(t.data);
      if (rest <= n) return [t, unitIndex(t.data, rest)];
      rest -= n;
      last = t;
    }
    return last ? [last, last.data.length] : [block.el, 0];
  }

  /** A DOM Range over code points [start, end) of the mirror's text. */
  function rangeFor(/** @type {number} */ start, /** @type {number} */ end) {
    const a = cpToPoint(start);
    const b = cpToPoint(end);
    if (!a || !b) return null;
    const range = doc.createRange();
    range.setStart(a[0], a[1]);
    range.setEnd(b[0], b[1]);
    return range;
  }

  // --- Selection sync -----------------------------------------------------------------

  const selectionObject = () => (/** @type {any} */ (rootNode).getSelection?.() ?? doc.getSelection());

  const onSelectionChange = () => {
    const sel = selectionObject();
    if (!sel || !sel.rangeCount || !root.contains(sel.anchorNode) || !root.contains(sel.focusNode)) return;
    const anchor = pointToCp(sel.anchorNode, sel.anchorOffset);
    const head = pointToCp(sel.focusNode, sel.focusOffset);
    if (anchor == null || head == null) return;
    if (suppress && suppress[0] === anchor && suppress[1] === head) return;
    suppress = null;
    const now = canvas.selection();
    if (now && now.anchor === anchor && now.head === head) return;
    canvas.select(anchor, head);
  };
  doc.addEventListener('selectionchange', onSelectionChange);

  /** The canvas's selection changed: the DOM selection follows, unless focus is elsewhere. */
  function followCanvas(anchor, head) {
    if (!isOwnFocus()) return;
    const sel = selectionObject();
    if (!sel) return;
    const a = cpToPoint(anchor);
    const b = cpToPoint(head);
    if (!a || !b) return;
    suppress = [anchor, head];
    try {
      sel.setBaseAndExtent(a[0], a[1], b[0], b[1]);
    } catch {
      suppress = null;
    }
  }

  return {
    element: root,
    refresh,
    rangeFor,
    followCanvas,
    pointToCp,
    destroy() {
      clearTimeout(filling);
      doc.removeEventListener('selectionchange', onSelectionChange);
      root.remove();
    },
  };
}
