// @ts-check
// The note editor: a real <textarea> (IME, mobile keyboards, paste and spell-check all
// work) placed over the canvas just below the highlight, with a tag field. On narrow
// layouts (under 720 CSS px) it opens as a bottom sheet instead. Ctrl/Cmd+Enter or
// leaving the editor saves; Escape cancels. Saving an empty note leaves (or makes) a
// plain highlight. The widget owns the elements and removes them when done.

import { adoptStyles, styleRootOf } from './dom.mjs';

/** @typedef {import('./scholion-canvas.mjs').CanvasHandle} CanvasHandle */
/** @typedef {import('./scholion-canvas.mjs').Annotation} Annotation */
/** @typedef {ReturnType<typeof createNoteEditor>} NoteEditor */

const NARROW_PX = 720;

const CSS = `
.scholion-note{position:absolute;z-index:5;box-sizing:border-box;width:min(360px,calc(100% - 16px));
  display:flex;flex-direction:column;gap:6px;padding:10px;background:#fff;color:#1f2328;
  border:1px solid #d0cec8;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.18);
  font:14px/1.4 system-ui,sans-serif}
.scholion-note.sheet{left:0!important;right:0;bottom:0;top:auto!important;width:auto;border-radius:14px 14px 0 0;
  padding:12px 14px calc(12px + env(safe-area-inset-bottom));max-height:70%}
.scholion-note label{display:flex;flex-direction:column;gap:3px;font-size:12px;color:#57606a}
.scholion-note textarea{min-height:96px;resize:vertical;font:15px/1.45 system-ui,sans-serif;color:#1f2328;
  padding:6px 8px;border:1px solid #c8c5bd;border-radius:6px}
.scholion-note input{font:14px system-ui,sans-serif;padding:5px 8px;border:1px solid #c8c5bd;border-radius:6px}
.scholion-note textarea:focus,.scholion-note input:focus,.scholion-note button:focus-visible{
  outline:2px solid #0969da;outline-offset:1px}
.scholion-note .row{display:flex;gap:8px;align-items:center}
.scholion-note .hint{flex:1;font-size:12px;color:#6e7781}
.scholion-note button{font:13px system-ui,sans-serif;padding:5px 12px;border-radius:6px;border:1px solid #c8c5bd;
  background:#f6f8fa;color:#1f2328;cursor:pointer}
.scholion-note button.save{background:#1f6feb;border-color:#1f6feb;color:#fff}`;


/**
 * "#history, Vučić  notes" → ["history", "Vučić", "notes"]: commas or spaces separate; the
 * core lower-cases them.
 * @param {string} text
 */
export function parseTags(text) {
  /** @type {string[]} */
  const tags = [];
  for (const raw of text.split(/[\s,]+/)) {
    const tag = raw.replace(/^#+/, '');
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/**
 * Wires the note editor to a canvas handle inside `container` (the element the canvas
 * lives in, positioned). `announce(text)` tells screen readers when a note could not be
 * saved (the change itself is announced with every other change).
 * Returns {open(), close(save), isOpen(), destroy()}.
 * @param {HTMLElement} container
 * @param {CanvasHandle} canvas
 * @param {{announce?: (text: string) => void}} [options]
 */
export function createNoteEditor(container, canvas, { announce = () => {} } = {}) {
  adoptStyles(styleRootOf(container), CSS);
  /** @type {{box: HTMLDivElement, textarea: HTMLTextAreaElement, tags: HTMLInputElement, target: {annotation: Annotation | null, from: number, to: number}} | null} */
  let editor = null;

  const close = (/** @type {boolean} */ save) => {
    if (!editor) return;
    const { box, textarea, tags, target } = editor;
    editor = null;  // first: removing the box fires focusout
    let problem = null;
    if (save) {
      const note = textarea.value;
      const changed = target.annotation
        ? note !== target.annotation.note || tags.value !== (target.annotation.tags || []).join(', ')
        : true;
      if (changed) {
        try {
          canvas.saveNote(target.annotation?.id || '', note, parseTags(tags.value), target);
        } catch (error) {
          problem = `The note could not be saved: ${error.message}`;
        }
      }
    }
    // Back to the canvas, unless the reader has moved on to something else.
    const active = /** @type {Document | ShadowRoot} */ (box.getRootNode()).activeElement;
    const returnFocus = !active || box.contains(active) || active === document.body;
    box.remove();
    if (returnFocus) canvas.canvas.focus({ preventScroll: true });
    if (problem) announce(problem);
  };

  /** Opens the editor for the selected annotation, or for the selection (a new one). */
  const open = () => {
    if (editor) {
      editor.textarea.focus();
      return true;
    }
    const sel = canvas.selection();
    if (!sel) return false;
    // The selected annotation, or one that covers exactly the selected text: its note is
    // edited rather than a second one begun over it.
    const [lo, hi] = [Math.min(sel.anchor, sel.head), Math.max(sel.anchor, sel.head)];
    const annotation = canvas.annotations().find((a) => (sel.annotation ? a.id === sel.annotation
                                                                         : a.start === lo && a.end === hi)) || null;
    if (!annotation && lo === hi) return false;
    const from = annotation ? annotation.start : lo;
    const to = annotation ? annotation.end : hi;

    const box = document.createElement('div');
    box.className = 'scholion-note';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', annotation?.note ? 'Edit note' : 'New note');
    const noteLabel = document.createElement('label');
    noteLabel.textContent = 'Note';
    const textarea = document.createElement('textarea');
    textarea.dir = 'auto';  // a note in a right-to-left script is written right to left
    textarea.spellcheck = true;
    textarea.value = annotation?.note || '';
    textarea.placeholder = 'Write a note — *emphasis*, [links](https://…), - lists, #tags';
    noteLabel.append(textarea);
    const tagLabel = document.createElement('label');
    tagLabel.textContent = 'Tags';
    const tags = document.createElement('input');
    tags.type = 'text';
    tags.value = (annotation?.tags || []).join(', ');
    tags.placeholder = 'history, sources';
    tagLabel.append(tags);
    const row = document.createElement('div');
    row.className = 'row';
    const hint = document.createElement('span');
    hint.className = 'hint';
    hint.textContent = 'Ctrl+Enter saves · Esc cancels';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    const save = document.createElement('button');
    save.type = 'button';
    save.className = 'save';
    save.textContent = 'Save';
    row.append(hint, cancel, save);
    box.append(noteLabel, tagLabel, row);

    const width = canvas.canvas.getBoundingClientRect().width;
    if (width < NARROW_PX) {
      box.classList.add('sheet');
    } else {
      // Just below the highlight's first line, or above it when there is no room.
      const r = canvas.rangeRect(from, to) || { x: 16, y: 16, height: 0 };
      const height = 230;
      const below = r.y + r.height + 8;
      const top = below + height < canvas.canvas.clientHeight ? below : Math.max(8, r.y - height - 8);
      box.style.left = `${Math.max(8, Math.min(r.x, width - 368))}px`;
      box.style.top = `${top}px`;
    }
    box.addEventListener('keydown', (e) => {
      e.stopPropagation();  // the reader is typing: no shortcut fires
      if (e.key === 'Escape') {
        e.preventDefault();
        close(false);
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        close(true);
      }
    });
    // Leaving the editor (a click elsewhere, Tab out) saves, as a margin note should.
    box.addEventListener('focusout', (e) => {
      if (box.contains(/** @type {Node | null} */ (e.relatedTarget))) return;
      setTimeout(() => {  // after the focus has settled: a click inside may land late
        if (editor?.box === box && !box.contains(/** @type {Document | ShadowRoot} */ (box.getRootNode()).activeElement)) close(true);
      });
    });
    cancel.addEventListener('click', () => close(false));
    save.addEventListener('click', () => close(true));
    container.append(box);
    editor = { box, textarea, tags, target: { annotation, from, to } };
    textarea.focus();
    return true;
  };

  const onKey = (/** @type {KeyboardEvent} */ e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'n' || e.key === 'N') {
      if (open()) e.preventDefault();
    }
  };
  canvas.canvas.addEventListener('keydown', onKey);

  return {
    open,
    close,
    isOpen: () => editor !== null,
    destroy() {
      canvas.canvas.removeEventListener('keydown', onKey);
      editor?.box.remove();
      editor = null;
    },
  };
}
