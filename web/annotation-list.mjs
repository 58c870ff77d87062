// @ts-check
// The annotation list: every annotation in document order (or newest first) with its
// colour, quote, note, tags and time; a filter box; and the orphans — annotations that
// could not be placed in this text — each of which can be deleted or attached to the
// selected text. Items form a listbox: ↑/↓/Home/End move, Enter or a click jumps the
// canvas to the annotation.

import { adoptStyles, styleRootOf, visuallyHiddenCss } from './dom.mjs';
import { COLORS, PALETTE } from './protocol.mjs';

const isColor = (/** @type {unknown} */ name) => /** @type {readonly unknown[]} */ (COLORS).includes(name);

/** @typedef {import('./scholion-canvas.mjs').CanvasHandle} CanvasHandle */
/** @typedef {import('./scholion-canvas.mjs').Annotation} Annotation */
/** @typedef {import('./scholion-canvas.mjs').Orphan} Orphan */
/** @typedef {ReturnType<typeof mountList>} AnnotationList */
/** @typedef {{kind: 'text' | 'tag' | 'color', value: string}} FilterTerm */

// Its styles, inside the annotator's (annotator.mjs); one constructed sheet per document,
// adopted by the list's root (shadow root or document).
const STYLES = `
.sch-annotator .list{display:flex;flex-direction:column;min-height:0;height:100%;overflow:auto}
.sch-annotator .controls{display:flex;gap:6px;padding:10px 10px 4px}
.sch-annotator .filter{flex:1;min-width:0;font:14px system-ui,sans-serif;padding:6px 8px;border:1px solid #c9c5bb;border-radius:6px;background:#fff}
.sch-annotator .sort{font:13px system-ui,sans-serif;padding:4px;border:1px solid #c9c5bb;border-radius:6px;background:#fff}
.sch-annotator .list-count{margin:2px 12px 6px;color:#57606a;font-size:12px}
.sch-annotator .items,.sch-annotator .orphans{list-style:none;margin:0;padding:0 6px 8px}
.sch-annotator .item,.sch-annotator .orphan{display:grid;grid-template-columns:12px 1fr;column-gap:8px;row-gap:2px;
 padding:8px 8px;margin:2px 0;border-radius:6px;cursor:pointer}
.sch-annotator .item:hover{background:#f0eee8}
.sch-annotator .item[aria-selected=true]{background:#e8f1fb;box-shadow:inset 3px 0 0 #1f6feb}
.sch-annotator .item>:not(.swatch),.sch-annotator .orphan>:not(.swatch){grid-column:2}
.sch-annotator .swatch{grid-row:1/span 3;width:12px;height:12px;border-radius:50%;margin-top:3px}
${COLORS.map((c) => `.sch-annotator .c-${c}{background:${PALETTE[c]}}`).join('')}
.sch-annotator .quote{font-family:Georgia,serif;overflow-wrap:anywhere}
.sch-annotator .note{color:#24292f;font-size:13px;overflow-wrap:anywhere;white-space:pre-line}
.sch-annotator .meta{display:flex;gap:8px;flex-wrap:wrap;color:#57606a;font-size:12px}
.sch-annotator .tags{color:#0b5cad}
.sch-annotator .empty{margin:8px 12px;color:#57606a}
.sch-annotator .more{margin:2px 12px 10px;font:13px system-ui,sans-serif;padding:5px 10px;border-radius:6px;border:1px solid #c9c5bb;background:#fff;cursor:pointer}
.sch-annotator .more[hidden]{display:none}
.sch-annotator .empty[hidden],.sch-annotator .items[hidden],.sch-annotator .orphan-section[hidden]{display:none}
.sch-annotator .orphan-section{border-top:1px solid #e4e1da;margin-top:6px}
.sch-annotator .orphans-heading{font:600 13px/1.2 system-ui,sans-serif;margin:10px 12px 2px}
.sch-annotator .hint{margin:2px 12px 6px;color:#57606a;font-size:12px}
.sch-annotator .orphan{cursor:default;background:#fff;border:1px dashed #c9c5bb}
.sch-annotator .actions{display:flex;gap:6px;margin-top:4px}
.sch-annotator .actions button{font:12px system-ui,sans-serif;padding:4px 8px;border-radius:5px;border:1px solid #c9c5bb;background:#fff;cursor:pointer}
.sch-annotator .actions button[aria-disabled=true]{color:#8c959f;cursor:not-allowed}
.sch-annotator .sr{${visuallyHiddenCss}}
@media (pointer:coarse){
 .sch-annotator .item,.sch-annotator .orphan{padding:10px 8px}
 .sch-annotator .filter{font-size:16px}
 .sch-annotator .actions button{padding:8px 12px}
}`;
const NOTE_CHARS = 200;
const QUOTE_CHARS = 140;
const PAGE = 200;  // items rendered at a time

/** Lower case without diacritics, so "vucic" finds "Vučić". */
export function fold(s) {
  return String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Parses a filter: whitespace-separated terms, all of which must match. `#tag` matches a
 * tag (by prefix), `yellow` or `color:yellow` / `colour:yellow` a colour, "quoted words"
 * and any other term the quote or the note.
 */
export function parseFilter(text) {
  const terms = [];
  for (const m of String(text).matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (m[1] !== undefined) {
      if (m[1].trim()) terms.push({ kind: 'text', value: fold(m[1].trim()) });
      continue;
    }
    const word = m[2];
    const colour = /^colou?r:(.*)$/i.exec(word);
    if (word.startsWith('#') && word.length > 1) terms.push({ kind: 'tag', value: fold(word.slice(1)) });
    else if (colour) terms.push({ kind: 'color', value: colour[1].toLowerCase() });
    else if (isColor(word.toLowerCase())) terms.push({ kind: 'color', value: word.toLowerCase() });
    else terms.push({ kind: 'text', value: fold(word) });
  }
  return terms;
}

export function matches(annotation, terms) {
  const text = fold(`${annotation.quote?.exact ?? ''}\n${annotation.note ?? ''}`);
  return terms.every((t) => {
    if (t.kind === 'tag') return (annotation.tags || []).some((tag) => fold(tag).startsWith(t.value));
    if (t.kind === 'color') return annotation.color === t.value;
    return text.includes(t.value);
  });
}

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** An excerpt of at most `n` characters (whole graphemes: 🇷🇸 stays whole), with an ellipsis when cut. */
export function excerpt(s, n) {
  const flat = String(s).replace(/\s+/g, ' ').trim();
  const chars = graphemes ? Array.from(graphemes.segment(flat), (g) => g.segment) : Array.from(flat);
  return chars.length <= n ? flat : `${chars.slice(0, n - 1).join('').trimEnd()}\u2026`;
}

let rtf = null;   // formatters are costly to make: one each, made when first needed
let dateFormat = null;
let fullFormat = null;

function timeText(ms, now = Date.now()) {
  const diff = (ms - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 7 * 86400) {
    rtf ||= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    if (abs < 60) return rtf.format(Math.round(diff), 'second');
    if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
    if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
    return rtf.format(Math.round(diff / 86400), 'day');
  }
  dateFormat ||= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  return dateFormat.format(ms);
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Builds the list in `parent` for `canvas` (a mountCanvas handle). `onJump(annotation,
 * index, total)` is told after a jump; `onEscape()` when Escape is pressed inside;
 * `onOrphanAction(kind, orphan)` after an orphan is deleted or attached.
 */
export function mountList(/** @type {HTMLElement} */ parent, /** @type {CanvasHandle} */ canvas,
  /** @type {{idPrefix?: string, onJump?: (a: Annotation, index: number, total: number) => void, onEscape?: () => void,
   *          onOrphanAction?: (kind: string, orphan: Orphan, message?: string) => void}} */
  { idPrefix = 'scholion', onJump = () => {}, onEscape = () => {}, onOrphanAction = () => {} } = {}) {
  const doc = parent.ownerDocument || document;
  adoptStyles(styleRootOf(parent), STYLES);
  const el = (tag, props = {}, ...children) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') e.className = v;
      else if (k in e && typeof v !== 'string') e[k] = v;
      else e.setAttribute(k, v);
    }
    e.append(...children);
    return e;
  };

  const filter = el('input', { type: 'search', class: 'filter', 'aria-label': 'Filter annotations',
                               placeholder: 'Filter: words, #tag, yellow', autocomplete: 'off', spellcheck: false });
  const sort = el('select', { class: 'sort', 'aria-label': 'Sort annotations' },
                  el('option', { value: 'position' }, 'In text order'), el('option', { value: 'newest' }, 'Newest first'));
  const count = el('p', { class: 'list-count', id: `${idPrefix}-list-count` });
  const items = el('ul', { class: 'items', role: 'listbox', 'aria-label': 'Annotations',
                           'aria-describedby': count.id });
  const empty = el('p', { class: 'empty' });
  const orphanHeading = el('h3', { class: 'orphans-heading', id: `${idPrefix}-orphans-heading` }, 'Could not be placed');
  const orphanHint = el('p', { class: 'hint', id: `${idPrefix}-orphans-hint` });
  const orphanList = el('ul', { class: 'orphans', 'aria-labelledby': orphanHeading.id });
  const orphanSection = el('section', { class: 'orphan-section', 'aria-labelledby': orphanHeading.id, hidden: true },
                           orphanHeading, orphanHint, orphanList);
  const more = el('button', { type: 'button', class: 'more', hidden: true });
  const root = el('div', { class: 'list' },
                  el('div', { class: 'controls' }, filter, sort), count, items, more, empty, orphanSection);
  parent.appendChild(root);

  let annotations = [];  // document order
  let shown = [];        // after filter and sort
  let limit = PAGE;      // items of `shown` rendered: more on request, so thousands stay quick
  let active = null;     // id of the item holding the roving tab stop
  let selectedId = null; // the canvas's selected annotation
  let hasSelection = false;

  // Items are kept per annotation and rebuilt only when what they show changed.
  let built = new Map();  // id -> {key, li}
  function itemFor(a, index) {
    const key = JSON.stringify([a.color, a.quote?.exact, a.note, a.tags, a.created, a.modified]);
    let entry = built.get(a.id);
    if (!entry || entry.key !== key) entry = { key, li: buildItem(a) };
    nextBuilt.set(a.id, entry);
    const { li } = entry;
    li.tabIndex = -1;
    li.setAttribute('aria-selected', String(a.id === selectedId));
    li.setAttribute('aria-posinset', String(index + 1));
    li.setAttribute('aria-setsize', String(shown.length));
    return li;
  }
  let nextBuilt = new Map();

  function buildItem(a) {
    const colour = isColor(a.color) ? a.color : 'yellow';
    const li = el('li', { class: 'item', role: 'option', id: `${idPrefix}-item-${a.id}` });
    li.dataset.id = a.id;
    const swatch = el('span', { class: `swatch c-${colour}`, 'aria-hidden': 'true' });
    const hidden = el('span', { class: 'sr' }, `${colour[0].toUpperCase()}${colour.slice(1)}: `);
    // Quotes and notes in right-to-left scripts read right to left (dir="auto").
    const quote = el('span', { class: 'quote', dir: 'auto' }, `\u201c${excerpt(a.quote?.exact ?? '', QUOTE_CHARS)}\u201d`);
    li.append(swatch, hidden, quote);
    if (a.note) li.append(el('span', { class: 'note', dir: 'auto' }, excerpt(a.note, NOTE_CHARS)));
    const meta = el('span', { class: 'meta' });
    if (a.tags?.length) meta.append(el('span', { class: 'tags' }, a.tags.map((t) => `#${t}`).join(' ')));
    const when = a.created || a.modified;
    if (when) {
      fullFormat ||= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
      meta.append(el('time', { datetime: new Date(when).toISOString(), title: fullFormat.format(when) },
                     timeText(when)));
    }
    li.append(meta);
    return li;
  }

  function render() {
    const terms = parseFilter(filter.value);
    shown = annotations.filter((a) => matches(a, terms));
    if (sort.value === 'newest') {
      shown = [...shown].sort((x, y) => (y.created || 0) - (x.created || 0) || (y.modified || 0) - (x.modified || 0));
    }
    const total = annotations.length;
    count.textContent = total === 0 ? 'No annotations yet'
      : terms.length ? `${plural(total, 'annotation')} \u00b7 ${shown.length} shown` : plural(total, 'annotation');
    const hadFocus = items.contains(doc.activeElement) || root.getRootNode().activeElement?.closest?.('.items') === items;
    nextBuilt = new Map();
    items.replaceChildren(...shown.slice(0, limit).map(itemFor));
    built = nextBuilt;
    more.hidden = shown.length <= limit;
    more.textContent = `Show ${Math.min(PAGE, shown.length - limit)} more of ${shown.length - limit}`;
    if (!shown.some((a) => a.id === active)) active = shown[0]?.id ?? null;
    const stop = active && items.querySelector(`[data-id="${CSS.escape(active)}"]`);
    if (stop) stop.tabIndex = 0;
    items.hidden = shown.length === 0;
    empty.textContent = total === 0 ? 'Select text on the page and pick a colour to highlight it.'
      : shown.length === 0 ? 'No annotation matches the filter.' : '';
    empty.hidden = !empty.textContent;
    if (hadFocus && stop) stop.focus();
  }

  function renderOrphans(orphans) {
    orphanSection.hidden = orphans.length === 0;
    orphanHeading.textContent = `Could not be placed (${orphans.length})`;
    orphanHint.textContent = hasSelection ? 'Attach places one on the text selected on the page.'
      : 'To place one again, select text on the page, then press \u201cAttach to selection\u201d.';
    orphanList.replaceChildren(...orphans.map((o) => {
      const quote = el('span', { class: 'quote' }, `\u201c${excerpt(o.quote?.exact ?? '', QUOTE_CHARS)}\u201d`);
      const li = el('li', { class: 'orphan' }, el('span', { class: `swatch c-${o.color}`, 'aria-hidden': 'true' }), quote);
      li.dataset.id = o.id;
      if (o.note) li.append(el('span', { class: 'note', dir: 'auto' }, excerpt(o.note, NOTE_CHARS)));
      if (o.tags?.length) li.append(el('span', { class: 'meta' }, o.tags.map((t) => `#${t}`).join(' ')));
      const attach = el('button', { type: 'button', class: 'attach', 'aria-disabled': String(!hasSelection),
                                    'aria-describedby': orphanHint.id }, 'Attach to selection');
      if (!hasSelection) attach.title = 'Select text on the page first';
      const del = el('button', { type: 'button', class: 'delete' }, 'Delete');
      attach.addEventListener('click', () => {
        if (!hasSelection) { onOrphanAction('attach-needs-selection', o); return; }
        try {
          canvas.attachOrphan(o.id);
          onOrphanAction('attached', o);
        } catch (error) {
          onOrphanAction('error', o, error.message);
        }
      });
      del.addEventListener('click', () => {
        if (canvas.deleteOrphan(o.id)) onOrphanAction('deleted', o);
      });
      li.append(el('span', { class: 'actions' }, attach, del));
      return li;
    }));
  }

  function jump(id) {
    const index = annotations.findIndex((a) => a.id === id);
    if (index < 0 || !canvas.selectAnnotation(id)) return;
    active = id;
    onJump(annotations[index], index, annotations.length);
  }

  function move(from, delta) {
    if (!shown.length) return;
    let i = from ? shown.findIndex((a) => a.id === from.dataset.id) : -1;
    i = delta === Infinity ? shown.length - 1 : delta === -Infinity ? 0 : Math.max(0, Math.min(shown.length - 1, i + delta));
    if (i >= limit) {  // past what is rendered: render up to it
      limit = Math.ceil((i + 1) / PAGE) * PAGE;
      render();
    }
    const options = [...items.querySelectorAll('[role=option]')];
    options.forEach((o) => { o.tabIndex = -1; });
    options[i].tabIndex = 0;
    active = options[i].dataset.id;
    options[i].focus();
    options[i].scrollIntoView({ block: 'nearest' });
  }

  items.addEventListener('click', (e) => {
    const item = e.target.closest('[role=option]');
    if (item) { move(item, 0); jump(item.dataset.id); }
  });
  items.addEventListener('keydown', (e) => {
    const item = e.target.closest('[role=option]');
    if (!item) return;
    const steps = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity, PageDown: 10, PageUp: -10 };
    if (e.key in steps) { e.preventDefault(); move(item, steps[e.key]); }
    else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); jump(item.dataset.id); }
  });
  more.addEventListener('click', () => {
    limit += PAGE;
    render();
  });
  const renderFromTop = () => {
    limit = PAGE;
    render();
  };
  filter.addEventListener('input', renderFromTop);
  filter.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && shown.length) { e.preventDefault(); move(null, -Infinity); }
  });
  sort.addEventListener('change', renderFromTop);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      if (e.target === filter && filter.value) {  // the first Escape clears the filter
        filter.value = '';
        render();
        e.stopPropagation();
        return;
      }
      e.stopPropagation();
      onEscape();
    }
  });

  // Relative times ("5 minutes ago") age while the list is open: rewrite them each minute.
  const clock = setInterval(() => {
    if (!root.isConnected || root.closest('[hidden]')) return;
    for (const t of items.querySelectorAll('time')) t.textContent = timeText(Date.parse(t.dateTime));
  }, 60000);

  return {
    element: root,
    filter,
    /** Reads the annotations and orphans from the canvas again. */
    refresh({ annotations: all = canvas.annotations(), orphans = canvas.orphans() } = {}) {
      annotations = all;
      render();
      renderOrphans(orphans);
    },
    /** The canvas's selection changed. */
    selectionChanged(/** @type {{anchor: number, head: number, annotation: string | null}} */ { anchor, head, annotation }) {
      const had = hasSelection;
      hasSelection = anchor !== head;
      if (selectedId !== annotation) {
        selectedId = annotation;
        for (const o of items.querySelectorAll('[role=option]')) {
          o.setAttribute('aria-selected', String(o.dataset.id === selectedId));
        }
      }
      if (had !== hasSelection) renderOrphans(canvas.orphans());
    },
    counts: () => ({ total: annotations.length, shown: shown.length }),
    focusFilter() { filter.focus(); filter.select(); },
    destroy() {
      clearInterval(clock);
      root.remove();
    },
  };
}
