// @ts-check
// Reading what the reader opens (a file, a drop, a paste) into a document record
// {schema, title, name, kind, blocks}, as library.mjs stores it. HTML is read with the
// embed's own extraction rules (window.Scholion.extract from scholion.js), Markdown and
// plain text by the core (through the canvas handle).
import { TEXT_SCHEMA } from './library.mjs';

/** Documents larger than this are refused before they are read. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

const KINDS = [
  { kind: 'text', extensions: ['.txt', '.text'], types: ['text/plain'] },
  { kind: 'markdown', extensions: ['.md', '.markdown'], types: ['text/markdown', 'text/x-markdown'] },
  { kind: 'html', extensions: ['.html', '.htm', '.xhtml'], types: ['text/html', 'application/xhtml+xml'] },
];

export const ACCEPT = KINDS.flatMap((k) => [...k.extensions, ...k.types]).join(',');

export const formatBytes = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB`
  : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`);

function kindOf(file) {
  const name = file.name.toLowerCase();
  const byName = KINDS.find((k) => k.extensions.some((e) => name.endsWith(e)));
  return (byName || KINDS.find((k) => k.types.includes(file.type)))?.kind || null;
}

const collapse = (s) => s.replace(/[ \t\n\r\f]+/g, ' ').trim();
const baseName = (name) => name.replace(/\.[^.]+$/, '') || name;

/** The blocks of an HTML text, by the embed's rules; the title from <title> or <h1>. */
export function htmlRecord(html, name, kind = 'html') {
  const extract = window.Scholion?.extract;
  if (!extract) throw new Error('the page could not load its HTML reader (scholion.js)');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // The article when the page marks one, else its main content, else the whole body.
  const articles = doc.querySelectorAll('article');
  const root = (articles.length === 1 && articles[0]) || doc.querySelector('main') || doc.body;
  let blocks = root ? extract(root) : [];
  if (!blocks.length && root) {
    // Text outside any block element (<div>s only): paragraphs at blank lines.
    blocks = root.textContent.split(/\n[ \t]*\n/).map(collapse).filter(Boolean)
      .map((text) => ({ kind: 'paragraph', level: 0, text }));
  }
  const title = collapse(doc.title || '') || collapse(doc.querySelector('h1')?.textContent || '') || baseName(name);
  return { schema: TEXT_SCHEMA, title, name, kind, blocks };
}

function coreRecord(result, name, kind, fallbackTitle) {
  if (result.error) throw new Error(result.error);
  return { schema: TEXT_SCHEMA, title: result.title || fallbackTitle, name, kind, blocks: result.blocks };
}

/** A plain text (blank lines separate blocks; the first is the title). */
export const plainTextRecord = (canvas, text, name, kind = 'text') =>
  coreRecord(canvas.plainTextBlocks(text), name, kind, baseName(name));

/**
 * Reads a File into a record. Throws with a message for the reader when the file is of
 * an unknown kind, too large, unreadable, not UTF-8, or holds no text.
 */
export async function readFile(canvas, file) {
  const kind = kindOf(file);
  if (!kind) {
    throw new Error(`\u201C${file.name}\u201D is not a text, Markdown or HTML file (.txt, .md, .html).`);
  }
  if (file.size > MAX_DOCUMENT_BYTES) {
    throw new Error(`\u201C${file.name}\u201D is ${formatBytes(file.size)}; documents of up to ` +
                    `${formatBytes(MAX_DOCUMENT_BYTES)} can be opened.`);
  }
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new Error(`\u201C${file.name}\u201D could not be read (${error.message}).`);
  }
  const invalid = canvas.checkUtf8(bytes);
  if (invalid) throw new Error(`\u201C${file.name}\u201D is not UTF-8 text: ${invalid}.`);
  const text = new TextDecoder('utf-8').decode(bytes);  // drops a leading byte-order mark
  let record;
  if (kind === 'html') record = htmlRecord(text, file.name);
  else if (kind === 'markdown') record = coreRecord(canvas.markdownBlocks(text), file.name, kind, baseName(file.name));
  else record = plainTextRecord(canvas, text, file.name);
  if (!record.blocks.length) throw new Error(`\u201C${file.name}\u201D has no text to show.`);
  return record;
}

/** A paste: rich text (HTML) when the clipboard has it, else plain text; null if empty. */
export function readPaste(canvas, data) {
  const html = data.getData('text/html');
  const plain = data.getData('text/plain');
  const when = new Date().toLocaleString();
  if (html && html.trim()) {
    const record = htmlRecord(html, `Pasted ${when}`, 'paste');
    if (record.blocks.length) return record;
  }
  if (!plain || !plain.trim()) return null;
  return plainTextRecord(canvas, plain, `Pasted ${when}`, 'paste');
}
