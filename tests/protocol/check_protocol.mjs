// Protocol.MatchesTheCore: web/protocol.mjs against the C++ it mirrors. Reads the headers
// and sources as text (the enums and the name functions), imports protocol.mjs, and
// fails naming the first difference. Usage: node check_protocol.mjs SOURCE_DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.argv[2];
if (!root) {
  console.error('usage: node check_protocol.mjs SOURCE_DIR');
  process.exit(2);
}
const read = (path) => readFileSync(join(root, path), 'utf8');
const protocol = await import(pathToFileURL(join(root, 'web/protocol.mjs')).href);

/** The enumerators of `enum class NAME : type { a, b, c }` in `source`. */
function enumerators(source, name, where) {
  const m = new RegExp(`enum class ${name}\\s*:\\s*\\w+\\s*\\{([^}]*)\\}`).exec(source);
  if (!m) throw new Error(`${where} has no "enum class ${name}"`);
  return m[1].split(',').map((s) => s.trim()).filter(Boolean);
}

/** The strings a name function returns, by enumerator: `case X::a: return "a";`. */
function caseNames(source, name) {
  const names = {};
  for (const m of source.matchAll(new RegExp(`case ${name}::(\\w+):\\s*return "([^"]*)"`, 'g'))) names[m[1]] = m[2];
  return names;
}

const annotationHpp = read('core/model/annotation.hpp');
const annotationCpp = read('core/model/annotation.cpp');
const undoHpp = read('core/model/undo_history.hpp');
const undoCpp = read('core/model/undo_history.cpp');
const setHpp = read('core/model/annotation_set.hpp');
const documentHpp = read('core/model/document.hpp');
const documentCpp = read('core/model/document.cpp');
const paletteHpp = read('wasm/palette.hpp');
const exportsCpp = read('wasm/annotation_exports.cpp');
const bootJs = read('web/scholion.js');

const json = (v) => JSON.stringify(v);
const checks = [];
const check = (name, actual, expected) => checks.push({ name, actual, expected });

// Colours: the enum's order, color_name's table, the palette's tones.
const colors = enumerators(annotationHpp, 'Color', 'core/model/annotation.hpp');
check('COLORS in the order of enum Color', protocol.COLORS, colors);
const colorTable = /kColorNames\s*=\s*\{([^}]*)\}/.exec(annotationCpp);
check('COLORS as color_name names them (kColorNames)', protocol.COLORS,
      colorTable ? [...colorTable[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]) : 'no kColorNames table');
const swatch = /kSwatch\s*=\s*\{([\s\S]*?)\};/.exec(paletteHpp);
const tones = swatch ? [...swatch[1].matchAll(/IM_COL32\(0x(\w\w),\s*0x(\w\w),\s*0x(\w\w)/g)]
  .map((m) => `#${m[1]}${m[2]}${m[3]}`.toLowerCase()) : 'no kSwatch table';
check('PALETTE as wasm/palette.hpp kSwatch', protocol.COLORS.map((c) => protocol.PALETTE[c]), tones);
// The boot script cannot import protocol.mjs; its copies of the palette must agree.
const bootHexes = [...new Set(bootJs.match(/#[0-9a-f]{6}\b/gi) || [])].map((h) => h.toLowerCase())
  .filter((h) => ['#ffd43b', '#69db7c', '#74c0fc', '#f783ac', '#b197fc', ...Object.values(protocol.PALETTE)].includes(h));
check('web/scholion.js uses only PALETTE tones', bootHexes.filter((h) => !Object.values(protocol.PALETTE).includes(h)), []);

// Change kinds and origins.
const kinds = enumerators(undoHpp, 'ChangeKind', 'core/model/undo_history.hpp');
check('CHANGE_KINDS in the order of enum ChangeKind', protocol.CHANGE_KINDS, kinds);
const kindNames = caseNames(undoCpp, 'ChangeKind');
check('CHANGE_KINDS as change_kind_name names them', protocol.CHANGE_KINDS, kinds.map((k) => kindNames[k]));
check('CHANGE_ORIGINS in the order of enum ChangeOrigin', protocol.CHANGE_ORIGINS,
      enumerators(setHpp, 'ChangeOrigin', 'core/model/annotation_set.hpp'));
check('publicEventOf maps every change kind', protocol.CHANGE_KINDS.map(protocol.publicEventOf),
      ['create', 'update', 'delete']);

// Block kinds.
const blocks = enumerators(documentHpp, 'BlockKind', 'core/model/document.hpp');
check('BlockKind numbers as enum BlockKind', protocol.BlockKind, Object.fromEntries(blocks.map((b, i) => [b, i])));
const blockNames = caseNames(documentCpp, 'BlockKind');
check('BlockKind as block_kind_name names them', Object.keys(protocol.BlockKind), blocks.map((b) => blockNames[b]));

// Export formats, as scholion_export's comment and branches number them.
const exportDoc = /The shown document's annotations: ([^\n]*)\n/.exec(exportsCpp);
const documented = exportDoc ? Object.fromEntries([...exportDoc[1].matchAll(/(\d) (storage|W3C|Markdown)/g)]
  .map((m) => [{ storage: 'storage', W3C: 'w3c', Markdown: 'markdown' }[m[2]], Number(m[1])])) : 'no comment';
check('EXPORT_FORMATS as scholion_export numbers them', protocol.EXPORT_FORMATS, documented);
const branch = (fn) => new RegExp(`format == (\\d)\\)\\s*\\{\\s*g->scratch = ${fn}`).exec(exportsCpp)?.[1];
check('EXPORT_FORMATS as scholion_export branches', [protocol.EXPORT_FORMATS.w3c, protocol.EXPORT_FORMATS.markdown],
      [Number(branch('export_w3c_collection')), Number(branch('export_markdown'))]);

let passed = 0;
let failed = 0;
for (const { name, actual, expected } of checks) {
  if (json(actual) === json(expected)) {
    passed++;
    continue;
  }
  failed++;
  console.log(`FAIL ${name}: web/protocol.mjs has ${json(actual)}, the core ${json(expected)}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
