// The canvas's platform layer: WebGL2 context, input from emscripten/html5.h, frames on
// demand, and the functions JavaScript calls. One module instance drives one canvas.
//
// [SECTION] State
// [SECTION] Frames: drawn only when something changed
// [SECTION] Input: mouse, wheel, touch, keys (keys only while the canvas has focus)
// [SECTION] Exports to JavaScript
#include <emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>

#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <unistd.h>

#include "core/annotation_set.hpp"
#include "core/document.hpp"
#include "core/markdown_export.hpp"
#include "core/storage_format.hpp"
#include "core/utf8.hpp"
#include "core/w3c_format.hpp"
#include "wasm/fonts.hpp"
#include "wasm/reader.hpp"

// In library_scholion.js.
extern "C" {
void scholion_bind_canvas(const char* selector);
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE scholion_create_webgl2_context();
void scholion_canvas_origin(double* left, double* top);
void scholion_js_annotations_changed();
void scholion_js_export_requested();
}

namespace scholion::web {
namespace {

// [SECTION] State

struct Canvas {
  std::string selector;  // "#id" of the <canvas>
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  float css_width = 0, css_height = 0, dpr = 1;
  FontSet fonts;
  Reader reader{fonts};
  bool frame_requested = false;
  int extra_frames = 0;        // ImGui settles popups and sizes over a few frames
  uint32_t frames_drawn = 0;   // read by tests: idle means this does not move
  std::size_t lines_drawn = 0;
  bool mouse_down = false, mouse_pressed = false;  // pressed: latched until drawn
  float mouse_x = -1, mouse_y = -1;                // device pixels, canvas-relative
  float touch_last_y = 0;
  std::string last_error;  // returned to JS, valid until the next call
  std::string scratch;     // likewise, for diagnostics
  std::optional<DocumentInfo> pending_info;  // document being built block by block
  std::vector<Block> pending_blocks;
  std::optional<AnnotationSet> annotations;  // of the shown document
  std::string notice;                        // a message for the reader, drawn on top
  bool notice_can_export = false;            // with an "Export" button
};

Canvas* g = nullptr;

// [SECTION] Frames

void draw_frame();

EM_BOOL on_animation_frame(double, void*) {
  g->frame_requested = false;
  draw_frame();
  return EM_FALSE;
}

void request_frame(int extra = 2) {
  g->extra_frames = std::max(g->extra_frames, extra);
  if (!g->frame_requested) {
    g->frame_requested = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
  }
}

Timestamp now_ms() { return static_cast<Timestamp>(emscripten_date_now()); }

uint64_t random64() {
  uint64_t v = 0;
  getentropy(&v, sizeof v);  // crypto.getRandomValues underneath
  return v;
}

// A bar across the top of the canvas with the current notice, if any.
void draw_notice() {
  if (g->notice.empty()) return;
  const ImGuiIO& io = ImGui::GetIO();
  const float pad = 10 * g->dpr;
  ImGui::SetNextWindowPos(ImVec2(pad, pad));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x - 2 * pad, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0x7A, 0x1F, 0x1F, 0xF2));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0xFF, 0xFF, 0xFF, 0xFF));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad * 0.8f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6 * g->dpr);
  ImGui::Begin("##notice", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(g->notice.c_str());
  ImGui::PopTextWrapPos();
  if (g->notice_can_export && ImGui::Button("Export annotations")) scholion_js_export_requested();
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
}

void draw_frame() {
  if (!g->fonts.ready()) return;
  if (g->fonts.rebuild_if_needed()) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    g->reader.invalidate_layout();
  }
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(g->css_width * g->dpr, g->css_height * g->dpr);
  io.DisplayFramebufferScale = ImVec2(1, 1);  // we work in device pixels throughout
  io.MousePos = ImVec2(g->mouse_x, g->mouse_y);
  io.MouseDown[0] = g->mouse_down || g->mouse_pressed;
  g->mouse_pressed = false;

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  g->reader.set_viewport(io.DisplaySize.x, io.DisplaySize.y);
  g->lines_drawn = g->reader.draw(ImGui::GetBackgroundDrawList(),
                                   g->annotations ? &*g->annotations : nullptr);
  draw_notice();
  ImGui::Render();

  emscripten_webgl_make_context_current(g->gl);
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x), static_cast<int>(io.DisplaySize.y));
  glClearColor(1, 1, 1, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++g->frames_drawn;

  if (g->extra_frames > 0) {
    --g->extra_frames;
    request_frame(0);
  }
}

// [SECTION] Input

void track_mouse(const EmscriptenMouseEvent* e) {
  double left = 0, top = 0;
  scholion_canvas_origin(&left, &top);
  g->mouse_x = static_cast<float>((e->clientX - left) * g->dpr);
  g->mouse_y = static_cast<float>((e->clientY - top) * g->dpr);
}

EM_BOOL on_mouse_down(int, const EmscriptenMouseEvent* e, void*) {
  track_mouse(e);
  if (e->button == 0) g->mouse_down = g->mouse_pressed = true;
  request_frame();
  return EM_FALSE;  // keep the browser's focus handling
}

// Move and up are watched on the window so a drag continues outside the canvas, but
// only acted on while a drag that started here is in progress.
EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*) {
  if (!g->mouse_down) return EM_FALSE;
  track_mouse(e);
  request_frame();
  return EM_FALSE;
}

EM_BOOL on_mouse_up(int, const EmscriptenMouseEvent* e, void*) {
  if (!g->mouse_down) return EM_FALSE;
  track_mouse(e);
  g->mouse_down = false;
  request_frame();
  return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  double dy = e->deltaY;  // normalised to CSS pixels
  if (e->deltaMode == DOM_DELTA_LINE) dy *= 40;
  if (e->deltaMode == DOM_DELTA_PAGE) dy *= g->css_height * 0.9;
  if (!g->reader.scroll_by(static_cast<float>(dy * g->dpr))) return EM_FALSE;  // page scrolls
  request_frame(0);
  return EM_TRUE;
}

EM_BOOL on_touch_start(int, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches < 1) return EM_FALSE;
  g->touch_last_y = static_cast<float>(e->touches[0].clientY);
  return EM_FALSE;
}

EM_BOOL on_touch_move(int, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches != 1) return EM_FALSE;
  const auto y = static_cast<float>(e->touches[0].clientY);
  const float dy = g->touch_last_y - y;
  g->touch_last_y = y;
  if (!g->reader.scroll_by(dy * g->dpr)) return EM_FALSE;
  request_frame(0);
  return EM_TRUE;
}

EM_BOOL on_key_down(int, const EmscriptenKeyboardEvent* e, void*) {
  if (e->ctrlKey || e->metaKey || e->altKey) return EM_FALSE;
  const std::string key = e->key;
  const float line = g->fonts.line_height(TextStyle::body);
  const float page = g->css_height * g->dpr * 0.9f;
  bool handled = true;
  if (key == "ArrowDown") g->reader.scroll_by(line);
  else if (key == "ArrowUp") g->reader.scroll_by(-line);
  else if (key == "PageDown" || (key == " " && !e->shiftKey)) g->reader.scroll_by(page);
  else if (key == "PageUp" || (key == " " && e->shiftKey)) g->reader.scroll_by(-page);
  else if (key == "Home") g->reader.scroll_to(0);
  else if (key == "End") g->reader.scroll_to(g->reader.page_height() * 1e6f);
  else handled = false;
  if (handled) request_frame(0);
  return handled ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_focus_change(int, const EmscriptenFocusEvent*, void*) {
  request_frame();
  return EM_FALSE;
}

void install_input_handlers() {
  const char* c = g->selector.c_str();
  emscripten_set_mousedown_callback(c, nullptr, false, on_mouse_down);
  emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_mouse_move);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_mouse_up);
  emscripten_set_wheel_callback(c, nullptr, false, on_wheel);
  emscripten_set_touchstart_callback(c, nullptr, false, on_touch_start);
  emscripten_set_touchmove_callback(c, nullptr, false, on_touch_move);
  emscripten_set_keydown_callback(c, nullptr, false, on_key_down);
  emscripten_set_focus_callback(c, nullptr, false, on_focus_change);
  emscripten_set_blur_callback(c, nullptr, false, on_focus_change);
}

StoredDocument stored_document() {
  const Document& doc = *g->reader.document();
  StoredDocument stored;
  stored.document = {doc.id(), doc.title(), doc.source_url(), doc.fingerprint()};
  for (const Annotation* a : g->annotations->all()) stored.annotations.push_back(*a);
  stored.tombstones = g->annotations->tombstones();
  return stored;
}

const char* report(const Result<Document>& doc) {
  if (!doc) {
    g->last_error = doc.error().describe();
    return g->last_error.c_str();
  }
  g->fonts.want_glyphs(doc->text());
  g->fonts.want_glyphs(doc->title());
  g->reader.set_document(*doc);
  g->annotations.emplace(now_ms, doc->length());
  g->annotations->subscribe([](const ChangeEvent&) {
    scholion_js_annotations_changed();
    request_frame();
  });
  request_frame();
  return "";
}

}  // namespace
}  // namespace scholion::web

// [SECTION] Exports to JavaScript
using namespace scholion;
using namespace scholion::web;

extern "C" {

// Starts the canvas handed over as Module.scholionCanvas, known to the html5.h event
// functions as `selector` ("#id"): the element may live in a shadow root, where
// document.querySelector cannot find it. 1 on success, 0 without WebGL 2.
EMSCRIPTEN_KEEPALIVE int scholion_init(const char* selector) {
  if (g) return 1;
  g = new Canvas();
  g->selector = selector;
  scholion_bind_canvas(selector);
  g->gl = scholion_create_webgl2_context();
  if (g->gl <= 0) return 0;
  emscripten_webgl_make_context_current(g->gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep frames coming
  ImGui_ImplOpenGL3_Init("#version 300 es");
  install_input_handlers();
  return 1;
}

// Hands over a TrueType font: face 0 regular, 1 bold, 2 + n symbol chunk n (see
// fonts.hpp). `bytes` is copied.
EMSCRIPTEN_KEEPALIVE void scholion_set_font(int face, const unsigned char* bytes, int size) {
  if (face < 0 || face > 64) return;
  g->fonts.set_face(static_cast<std::size_t>(face), std::vector<unsigned char>(bytes, bytes + size));
  request_frame();
}

// The canvas's CSS size or the pixel ratio changed (JavaScript has already sized the
// backing store, which clears it): lay out and draw at once, so no blank frame shows.
EMSCRIPTEN_KEEPALIVE void scholion_resize(float css_width, float css_height, float dpr) {
  g->css_width = css_width;
  g->css_height = css_height;
  g->dpr = dpr > 0 ? dpr : 1;
  g->fonts.set_scale(g->dpr);
  g->reader.invalidate_layout();
  draw_frame();
}

// Loads a plain-text document (see document_from_plain_text). Returns "" or the error.
EMSCRIPTEN_KEEPALIVE const char* scholion_load_plain_text(const char* utf8, int size,
                                                          const char* id) {
  return report(document_from_plain_text(std::string_view(utf8, static_cast<std::size_t>(size)), id));
}

// Builds a document block by block: begin, add_block for each, end (returns "" or the
// error). `kind` is a BlockKind; text arrives as the DOM gave it and is normalised here.
EMSCRIPTEN_KEEPALIVE void scholion_doc_begin(const char* id, const char* title, const char* url) {
  g->pending_info = DocumentInfo{id, normalize_block_text(title), url};
  g->pending_blocks.clear();
}

EMSCRIPTEN_KEEPALIVE void scholion_doc_add_block(int kind, int level, const char* text) {
  const auto k = static_cast<BlockKind>(kind);
  g->pending_blocks.push_back(Block{k, static_cast<uint8_t>(level),
                                    k == BlockKind::preformatted ? normalize_preformatted_text(text)
                                                                 : normalize_block_text(text)});
}

EMSCRIPTEN_KEEPALIVE const char* scholion_doc_end() {
  if (!g->pending_info) return "scholion_doc_end without scholion_doc_begin";
  auto doc = Document::make(std::move(*g->pending_info), std::move(g->pending_blocks));
  g->pending_info.reset();
  g->pending_blocks.clear();
  return report(doc);
}

// --- Annotations and storage ---

// Highlights [start, end) (code points) in a palette colour; returns "" or the error.
EMSCRIPTEN_KEEPALIVE const char* scholion_highlight(uint32_t start, uint32_t end, int color) {
  const auto& doc = g->reader.document();
  if (!doc || !g->annotations) return "no document is shown";
  if (start >= end || end > doc->length()) {
    g->last_error = "range [" + std::to_string(start) + ", " + std::to_string(end) +
                    ") is not inside the text (length " + std::to_string(doc->length()) + ")";
    return g->last_error.c_str();
  }
  if (color < 0 || color >= static_cast<int>(kPalette.size())) color = 0;
  Annotation a;
  a.id = make_uuid_v4(random64);
  a.start = start;
  a.end = end;
  a.quote = quote_from_document(*doc, start, end);
  a.color = kPalette[static_cast<std::size_t>(color)];
  auto added = g->annotations->add(std::move(a));
  if (!added) {
    g->last_error = added.error().describe();
    return g->last_error.c_str();
  }
  return "";
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
// per annotation. Returns "" or the reason it could not be read; nothing changes then.
EMSCRIPTEN_KEEPALIVE const char* scholion_merge_storage(const char* json) {
  if (!g->annotations) return "no document is shown";
  auto stored = read_storage_json(json);
  if (!stored) {
    g->last_error = stored.error().describe();
    return g->last_error.c_str();
  }
  if (stored->document.fingerprint != g->reader.document()->fingerprint()) {
    // The article changed since these were saved; re-anchoring places them again.
    // Until it does, keep them out of the set rather than on the wrong text.
    g->last_error = "the stored annotations belong to another version of this text (" +
                    stored->document.fingerprint + ")";
    return g->last_error.c_str();
  }
  auto merged = g->annotations->merge(stored->annotations, stored->tombstones);
  if (!merged) {
    g->last_error = merged.error().describe();
    return g->last_error.c_str();
  }
  return "";
}

EMSCRIPTEN_KEEPALIVE void scholion_undo() { if (g->annotations) g->annotations->undo(); }
EMSCRIPTEN_KEEPALIVE void scholion_redo() { if (g->annotations) g->annotations->redo(); }

// Shows `text` in a bar over the canvas (empty: hides it), with an Export button.
EMSCRIPTEN_KEEPALIVE void scholion_set_notice(const char* text, int can_export) {
  g->notice = text;
  g->notice_can_export = can_export != 0;
  request_frame();
}

// For tests and diagnostics.
EMSCRIPTEN_KEEPALIVE uint32_t scholion_frame_count() { return g ? g->frames_drawn : 0; }
EMSCRIPTEN_KEEPALIVE uint32_t scholion_lines_drawn() { return static_cast<uint32_t>(g->lines_drawn); }
EMSCRIPTEN_KEEPALIVE float scholion_scroll() { return g->reader.scroll() / g->dpr; }

// Code points of the shown text that no font can draw, as "U+XXXX U+YYYY".
EMSCRIPTEN_KEEPALIVE const char* scholion_missing_glyphs() {
  g->scratch.clear();
  for (char32_t cp : g->fonts.missing_glyphs()) {
    if (!g->scratch.empty()) g->scratch += ' ';
    g->scratch += format_code_point(cp);
  }
  return g->scratch.c_str();
}

// The shown document's plain text.
EMSCRIPTEN_KEEPALIVE const char* scholion_document_text() {
  const auto& doc = g->reader.document();
  return doc ? doc->text().c_str() : "";
}

// A summary of the shown document as JSON, for tests: title, block count, length.
EMSCRIPTEN_KEEPALIVE const char* scholion_document_summary() {
  const auto& doc = g->reader.document();
  if (!doc) return "null";
  std::string title;
  for (char c : doc->title()) {
    if (c == '"' || c == '\\') title += '\\';
    title += c;
  }
  g->scratch = "{\"title\":\"" + title + "\",\"blocks\":" + std::to_string(doc->blocks().size()) +
                  ",\"length\":" + std::to_string(doc->length()) + ",\"fingerprint\":\"" +
                  doc->fingerprint() + "\"}";
  return g->scratch.c_str();
}

}  // extern "C"
