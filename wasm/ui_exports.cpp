// The functions the annotator's DOM around the canvas calls (web/annotator.mjs and its
// parts): the document's blocks for the screen-reader mirror, jumping to an annotation
// from the list, orphans deleted or attached again, and the selection-change signal.
#include <emscripten.h>

#include <algorithm>
#include <string>

#include "core/formats/storage_format.hpp"
#include "wasm/canvas.hpp"

namespace scholion::web {

// Tells JavaScript once per change of the selection or of the selected annotation
// (called at the end of each frame; frames follow every change).
void notify_selection_if_changed() {
  if (!g->state) return;
  const Selection& sel = g->state->selection();
  const Annotation* selected = g->state->selected_annotation();
  const std::string id = selected ? selected->id : std::string();
  if (sel.anchor == g->notified_anchor && sel.head == g->notified_head && id == g->notified_annotation) return;
  g->notified_anchor = sel.anchor;
  g->notified_head = sel.head;
  g->notified_annotation = id;
  scholion_js_selection_changed(sel.anchor, sel.head, id.c_str());
}

}  // namespace scholion::web

using namespace scholion;
using namespace scholion::web;

namespace {

const char* answer(std::string text) { return hand_over(std::move(text)); }

std::vector<Annotation>::iterator find_orphan(const char* id) {
  return std::find_if(g->orphans.begin(), g->orphans.end(), [&](const Annotation& a) { return a.id == id; });
}

}  // namespace

extern "C" {

// The shown document's blocks in reading order:
//   [{"kind": "heading", "level": 1, "start": 0, "end": 12}, …]
// with [start, end) in code points of the plain text.
EMSCRIPTEN_KEEPALIVE const char* scholion_document_blocks_json() {
  const auto& doc = g->reader.document();
  if (!doc) return "[]";
  Json out = Json::array();
  for (std::size_t i = 0; i < doc->blocks().size(); ++i) {
    const Block& b = doc->blocks()[i];
    out.push_back(Json{{"kind", std::string(block_kind_name(b.kind))}, {"level", b.level},
                       {"start", doc->block_start(i)}, {"end", doc->block_end(i)}});
  }
  return answer(dump_json(out));
}

// Selects the annotation `id` (and its text), scrolls it into view when it is not, and
// with `flash` marks it to be flashed. 0 when there is no such annotation.
EMSCRIPTEN_KEEPALIVE int scholion_select_annotation(const char* id, int flash) {
  if (!g->state || !g->state->select_annotation(id)) return 0;
  if (g->reader.has_layout()) {
    const Annotation* a = g->state->selected_annotation();
    const Layout& layout = g->reader.layout();
    const Rect r = layout.caret_rect(a->start);
    const float view_h = g->reader.viewport_height();
    const float top = g->reader.to_screen_y(r.y);
    if (top < 0 || top + r.height > view_h) g->reader.scroll_to(r.y - view_h / 3);
  }
  if (flash) {
    g->flash_id = id;
    g->flash_started_ms = emscripten_get_now();
  }
  request_frame();
  return 1;
}

// Forgets the orphan `id` for good: the next save stores the document without it.
// 0 when there is no such orphan.
EMSCRIPTEN_KEEPALIVE int scholion_delete_orphan(const char* id) {
  const auto it = find_orphan(id);
  if (it == g->orphans.end()) return 0;
  // A tombstone, saved with the others, keeps an older copy (another tab, a backup) from
  // bringing it back.
  (void)g->annotations->merge(std::vector<Annotation>{},
                              std::vector<Tombstone>{{it->id, std::max(now_ms(), it->modified)}});
  g->orphans.erase(it);
  request_frame();
  return 1;
}

// Attaches the orphan `id` to the selected text (ReaderState::attach): it becomes a
// normal annotation, saved with the others, and leaves the orphans. "" or the error.
// (Undone, it is an orphan again.)
EMSCRIPTEN_KEEPALIVE const char* scholion_attach_orphan(const char* id) {
  if (!g->state) return answer("no document is shown");
  const auto it = find_orphan(id);
  if (it == g->orphans.end()) return answer(std::string("no orphan with id ") + id);
  const Annotation orphan = *it;
  const auto index = it - g->orphans.begin();
  g->orphans.erase(it);  // before the change is announced, so listeners see it gone
  auto attached = g->state->attach(orphan);
  if (!attached) {
    g->orphans.insert(g->orphans.begin() + index, orphan);
    return answer(attached.error().describe());
  }
  // Undoing the attach makes it an orphan again (it lost its place, not its note);
  // redoing attaches it again (main.cpp, follow_attached_orphans).
  std::erase_if(g->attached_orphans, [&](const Annotation& a) { return a.id == orphan.id; });
  g->attached_orphans.push_back(orphan);
  request_frame();
  return answer("");
}

}  // extern "C"
