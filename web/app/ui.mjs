// @ts-check
// Small pieces of the standalone page's interface: the message bar and downloads.

const bar = () => /** @type {HTMLElement} */ (document.getElementById('message'));
const part = (/** @type {string} */ s) => /** @type {HTMLElement} */ (bar().querySelector(s));
let hideTimer = 0;

/**
 * Shows `text` in the message bar, with buttons for `actions` ([{label, run}]).
 * `kind` 'error' is announced assertively; `forMs` hides the message after a while.
 */
export function say(/** @type {string} */ text,
                    /** @type {{kind?: 'info' | 'error', actions?: Array<{label: string, run: () => unknown}>, forMs?: number}} */
                    { kind = 'info', actions = [], forMs = 0 } = {}) {
  const el = bar();
  clearTimeout(hideTimer);
  el.hidden = false;
  el.dataset.kind = kind;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  part('.text').textContent = text;
  const buttons = part('.actions');
  buttons.replaceChildren(...actions.map(({ label, run }) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', () => run());
    return b;
  }));
  if (forMs) hideTimer = window.setTimeout(clear, forMs);
}

export function clear() {
  clearTimeout(hideTimer);
  const el = bar();
  el.hidden = true;
  part('.text').textContent = '';
  part('.actions').replaceChildren();
}

/** Offers `text` as a file download. */
export function download(text, name, type) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** A file name from a title: letters, digits and dashes. */
export function slug(title) {
  const s = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return s || 'document';
}

/** "just now", "5 minutes ago", or a date. */
export function when(ms) {
  if (!ms) return 'never opened';
  const s = (Date.now() - ms) / 1000;
  if (s < 60) return 'opened just now';
  if (s < 3600) return `opened ${Math.round(s / 60)} min ago`;
  if (s < 86400) return `opened ${Math.round(s / 3600)} h ago`;
  return `opened ${new Date(ms).toLocaleDateString()}`;
}
