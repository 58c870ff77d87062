// @ts-check
// The `?` overlay: every keyboard shortcut of the annotator, shown while the canvas has
// focus. A modal dialog; Escape or its button closes it and focus returns to the canvas.

import { adoptStyles, styleRootOf } from './dom.mjs';

/** @typedef {import('./scholion-canvas.mjs').CanvasHandle} CanvasHandle */
/** @typedef {ReturnType<typeof createShortcutsOverlay>} ShortcutsOverlay */

export const SHORTCUTS = [
  ['Tab / Shift+Tab', 'Next / previous annotation (past the last one, focus moves on)'],
  ['← →', 'Show a caret and move it; Ctrl+← → by words'],
  ['↑ ↓  Home End', 'Scroll; with a caret shown, move it by lines'],
  ['Shift + arrows', 'Select text from the caret'],
  ['Ctrl+A', 'Select the whole article'],
  ['H', 'Highlight the selection in the last colour'],
  ['1 – 5', 'Highlight in yellow, green, blue, pink, purple'],
  ['N', 'Write or edit the note of the selection or highlight'],
  ['Ctrl+Enter / Esc', 'In a note: save / cancel'],
  ['L', 'Open the list of annotations (Esc comes back)'],
  ['Delete', 'Delete the selected highlight'],
  ['Ctrl+Z / Shift+Ctrl+Z', 'Undo / redo'],
  ['Ctrl+C', 'Copy the selected text'],
  ['Space, PageDown / PageUp', 'Scroll down / up by a screen (Shift+Space: up)'],
  ['Esc', 'Clear the selection'],
  ['?', 'This list'],
];

const CSS = `
.scholion-keys{position:absolute;inset:0;z-index:6;display:flex;align-items:center;justify-content:center;
  background:rgba(20,24,28,.35);font:14px/1.4 system-ui,sans-serif}
.scholion-keys>div{background:#fff;color:#1f2328;border-radius:12px;box-shadow:0 10px 40px rgba(0,0,0,.3);
  padding:16px 18px;max-width:min(560px,calc(100% - 24px));max-height:calc(100% - 24px);overflow:auto}
.scholion-keys h2{font-size:16px;margin:0 0 10px}
.scholion-keys dl{display:grid;grid-template-columns:auto 1fr;gap:6px 14px;margin:0 0 12px}
.scholion-keys dt{font-weight:600;white-space:nowrap}
.scholion-keys dd{margin:0;color:#424a53}
.scholion-keys button{font:13px system-ui,sans-serif;padding:5px 12px;border-radius:6px;border:1px solid #c8c5bd;
  background:#f6f8fa;cursor:pointer}
.scholion-keys button:focus-visible{outline:2px solid #0969da;outline-offset:1px}`;

/** Wires `?` on the canvas handle's element to open the overlay inside `container`. */
export function createShortcutsOverlay(/** @type {HTMLElement} */ container, /** @type {CanvasHandle} */ canvas) {
  adoptStyles(styleRootOf(container), CSS);
  /** @type {HTMLDivElement | null} */
  let overlay = null;

  const close = () => {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    canvas.canvas.focus({ preventScroll: true });
  };
  const open = () => {
    if (overlay) return;
    overlay = document.createElement('div');
    overlay.className = 'scholion-keys';
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'scholion-keys-title');
    const title = document.createElement('h2');
    title.id = 'scholion-keys-title';
    title.textContent = 'Keyboard shortcuts';
    const list = document.createElement('dl');
    for (const [keys, what] of SHORTCUTS) {
      const dt = document.createElement('dt');
      dt.textContent = keys;
      const dd = document.createElement('dd');
      dd.textContent = what;
      list.append(dt, dd);
    }
    const done = document.createElement('button');
    done.type = 'button';
    done.textContent = 'Close';
    done.addEventListener('click', close);
    dialog.append(title, list, done);
    overlay.append(dialog);
    overlay.addEventListener('click', (e) => { if (e.target === overlay) close(); });
    overlay.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape' || e.key === '?') {
        e.preventDefault();
        close();
      } else if (e.key === 'Tab') {
        e.preventDefault();  // the only control: focus stays in the dialog
      }
    });
    container.append(overlay);
    done.focus();
  };
  const onKey = (/** @type {KeyboardEvent} */ e) => {
    if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      open();
    }
  };
  canvas.canvas.addEventListener('keydown', onKey);
  return {
    open,
    close,
    isOpen: () => overlay !== null,
    destroy() {
      canvas.canvas.removeEventListener('keydown', onKey);
      overlay?.remove();
    },
  };
}
