// Input for the canvas, on emscripten/html5.h: mouse down on the canvas and move/up on
// the window (a drag continues outside), wheel normalised by deltaMode and released at
// the scroll limits, touch with long-press selection, handles and momentum, and keys
// only while the canvas has focus — nothing the host page's own inputs need is taken.
//
// [SECTION] Helpers
// [SECTION] Mouse
// [SECTION] Wheel
// [SECTION] Touch
// [SECTION] Keys
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <cmath>
#include <string>

#include "wasm/canvas.hpp"

namespace scholion::web {
namespace {

// [SECTION] Helpers

constexpr double kMultiClickMs = 450;
constexpr double kLongPressMs = 500;

void canvas_point(double client_x, double client_y, float& x, float& y) {
  double left = 0, top = 0;
  scholion_canvas_origin(&left, &top);
  x = static_cast<float>((client_x - left) * g->dpr);
  y = static_cast<float>((client_y - top) * g->dpr);
}

bool ready() { return g->state.has_value() && g->reader.has_layout(); }

Hit hit_at(float x, float y) { return g->reader.layout().hit_test(x, g->reader.to_layout_y(y)); }

// Keeps the selection's moving end on screen.
void reveal_head() {
  const Selection& sel = g->state->selection();
  const Rect r = g->reader.layout().caret_rect(sel.head, sel.affinity);
  g->reader.reveal(r.y, r.bottom());
}

// [SECTION] Mouse

// The annotation under the pointer: a note card, or highlighted text with a note. Hovering
// one emphasises the other. True when it changed.
bool update_hover(float x, float y) {
  std::string id;
  if (ready() && x >= 0 && y >= 0 && x < g->css_width * g->dpr && y < g->css_height * g->dpr) {
    id = g->margin.card_at(g->reader, x, y);
    if (id.empty() && g->margin.card_count() > 0) {
      const Hit hit = hit_at(x, y);
      if (hit.over_text) {
        for (const Annotation* a : g->state->annotations_at(hit.cluster_start)) {
          if (!a->note.empty()) id = a->id;
        }
      }
    }
  }
  if (id == g->hovered) return false;
  g->hovered = std::move(id);
  return true;
}

EM_BOOL on_mouse_down(int, const EmscriptenMouseEvent* e, void*) {
  canvas_point(e->clientX, e->clientY, g->mouse_x, g->mouse_y);
  if (e->button != 0) return EM_FALSE;
  g->mouse_down = g->mouse_pressed = true;
  g->touch_ui = false;
  g->velocity = 0;
  g->pointer_on_ui = point_on_ui(g->mouse_x, g->mouse_y);
  request_frame();
  if (g->pointer_on_ui || !ready()) return EM_FALSE;
  close_chooser();
  if (const std::string card = g->margin.card_at(g->reader, g->mouse_x, g->mouse_y); !card.empty()) {
    g->state->select_annotation(card);  // a click on a note card selects its annotation
    close_chooser();
    g->dragging = false;
    return EM_FALSE;
  }
  if (g->reader.on_scrollbar(g->mouse_x)) {
    g->scrollbar_drag = true;
    g->scrollbar_grab = g->reader.thumb_grab(g->mouse_y);
    g->reader.scroll_to(g->reader.scroll_for_scrollbar(g->mouse_y, g->scrollbar_grab));
    return EM_TRUE;  // no text selection, no focus change
  }

  const double now = emscripten_get_now();
  const float slop = 5 * g->dpr;
  const bool again = now - g->last_click_ms < kMultiClickMs &&
                     std::fabs(g->mouse_x - g->last_click_x) < slop &&
                     std::fabs(g->mouse_y - g->last_click_y) < slop;
  g->click_count = again ? std::min(g->click_count + 1, 3) : 1;
  g->last_click_ms = now;
  g->last_click_x = g->mouse_x;
  g->last_click_y = g->mouse_y;

  const Hit hit = hit_at(g->mouse_x, g->mouse_y);
  ReaderState& state = *g->state;
  if (g->click_count == 2) state.select_word_at(hit.cluster_start);
  else if (g->click_count == 3) state.select_block_at(hit.cluster_start);
  else if (e->shiftKey) state.extend_to(hit.caret);
  else state.set_caret(hit.caret);
  g->dragging = true;
  g->moved_since_press = false;
  g->caret_mode = false;
  return EM_FALSE;  // the browser still moves focus to the canvas
}

// Move and up are watched on the window so a drag continues outside the canvas; they
// are acted on only during a press that started on the canvas, or to hover the toolbar.
EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*) {
  float x = 0, y = 0;
  canvas_point(e->clientX, e->clientY, x, y);
  if (!g->mouse_down) {
    const bool hover = point_on_ui(x, y) || point_on_ui(g->mouse_x, g->mouse_y);
    g->mouse_x = x;
    g->mouse_y = y;
    if (hover || update_hover(x, y)) request_frame();
    return EM_FALSE;
  }
  if (std::fabs(x - g->mouse_x) + std::fabs(y - g->mouse_y) > 3 * g->dpr) g->moved_since_press = true;
  g->mouse_x = x;
  g->mouse_y = y;
  if (g->scrollbar_drag) {
    g->reader.scroll_to(g->reader.scroll_for_scrollbar(y, g->scrollbar_grab));
  } else if (g->dragging && ready()) {
    // Past the top or bottom edge, the text scrolls under the pointer.
    const float h = g->reader.viewport_height();
    if (y < 0) g->reader.scroll_by(y * 0.5f);
    else if (y > h) g->reader.scroll_by((y - h) * 0.5f);
    g->state->extend_to(hit_at(x, std::clamp(y, 0.0f, h)).caret);
  }
  request_frame(0);
  return EM_FALSE;
}

EM_BOOL on_mouse_up(int, const EmscriptenMouseEvent* e, void*) {
  if (!g->mouse_down) return EM_FALSE;
  canvas_point(e->clientX, e->clientY, g->mouse_x, g->mouse_y);
  g->mouse_down = false;
  g->scrollbar_drag = false;
  if (g->dragging && ready()) {
    g->dragging = false;
    // A plain click on a highlight selects it (again: the next one under it).
    if (!g->moved_since_press && g->click_count == 1 && !e->shiftKey) {
      const Hit hit = hit_at(g->mouse_x, g->mouse_y);
      if (hit.over_text) pick_annotations_at(hit.cluster_start, g->mouse_x, g->mouse_y);
    }
  }
  request_frame();
  return EM_FALSE;
}

// [SECTION] Wheel

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  double dy = e->deltaY;  // normalised to CSS pixels
  if (e->deltaMode == DOM_DELTA_LINE) dy *= 40;
  if (e->deltaMode == DOM_DELTA_PAGE) dy *= g->css_height * 0.9;
  g->velocity = 0;
  if (!g->reader.scroll_by(static_cast<float>(dy * g->dpr))) return EM_FALSE;  // page scrolls
  request_frame(0);
  return EM_TRUE;
}

// [SECTION] Touch

const EmscriptenTouchPoint* changed_touch(const EmscriptenTouchEvent* e) {
  for (int i = 0; i < e->numTouches; ++i) {
    if (e->touches[i].isChanged && (g->touch_id < 0 || e->touches[i].identifier == g->touch_id)) {
      return &e->touches[i];
    }
  }
  return nullptr;
}

void cancel_long_press() {
  if (g->long_press_timer) emscripten_clear_timeout(g->long_press_timer);
  g->long_press_timer = 0;
}

void on_long_press(void*) {
  g->long_press_timer = 0;
  if (g->touch != TouchMode::pending || !ready()) return;
  g->state->select_word_at(hit_at(g->touch_start_x, g->touch_start_y).cluster_start);
  g->touch = TouchMode::none;  // until the finger lifts
  request_frame();
}

EM_BOOL on_touch_start(int, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches != 1) {  // a second finger: leave the gesture to the browser
    cancel_long_press();
    g->touch = TouchMode::none;
    return EM_FALSE;
  }
  const EmscriptenTouchPoint& t = e->touches[0];
  g->touch_id = t.identifier;
  float x = 0, y = 0;
  canvas_point(t.clientX, t.clientY, x, y);
  g->touch_ui = true;
  g->velocity = 0;
  g->touch_start_x = x;
  g->touch_start_y = g->touch_last_y = y;
  g->touch_last_ms = emscripten_get_now();
  if (point_on_ui(x, y)) {  // the toolbar: ImGui sees it as a mouse press
    g->mouse_x = x;
    g->mouse_y = y;
    g->mouse_down = g->mouse_pressed = true;
    g->pointer_on_ui = true;
    g->touch = TouchMode::none;
    request_frame();
    return EM_TRUE;
  }
  g->touch = TouchMode::pending;
  close_chooser();
  if (ready()) {
    if (auto handles = g->reader.handle_positions(*g->state)) {
      const float reach = g->reader.handle_radius() * 2.2f;
      auto near = [&](ImVec2 p) { return std::hypot(p.x - x, p.y - y) <= reach; };
      if (near(handles->first)) g->touch = TouchMode::handle_from;
      else if (near(handles->second)) g->touch = TouchMode::handle_to;
    }
  }
  if (g->touch == TouchMode::pending) {
    cancel_long_press();
    g->long_press_timer = emscripten_set_timeout(on_long_press, kLongPressMs, nullptr);
  }
  return EM_TRUE;  // no emulated mouse events, no page gestures over the text
}

EM_BOOL on_touch_move(int, const EmscriptenTouchEvent* e, void*) {
  const EmscriptenTouchPoint* t = changed_touch(e);
  if (!t) return EM_FALSE;
  float x = 0, y = 0;
  canvas_point(t->clientX, t->clientY, x, y);
  const double now = emscripten_get_now();
  if (g->touch == TouchMode::pending &&
      std::hypot(x - g->touch_start_x, y - g->touch_start_y) > 10 * g->dpr) {
    cancel_long_press();
    g->touch = TouchMode::scrolling;
  }
  if (g->touch == TouchMode::scrolling) {
    const float dy = g->touch_last_y - y;
    const float dt = static_cast<float>(std::max(1.0, now - g->touch_last_ms));
    g->reader.scroll_by(dy);
    g->velocity = 0.8f * (dy / dt) + 0.2f * g->velocity;
  } else if ((g->touch == TouchMode::handle_from || g->touch == TouchMode::handle_to) && ready()) {
    // The finger sits below the line it moves: aim one handle radius higher.
    const Hit hit = hit_at(x, y - 2 * g->reader.handle_radius());
    const Selection& sel = g->state->selection();
    const uint32_t fixed = g->touch == TouchMode::handle_from ? sel.to() : sel.from();
    g->state->select(fixed, hit.caret.position);
  }
  g->touch_last_y = y;
  g->touch_last_ms = now;
  request_frame(0);
  return EM_TRUE;
}

EM_BOOL on_touch_end(int type, const EmscriptenTouchEvent* e, void*) {
  const EmscriptenTouchPoint* t = changed_touch(e);
  if (!t) return EM_FALSE;
  g->touch_id = -1;
  if (g->pointer_on_ui) {
    g->mouse_down = false;
    request_frame();
    return EM_TRUE;
  }
  if (g->touch == TouchMode::pending && g->long_press_timer && type == EMSCRIPTEN_EVENT_TOUCHEND && ready()) {
    // A tap: on a highlight it selects it; elsewhere it clears the selection.
    cancel_long_press();
    const Hit hit = hit_at(g->touch_start_x, g->touch_start_y);
    g->state->set_caret(hit.caret);
    if (hit.over_text) pick_annotations_at(hit.cluster_start, g->touch_start_x, g->touch_start_y);
  }
  cancel_long_press();
  if (g->touch != TouchMode::scrolling || std::fabs(g->velocity) < 0.05f) g->velocity = 0;
  g->touch = TouchMode::none;
  request_frame();
  return EM_TRUE;
}

// [SECTION] Keys

std::optional<Motion> motion_for(const std::string& key, bool word) {
  if (key == "ArrowLeft") return word ? Motion::word_left : Motion::grapheme_left;
  if (key == "ArrowRight") return word ? Motion::word_right : Motion::grapheme_right;
  if (key == "ArrowUp") return Motion::line_up;
  if (key == "ArrowDown") return Motion::line_down;
  if (key == "Home") return word ? Motion::document_start : Motion::line_start;
  if (key == "End") return word ? Motion::document_end : Motion::line_end;
  return std::nullopt;
}

// Where a keyboard caret starts when there is none yet: the first visible line.
void ensure_caret() {
  if (g->caret_mode) return;
  g->caret_mode = true;
  if (!g->state->selection().empty()) return;
  const Layout& layout = g->reader.layout();
  const auto [first, last] = layout.visible(g->reader.scroll(), g->reader.scroll() + g->reader.viewport_height());
  if (first < last && (g->state->selection().head < layout.lines()[first].start ||
                       g->state->selection().head > layout.lines()[last - 1].end)) {
    g->state->set_caret(layout.lines()[first].start);
  }
}

bool handle_key(const EmscriptenKeyboardEvent* e) {
  const std::string key = e->key;
  const bool command = e->ctrlKey || e->metaKey;
  if (e->altKey) return false;
  ReaderState& state = *g->state;
  const float line = g->text.line_height(TextStyle::body);
  const float page = g->reader.viewport_height() * 0.9f;

  if (command) {
    // The key is the reader's either way, even with nothing to undo or redo.
    if (key == "z" || key == "Z") {
      if (e->shiftKey) state.redo();
      else state.undo();
      return true;
    }
    if (key == "y") {
      state.redo();
      return true;
    }
    if (key == "a") {
      state.select_all();
      return true;
    }
    if (key == "c") {
      if (state.selection().empty()) return false;
      scholion_js_copy(state.selected_text().c_str());
      return true;
    }
  }
  // Carets move and selections extend; plain ↑ ↓ Home End scroll until a caret is shown.
  const bool scroll_keys = !e->shiftKey && !g->caret_mode;
  if (auto motion = motion_for(key, command)) {
    if (scroll_keys && (key == "ArrowUp" || key == "ArrowDown" || key == "Home" || key == "End")) {
      if (key == "ArrowUp") g->reader.scroll_by(-line);
      if (key == "ArrowDown") g->reader.scroll_by(line);
      if (key == "Home") g->reader.scroll_to(0);
      if (key == "End") g->reader.scroll_to(g->reader.page_height());
      return true;
    }
    ensure_caret();
    state.move(g->reader.layout(), *motion, e->shiftKey);
    reveal_head();
    return true;
  }
  if (command) return false;
  if (key == "PageDown" || key == "PageUp" || key == " ") {
    g->reader.scroll_by(key == "PageUp" || (key == " " && e->shiftKey) ? -page : page);
    return true;
  }
  if (key == "h" || key == "H") {
    report(state.highlight());
    return true;
  }
  if (key.size() == 1 && key[0] >= '1' && key[0] <= '5') {
    const Color color = kPalette[static_cast<std::size_t>(key[0] - '1')];
    state.set_last_color(color);
    report(state.highlight(color));
    return true;
  }
  if (key == "Delete" || key == "Backspace") return state.delete_selected_annotation().ok();
  // Tab and Shift+Tab walk the annotations in document order; past either end, focus
  // leaves the canvas as usual.
  if (key == "Tab") {
    close_chooser();
    if (!(e->shiftKey ? state.select_previous_annotation() : state.select_next_annotation())) return false;
    reveal_head();
    return true;
  }
  if (key == "Escape" && g->chooser.open) {
    close_chooser();
    return true;
  }
  if (key == "Escape") {
    if (state.selection().empty()) return false;  // the page may close its panel
    state.set_caret(state.selection().head);
    return true;
  }
  return false;
}

EM_BOOL on_key_down(int, const EmscriptenKeyboardEvent* e, void*) {
  if (!ready()) return EM_FALSE;
  const bool handled = handle_key(e);
  if (handled) request_frame(0);
  return handled ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
  g->focused = type == EMSCRIPTEN_EVENT_FOCUS;
  request_frame();
  return EM_FALSE;
}

}  // namespace

void install_input_handlers() {
  const char* c = g->selector.c_str();
  emscripten_set_mousedown_callback(c, nullptr, false, on_mouse_down);
  emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_mouse_move);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_mouse_up);
  emscripten_set_wheel_callback(c, nullptr, false, on_wheel);
  emscripten_set_touchstart_callback(c, nullptr, false, on_touch_start);
  emscripten_set_touchmove_callback(c, nullptr, false, on_touch_move);
  emscripten_set_touchend_callback(c, nullptr, false, on_touch_end);
  emscripten_set_touchcancel_callback(c, nullptr, false, on_touch_end);
  emscripten_set_keydown_callback(c, nullptr, false, on_key_down);
  emscripten_set_focus_callback(c, nullptr, false, on_focus);
  emscripten_set_blur_callback(c, nullptr, false, on_focus);
}

}  // namespace scholion::web
