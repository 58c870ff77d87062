// The state of one Scholion canvas (one per wasm module instance), shared by the frame
// loop (main.cpp) and the input handlers (input.cpp).
#pragma once

#include <emscripten/html5.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/annotation_set.hpp"
#include "core/model/document.hpp"
#include "core/model/orphans.hpp"
#include "core/reader/reader_state.hpp"
#include "wasm/browser_text.hpp"
#include "wasm/glyph_cache.hpp"
#include "wasm/margin.hpp"
#include "wasm/reader.hpp"

// In library_scholion.js.
extern "C" {
void scholion_bind_canvas(const char* selector);
int scholion_gl_init();
void scholion_gl_begin(int width, int height);
void scholion_gl_buffers(const void* vertices, int vertex_bytes, const void* indices, int index_bytes);
void scholion_gl_draw(int x0, int y0, int x1, int y1, int count, int first, int texture);
void scholion_canvas_origin(double* left, double* top);
void scholion_js_annotations_changed(int kind, int origin, const char* annotation_json);
void scholion_js_export_requested();
void scholion_js_copy(const char* text);
void scholion_js_note_requested();
void scholion_js_selection_changed(uint32_t anchor, uint32_t head, const char* annotation_id);
void scholion_js_refused(const char* reason);
}

namespace scholion::web {

enum class TouchMode { none, pending, scrolling, handle_from, handle_to };

struct Canvas {
  std::string selector;  // "#id" of the <canvas>
  float css_width = 0, css_height = 0, dpr = 1;
  BrowserText text;         // metrics: the browser's text engine
  GlyphCache glyphs{text};  // rasterised runs, drawn from one atlas texture
  Reader reader{text, glyphs};
  Margin margin;            // note cards beside the text
  std::string hovered;      // the annotation under the pointer (text or card), if any
  std::optional<AnnotationSet> annotations;  // of the shown document
  std::optional<ReaderState> state;          // selection and commands over them
  Orphans orphans;                           // could not be placed in this text: kept

  // Frames
  bool frame_requested = false;
  int extra_frames = 0;       // ImGui settles popups and sizes over a few frames
  uint32_t frames_drawn = 0;  // read by tests: idle means this does not move
  std::size_t lines_drawn = 0;
  double last_frame_ms = 0;
  double last_frame_cpu_ms = 0;  // time spent drawing the last frame
  bool focused = false;

  // Pointer (device pixels, canvas-relative)
  float mouse_x = -1, mouse_y = -1;
  bool mouse_down = false, mouse_pressed = false;  // pressed: latched until drawn
  bool pointer_on_ui = false;  // the press went to the toolbar or notice, not the text
  bool dragging = false;       // selecting text with the mouse
  bool scrollbar_drag = false; // dragging the scrollbar thumb
  float scrollbar_grab = 0.5f; // where on the thumb it was pressed (0..1)
  int click_count = 0;
  double last_click_ms = 0;
  float last_click_x = 0, last_click_y = 0;
  bool moved_since_press = false;
  bool caret_mode = false;  // a keyboard caret is shown

  // Touch
  TouchMode touch = TouchMode::none;
  long touch_id = -1;
  float touch_start_x = 0, touch_start_y = 0, touch_last_y = 0;
  double touch_last_ms = 0;
  float velocity = 0;  // device pixels per ms, for momentum after a flick
  long long_press_timer = 0;
  bool touch_ui = false;  // the last selection was made by touch: handles, toolbar below

  // Toolbar and notice, as drawn in the last frame (device pixels)
  ImVec2 toolbar_min{0, 0}, toolbar_max{0, 0};
  bool toolbar_shown = false;
  struct Button {
    std::string label;
    ImVec2 min, max;
  };
  std::vector<Button> buttons;  // the labelled buttons drawn in the last frame, for tests
  ImVec2 notice_min{0, 0}, notice_max{0, 0};
  std::string notice;
  bool notice_can_export = false;

  // The overlap chooser: a click where several annotations overlap lists them (device
  // pixels, as drawn in the last frame).
  struct Chooser {
    bool open = false;
    ImVec2 at{0, 0};
    std::vector<std::string> ids;  // in (start, end, id) order
    ImVec2 min{0, 0}, max{0, 0};
    std::vector<std::pair<ImVec2, ImVec2>> items;
  } chooser;
  // The annotation flashed after a jump from the list, and when the flash began
  // (emscripten_get_now ms); set by ui_exports.cpp, drawn by the frame.
  std::string flash_id;
  double flash_started_ms = 0;
  // The selection as last told to JavaScript (notify_selection_if_changed).
  uint32_t notified_anchor = 0, notified_head = 0;
  std::string notified_annotation;

  // Strings handed to JavaScript: valid until the next call that returns one.
  std::string last_error;
  std::string scratch;
  std::optional<DocumentInfo> pending_info;  // a document being built block by block
  std::optional<BidiDirection> pending_direction;
  std::vector<Block> pending_blocks;
};

extern Canvas* g;

void request_frame(int extra = 2);
void draw_frame();  // at once (a resize must not show a blank canvas)
void install_input_handlers();
bool point_on_ui(float x, float y);  // over the toolbar, the chooser or the notice bar
// A click or tap on text: selects the innermost annotation at `position`; where several
// overlap, also opens the chooser at (x, y). False where there is none.
bool pick_annotations_at(uint32_t position, float x, float y);
void close_chooser();
void draw_chooser();
void draw_toolbar();  // toolbar.cpp
void draw_notice();
// The canvas's own labels, in the caption face through the glyph cache (ui_text.cpp):
// ImGui has no font of its own.
ImVec2 ui_text_size(std::string_view label);
void ui_text(ImDrawList* list, ImVec2 top_left, std::string_view label, ImU32 colour);
void ui_label(std::string_view label, ImU32 colour);       // a line of text as an ImGui item
bool ui_button(const char* id, std::string_view label);    // a button with a label
void ui_wrapped(std::string_view text, ImU32 colour);      // wrapped to the content width
// A command the reader gave was refused (nothing selected, …): tells the page, which
// announces the reason. Returns whether `result` succeeded.
template <class T>
bool report(const Result<T>& result) {
  if (!result) scholion_js_refused(result.error().describe().c_str());
  return result.ok();
}
// Hands a string to JavaScript: the pointer stays valid until the next such call.
const char* hand_over(std::string text);
// Keeps `message` as the last error and hands it to JavaScript likewise.
const char* fail(std::string message);
uint64_t random64();
Timestamp now_ms();
void notify_selection_if_changed();  // ui_exports.cpp

}  // namespace scholion::web
