// @ts-check
// What the browser code shares with the C++ core, written down once. Lists are in the
// order of the core's enums, so an enum's number indexes them; the native test
// Protocol.MatchesTheCore (tests/protocol/check_protocol.mjs) compares them with the
// headers and fails naming the first difference.
//
// Inside the browser code a change is named as the core names it (added, updated,
// removed). The publisher's events (create, update, delete, orphan: scholion.d.ts) are a
// public API of their own; publicEventOf is the one place that maps to them.

/** core/model/annotation.hpp Color, by color_name: the palette, in the toolbar's order. */
export const COLORS = /** @type {const} */ (['yellow', 'green', 'blue', 'pink', 'purple']);
/** @typedef {typeof COLORS[number]} ColorName */


/** Each colour's own tone as CSS (wasm/palette.hpp kSwatch: the canvas's swatches). */
export const PALETTE = /** @type {const} */ ({
  yellow: '#ffd43b', green: '#69db7c', blue: '#74c0fc', pink: '#f783ac', purple: '#b197fc',
});

/** core/model/undo_history.hpp ChangeKind, by change_kind_name. */
export const CHANGE_KINDS = /** @type {const} */ (['added', 'updated', 'removed']);
/** @typedef {typeof CHANGE_KINDS[number]} ChangeKind */

/** core/model/annotation_set.hpp ChangeOrigin. */
export const CHANGE_ORIGINS = /** @type {const} */ (['edit', 'undo', 'redo', 'merge']);
/** @typedef {typeof CHANGE_ORIGINS[number]} ChangeOrigin */

/** core/model/document.hpp BlockKind, by block_kind_name: name -> the enum's number. */
export const BlockKind = /** @type {const} */ ({ heading: 0, paragraph: 1, quote: 2, list_item: 3, preformatted: 4 });
/** @typedef {keyof typeof BlockKind} BlockKindName */

/** Export formats, as wasm/annotation_exports.cpp's scholion_export numbers them. */
export const EXPORT_FORMATS = /** @type {const} */ ({ storage: 0, w3c: 1, markdown: 2 });
/** @typedef {keyof typeof EXPORT_FORMATS} ExportFormat */

/** @typedef {'create' | 'update' | 'delete' | 'orphan'} PublicEvent */

/** The publisher's event for a change of kind `kind` (a ChangeKind name). */
export const publicEventOf = (/** @type {ChangeKind} */ kind) =>
  /** @type {PublicEvent} */ ({ added: 'create', updated: 'update', removed: 'delete' }[kind]);
