// @ts-check
// Small DOM helpers shared by the annotator's modules. A leaf: it imports nothing, so
// every module may import it and imports run in one direction only.

/** A shadow root or a document: what adoptStyles and the focus helpers work on. */
/** @typedef {Document | ShadowRoot} StyleRoot */

const sheets = new WeakMap();  // Document -> Map(css text -> its constructed sheet)

/**
 * Adopts a stylesheet made from `css` into `root` (a shadow root or a document), one
 * constructed sheet per document and text: no inline <style>, so a strict CSP is fine.
 * @param {StyleRoot} root
 * @param {string} css
 */
export function adoptStyles(root, css) {
  const doc = root.ownerDocument || /** @type {Document} */ (root);
  if (!sheets.has(doc)) sheets.set(doc, new Map());
  const byText = /** @type {Map<string, CSSStyleSheet>} */ (sheets.get(doc));
  let sheet = byText.get(css);
  if (!sheet) {
    const view = /** @type {Window & typeof globalThis} */ (doc.defaultView);
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    byText.set(css, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * Where an element's styles go: its shadow root, else its document.
 * @param {Node} node
 * @returns {StyleRoot}
 */
export function styleRootOf(node) {
  const root = /** @type {StyleRoot} */ (node.getRootNode());
  return root.adoptedStyleSheets ? root : (node.ownerDocument || document);
}

/** CSS that hides an element visually while keeping it in the accessibility tree. */
export const visuallyHiddenCss = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;' +
  'overflow:hidden;clip-path:inset(50%);white-space:nowrap';

/**
 * Hides an element visually while keeping it in the accessibility tree.
 * @param {HTMLElement} el
 */
export function visuallyHide(el) {
  el.style.cssText += `;${visuallyHiddenCss}`;
}

/**
 * The focused element, through shadow roots.
 * @param {Document | ShadowRoot} root
 * @returns {Element | null}
 */
export function deepActive(root) {
  let a = root.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
