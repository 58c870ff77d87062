// The functions the annotator's DOM around the canvas calls (web/annotator.mjs and its
// parts): jumping to an annotation from the list, scrolling, the notice bar, and the
// selection-change signal.
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

extern "C" {

// Scrolls so that code point `cp` is near the top (layout units → CSS via dpr).
EMSCRIPTEN_KEEPALIVE void scholion_scroll_to_position(uint32_t cp) {
  if (!g->reader.has_layout()) return;
  const Rect r = g->reader.layout().caret_rect(cp);
  g->reader.scroll_to(r.y - g->text.line_height(TextStyle::body));
  request_frame();
}

// Shows `text` in a bar over the canvas (empty: hides it), with an Export button.
EMSCRIPTEN_KEEPALIVE void scholion_set_notice(const char* text, int can_export) {
  g->notice = text;
  g->notice_can_export = can_export != 0;
  request_frame();
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

}  // extern "C"
