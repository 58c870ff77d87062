// The functions JavaScript calls about annotations: making and reading them, saving and
// merging stored copies, exports, orphans, undo.
#include <emscripten.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/anchoring/reanchoring.hpp"
#include "core/formats/markdown_export.hpp"
#include "core/formats/storage_format.hpp"
#include "core/formats/w3c_format.hpp"
#include "wasm/canvas.hpp"

namespace scholion::web {
namespace {

StoredDocument stored_document() {
  const Document& doc = *g->reader.document();
  StoredDocument stored;
  stored.document = {doc.id(), doc.title(), doc.source_url(), doc.fingerprint()};
  for (const Annotation* a : g->annotations->all()) stored.annotations.push_back(*a);
  stored.tombstones = g->annotations->tombstones();
  stored.orphans = g->orphans.all();
  return stored;
}

}  // namespace
}  // namespace scholion::web

using namespace scholion;
using namespace scholion::web;

extern "C" {

// Highlights [start, end) (code points) in a palette colour; returns "" or the error.
EMSCRIPTEN_KEEPALIVE const char* scholion_highlight(uint32_t start, uint32_t end, int color) {
  if (!g->state) return "no document is shown";
  const uint32_t length = g->reader.document()->length();
  if (start >= end || end > length) {
    return fail("range [" + std::to_string(start) + ", " + std::to_string(end) +
                ") is not inside the text (length " + std::to_string(length) + ")");
  }
  if (color < 0 || color >= static_cast<int>(kPalette.size())) color = 0;
  g->state->select(start, end);
  auto added = g->state->highlight(kPalette[static_cast<std::size_t>(color)]);
  if (!added) return fail(added.error().describe());
  return "";
}

// Selects [anchor, head) as the reader would by dragging (code points).
EMSCRIPTEN_KEEPALIVE void scholion_select(uint32_t anchor, uint32_t head) {
  if (!g->state) return;
  g->state->select(anchor, head);
  request_frame();
}

// The selection as JSON: {"anchor", "head", "text", "annotation": id or null}.
EMSCRIPTEN_KEEPALIVE const char* scholion_selection_json() {
  if (!g->state) return "null";
  const Selection& sel = g->state->selection();
  const Annotation* selected = g->state->selected_annotation();
  Json out = {{"anchor", sel.anchor}, {"head", sel.head}, {"text", g->state->selected_text()},
              {"annotation", selected ? Json(selected->id) : Json(nullptr)}};
  return hand_over(dump_json(out));
}

// Every annotation as JSON (storage form), for tests and the publisher's API.
EMSCRIPTEN_KEEPALIVE const char* scholion_annotations_json() {
  if (!g->annotations) return "[]";
  Json out = Json::array();
  for (const Annotation* a : g->annotations->all()) out.push_back(annotation_to_json(*a));
  return hand_over(dump_json(out));
}

EMSCRIPTEN_KEEPALIVE uint32_t scholion_annotation_count() {
  return g->annotations ? static_cast<uint32_t>(g->annotations->size()) : 0;
}

// The shown document's annotations: 0 storage JSON, 1 W3C JSON-LD, 2 Markdown.
EMSCRIPTEN_KEEPALIVE const char* scholion_export(int format) {
  if (!g->annotations) return "";
  const StoredDocument stored = stored_document();
  if (format == 1) {
    g->scratch = export_w3c_collection(*g->reader.document(), stored.annotations);
  } else if (format == 2) {
    g->scratch = export_markdown(*g->reader.document(), stored.annotations);
  } else {
    g->scratch = write_storage_json(stored);
  }
  return g->scratch.c_str();
}

// Merges stored JSON (this tab's saved copy, or another tab's) into the annotations,
// per annotation (merge_incoming in core/anchoring/reanchoring.hpp: annotations saved
// against another version of the text are anchored afresh; those that cannot be placed
// become orphans, kept and saved with their quote, never drawn on other text). Returns
//   {"error": "" or the reason nothing changed, "moved": n, "orphaned": [annotation, …]}
// ("orphaned": the new orphans; orphans already known, or deleted, are not repeated.)
EMSCRIPTEN_KEEPALIVE const char* scholion_merge_storage(const char* json) {
  Json report = {{"error", ""}, {"moved", 0}, {"orphaned", Json::array()}};
  auto answer = [&](std::string error) {
    report["error"] = std::move(error);
    return hand_over(dump_json(report));
  };
  if (!g->annotations) return answer("no document is shown");
  auto stored = read_storage_json(json);
  if (!stored) return answer(stored.error().describe());
  const Document& doc = *g->reader.document();
  IncomingAnnotations incoming{std::move(stored->annotations), std::move(stored->tombstones),
                               std::move(stored->orphans), stored->document.fingerprint == doc.fingerprint()};
  auto merged = merge_incoming(*g->annotations, g->orphans, std::move(incoming), doc);
  if (!merged) return answer(merged.error().describe());
  report["moved"] = merged->moved;
  for (const Annotation& o : merged->new_orphans) report["orphaned"].push_back(annotation_to_json(o));
  return answer("");
}

// The orphans (annotations that could not be placed in this text) as stored JSON.
EMSCRIPTEN_KEEPALIVE const char* scholion_orphans_json() {
  Json out = Json::array();
  for (const Annotation& o : g->orphans.all()) out.push_back(annotation_to_json(o));
  return hand_over(dump_json(out));
}

EMSCRIPTEN_KEEPALIVE void scholion_undo() { if (g->state) g->state->undo(); }
EMSCRIPTEN_KEEPALIVE void scholion_redo() { if (g->state) g->state->redo(); }

// Forgets the orphan `id` for good, leaving a tombstone (saved with the others) so that
// an older copy (another tab, a backup) cannot bring it back. 0 when there is no such orphan.
EMSCRIPTEN_KEEPALIVE int scholion_delete_orphan(const char* id) {
  if (!g->annotations) return 0;
  const Annotation* orphan = g->orphans.find(id);
  if (!orphan) return 0;
  const Tombstone tombstone{orphan->id, std::max(now_ms(), orphan->modified)};
  if (!report(g->annotations->merge(std::vector<Annotation>{}, std::vector<Tombstone>{tombstone}))) return 0;
  g->orphans.remove(id);
  request_frame();
  return 1;
}

// Attaches the orphan `id` to the selected text (ReaderState::attach): it becomes a
// normal annotation, saved with the others, and leaves the orphans; undone, it is an
// orphan again (Orphans::follow). "" or the error.
EMSCRIPTEN_KEEPALIVE const char* scholion_attach_orphan(const char* id) {
  if (!g->state) return hand_over("no document is shown");
  // Taken out before the change is announced, so listeners see it gone.
  std::optional<Annotation> orphan = g->orphans.take_for_attach(id);
  if (!orphan) return hand_over(std::string("no orphan with id ") + id);
  auto attached = g->state->attach(*orphan);
  if (!attached) {
    g->orphans.untake(std::move(*orphan));
    return hand_over(attached.error().describe());
  }
  request_frame();
  return "";
}

}  // extern "C"
