// The canvas's frame loop and the functions JavaScript calls. One module instance
// drives one canvas; input arrives in input.cpp.
//
// [SECTION] State and helpers
// [SECTION] Frames: drawn only when something changed
// [SECTION] Toolbar and notice (ImGui)
// [SECTION] Exports to JavaScript
#include <emscripten.h>
#include <emscripten/html5.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <imgui.h>

#include "core/formats/plain_text.hpp"
#include "core/anchoring/anchoring.hpp"
#include "core/anchoring/reanchoring.hpp"
#include "core/formats/markdown_export.hpp"
#include "core/formats/storage_format.hpp"
#include "core/text/utf8.hpp"
#include "core/formats/w3c_format.hpp"
#include "wasm/canvas.hpp"

namespace scholion::web {

// [SECTION] State and helpers

Canvas* g = nullptr;

Timestamp now_ms() { return static_cast<Timestamp>(emscripten_date_now()); }

const char* hand_over(std::string text) {
  g->scratch = std::move(text);
  return g->scratch.c_str();
}

uint64_t random64() {
  uint64_t v = 0;
  getentropy(&v, sizeof v);  // crypto.getRandomValues underneath
  return v;
}

namespace {

bool inside(ImVec2 min, ImVec2 max, float x, float y) {
  return x >= min.x && x < max.x && y >= min.y && y < max.y;
}

StoredDocument stored_document() {
  const Document& doc = *g->reader.document();
  StoredDocument stored;
  stored.document = {doc.id(), doc.title(), doc.source_url(), doc.fingerprint()};
  for (const Annotation* a : g->annotations->all()) stored.annotations.push_back(*a);
  stored.tombstones = g->annotations->tombstones();
  return stored;
}

const char* fail(std::string message) {
  g->last_error = std::move(message);
  return g->last_error.c_str();
}

// Undo of an attach makes the annotation an orphan again, redo attaches it again.
void follow_attached_orphans(const ChangeEvent& e) {
  const auto it = std::find_if(g->attached_orphans.begin(), g->attached_orphans.end(),
                               [&](const Annotation& a) { return a.id == e.annotation.id; });
  if (it == g->attached_orphans.end()) return;
  if (e.origin == ChangeOrigin::undo && e.kind == ChangeKind::removed) {
    Annotation orphan = *it;
    orphan.modified = now_ms() + 1;  // newer than the tombstone the undo just left
    keep_orphan(std::move(orphan));
  } else if (e.origin == ChangeOrigin::redo && e.kind == ChangeKind::added) {
    drop_live_orphans();
  }
}

// Shows a new document: its annotations start empty (storage brings them in).
const char* show(Result<Document> doc) {
  if (!doc) return fail(doc.error().describe());
  g->fonts.want_glyphs(doc->text());
  g->state.reset();
  g->orphans.clear();
  g->attached_orphans.clear();
  g->margin.invalidate();
  g->hovered.clear();
  g->reader.set_document(*doc);
  g->annotations.emplace(now_ms, doc->length());
  g->annotations->subscribe([](const ChangeEvent& e) {
    g->margin.invalidate();
    follow_attached_orphans(e);
    request_frame();
    // Merges bring in what storage (or another tab) already holds: nothing to save or
    // to announce. The reader's own changes, undo and redo are saved and announced.
    if (e.origin == ChangeOrigin::merge) return;
    StoredDocument one;
    one.annotations.push_back(e.annotation);
    const std::string json = dump_json(storage_to_json(one)["annotations"][0]);
    scholion_js_annotations_changed(static_cast<int>(e.kind), static_cast<int>(e.origin), json.c_str());
  });
  g->state.emplace(*doc, *g->annotations, random64);
  request_frame();
  return "";
}

// [SECTION] Frames

void draw_frame();

EM_BOOL on_animation_frame(double, void*) {
  g->frame_requested = false;
  draw_frame();
  return EM_FALSE;
}

// Momentum after a flick: the scroll slows down over about a third of a second.
void step_momentum(double now) {
  if (g->velocity == 0) return;
  const double dt = std::min(50.0, now - g->last_frame_ms);
  const bool moved = g->reader.scroll_by(static_cast<float>(g->velocity * dt));
  g->velocity *= std::exp(static_cast<float>(-dt / 325.0));  // float exp: a smaller table than double's
  if (!moved || std::fabs(g->velocity) < 0.02f) g->velocity = 0;
  else request_frame(0);
}

}  // namespace

void request_frame(int extra) {
  g->extra_frames = std::max(g->extra_frames, extra);
  if (!g->frame_requested) {
    g->frame_requested = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
  }
}

bool keep_orphan(Annotation orphan) {
  const auto same = [&](const Annotation& k) { return k.id == orphan.id; };
  if (std::any_of(g->orphans.begin(), g->orphans.end(), same) || g->annotations->find(orphan.id)) return false;
  for (const Tombstone& t : g->annotations->tombstones()) {
    if (t.id == orphan.id && t.deleted >= orphan.modified) return false;
  }
  g->orphans.push_back(std::move(orphan));
  return true;
}

void drop_live_orphans() {
  std::erase_if(g->orphans, [](const Annotation& o) { return g->annotations->find(o.id) != nullptr; });
}

bool point_on_ui(float x, float y) {
  return (g->toolbar_shown && inside(g->toolbar_min, g->toolbar_max, x, y)) ||
         (g->chooser.open && inside(g->chooser.min, g->chooser.max, x, y)) ||
         (!g->notice.empty() && inside(g->notice_min, g->notice_max, x, y));
}

namespace {

// [SECTION] Toolbar and notice

constexpr std::array<ImU32, 5> kSwatch = {
    IM_COL32(0xFF, 0xD4, 0x3B, 0xFF), IM_COL32(0x69, 0xDB, 0x7C, 0xFF),
    IM_COL32(0x74, 0xC0, 0xFC, 0xFF), IM_COL32(0xF7, 0x83, 0xAC, 0xFF),
    IM_COL32(0xB1, 0x97, 0xFC, 0xFF)};

// Next to a selection: five colours and "Copy quote" (and "Delete" on a highlight).
// Above the selection, or below it on touch, where the system's own menu does not go.
void draw_toolbar() {
  g->toolbar_shown = false;
  if (!g->state || g->dragging || g->touch == TouchMode::handle_from ||
      g->touch == TouchMode::handle_to) {
    return;
  }
  const Selection& sel = g->state->selection();
  if (sel.empty()) return;
  const Layout& layout = g->reader.layout();
  const Rect top = layout.caret_rect(sel.from(), Affinity::downstream);
  const Rect bottom = layout.caret_rect(sel.to(), Affinity::upstream);
  const float s = g->dpr;
  const float swatch = 22 * s;
  const ImVec2 size(5 * (swatch + 6 * s) + 190 * s + (g->state->selected_annotation() ? 70 * s : 0),
                    swatch + 14 * s);
  const float view_h = g->reader.viewport_height();
  float y = g->touch_ui ? g->reader.to_screen_y(bottom.bottom()) + 2.6f * g->reader.handle_radius()
                        : g->reader.to_screen_y(top.y) - size.y - 6 * s;
  if (y < 4 * s) y = g->reader.to_screen_y(bottom.bottom()) + 8 * s;
  y = std::clamp(y, 4 * s, std::max(4 * s, view_h - size.y - 4 * s));
  const float x = std::clamp(top.x - 8 * s, 4 * s, std::max(4 * s, ImGui::GetIO().DisplaySize.x - size.x - 4 * s));

  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(7 * s, 7 * s));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8 * s);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6 * s, 6 * s));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 5 * s);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0x24, 0x29, 0x2F, 0xF4));
  ImGui::Begin("##toolbar", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
  for (std::size_t i = 0; i < kPalette.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (i > 0) ImGui::SameLine();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("colour", ImVec2(swatch, swatch))) {
      g->state->set_last_color(kPalette[i]);
      (void)g->state->highlight(kPalette[i]);
    }
    const bool current = g->state->selected_annotation() && g->state->selected_annotation()->color == kPalette[i];
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 c(at.x + swatch / 2, at.y + swatch / 2);
    list->AddCircleFilled(c, swatch / 2 - (ImGui::IsItemHovered() ? 0 : 2 * s), kSwatch[i]);
    if (current) list->AddCircle(c, swatch / 2, IM_COL32_WHITE, 0, 2 * s);
    ImGui::PopID();
  }
  ImGui::SameLine();
  if (ImGui::Button("Copy quote")) scholion_js_copy(g->state->quote_with_citation().c_str());
  const Annotation* selected = g->state->selected_annotation();
  ImGui::SameLine();
  if (ImGui::Button(selected && !selected->note.empty() ? "Edit note" : "Note")) scholion_js_note_requested();
  if (selected) {
    ImGui::SameLine();
    if (ImGui::Button("Delete")) (void)g->state->delete_selected_annotation();
  }
  g->toolbar_min = ImGui::GetWindowPos();
  g->toolbar_max = ImVec2(g->toolbar_min.x + ImGui::GetWindowSize().x, g->toolbar_min.y + ImGui::GetWindowSize().y);
  g->toolbar_shown = true;
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(4);
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
  g->notice_min = ImGui::GetWindowPos();
  g->notice_max = ImVec2(g->notice_min.x + ImGui::GetWindowSize().x, g->notice_min.y + ImGui::GetWindowSize().y);
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
}

// Draws ImGui's lists with the canvas's renderer (library_scholion.js), clipped per command.
void render(const ImDrawData& data) {
  const int width = static_cast<int>(data.DisplaySize.x), height = static_cast<int>(data.DisplaySize.y);
  scholion_gl_begin(width, height);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    scholion_gl_buffers(list.VtxBuffer.Data, list.VtxBuffer.Size * static_cast<int>(sizeof(ImDrawVert)),
                        list.IdxBuffer.Data, list.IdxBuffer.Size * static_cast<int>(sizeof(ImDrawIdx)));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      const int x0 = std::max(0, static_cast<int>(cmd.ClipRect.x));
      const int y0 = std::max(0, static_cast<int>(cmd.ClipRect.y));
      const int x1 = std::min(width, static_cast<int>(cmd.ClipRect.z));
      const int y1 = std::min(height, static_cast<int>(cmd.ClipRect.w));
      if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
      scholion_gl_draw(x0, y0, x1, y1, static_cast<int>(cmd.ElemCount), static_cast<int>(cmd.IdxOffset));
    }
  }
}

void draw_frame() {
  if (!g->fonts.ready()) return;
  if (g->fonts.rebuild_if_needed()) {
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    scholion_gl_texture(atlas.TexPixelsAlpha8, atlas.TexWidth, atlas.TexHeight);
    g->reader.invalidate_layout();
  }
  const double now = emscripten_get_now();
  step_momentum(now);
  g->last_frame_ms = now;

  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(g->css_width * g->dpr, g->css_height * g->dpr);
  io.DisplayFramebufferScale = ImVec2(1, 1);  // we work in device pixels throughout
  io.MousePos = ImVec2(g->mouse_x, g->mouse_y);
  // ImGui 1.86 has no input queue: a press released before this frame still counts once.
  io.MouseDown[0] = g->pointer_on_ui && (g->mouse_down || g->mouse_pressed);
  g->mouse_pressed = false;

  ImGui::NewFrame();
  g->reader.set_viewport(io.DisplaySize.x, io.DisplaySize.y);
  DrawOptions options;
  options.annotations = g->annotations ? &*g->annotations : nullptr;
  options.state = g->state ? &*g->state : nullptr;
  options.show_caret = g->caret_mode && g->focused;
  options.show_handles = g->touch_ui;
  const Annotation* selected = g->state ? g->state->selected_annotation() : nullptr;
  const Annotation* hovered = g->annotations && !g->hovered.empty() ? g->annotations->find(g->hovered) : nullptr;
  options.emphasised = hovered ? hovered : selected;
  // A jump from the list: the annotation glows twice and fades over 900 ms.
  if (!g->flash_id.empty()) {
    const double t = (now - g->flash_started_ms) / 900.0;
    options.flashed = g->annotations ? g->annotations->find(g->flash_id) : nullptr;
    if (t >= 1 || !options.flashed) {
      g->flash_id.clear();
      options.flashed = nullptr;
    } else {
      options.flash = static_cast<float>((1 - t) * std::fabs(std::cos(t * 2 * M_PI)));
      request_frame(0);
    }
  }
  g->lines_drawn = g->reader.draw(ImGui::GetBackgroundDrawList(), options);
  if (g->annotations && g->reader.has_layout()) {
    g->margin.draw(ImGui::GetBackgroundDrawList(), g->reader, *g->annotations, g->fonts,
                   g->hovered, selected ? selected->id : std::string());
  }
  if (g->reader.has_layout()) {
    draw_toolbar();
    draw_chooser();
  }
  draw_notice();
  ImGui::Render();

  render(*ImGui::GetDrawData());
  ++g->frames_drawn;
  g->last_frame_cpu_ms = emscripten_get_now() - now;
  notify_selection_if_changed();

  if (g->extra_frames > 0) {
    --g->extra_frames;
    request_frame(0);
  }
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
  if (!scholion_gl_init()) return 0;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep frames coming
  install_input_handlers();
  return 1;
}

// Hands over a TrueType font: face 0 the text face, 1 + n chunk n of the manifest (see
// fonts.hpp). `bytes` is copied.
EMSCRIPTEN_KEEPALIVE void scholion_set_font(int face, const unsigned char* bytes, int size) {
  if (face < 0 || face > 4096) return;
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
  return show(document_from_plain_text(std::string_view(utf8, static_cast<std::size_t>(size)), id));
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
  return show(std::move(doc));
}

// --- Annotations and storage ---

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
  return hand_over(dump_json(storage_to_json(stored_document())["annotations"]));
}

// Screen rectangle (CSS pixels, canvas-relative) of code point range [from, to)'s first
// line, or null when it is not laid out on screen: lets tests aim real pointer input.
EMSCRIPTEN_KEEPALIVE const char* scholion_range_rect(uint32_t from, uint32_t to) {
  if (!g->reader.has_layout()) return "null";
  const auto rects = g->reader.layout().selection_rects(from, to);
  if (rects.empty()) return "null";
  const Rect& r = rects.front();
  const float k = 1 / g->dpr;
  Json out = {{"x", r.x * k}, {"y", g->reader.to_screen_y(r.y) * k}, {"width", r.width * k},
              {"height", r.height * k}, {"lines", rects.size()}};
  return hand_over(dump_json(out));
}

// The toolbar's rectangle (CSS pixels, canvas-relative) as last drawn, or null.
EMSCRIPTEN_KEEPALIVE const char* scholion_toolbar_rect() {
  if (!g->toolbar_shown) return "null";
  const float k = 1 / g->dpr;
  Json out = {{"x", g->toolbar_min.x * k}, {"y", g->toolbar_min.y * k},
              {"width", (g->toolbar_max.x - g->toolbar_min.x) * k},
              {"height", (g->toolbar_max.y - g->toolbar_min.y) * k}};
  return hand_over(dump_json(out));
}

// Scrolls so that code point `cp` is near the top (layout units → CSS via dpr).
EMSCRIPTEN_KEEPALIVE void scholion_scroll_to_position(uint32_t cp) {
  if (!g->reader.has_layout()) return;
  const Rect r = g->reader.layout().caret_rect(cp);
  g->reader.scroll_to(r.y - g->fonts.line_height(TextStyle::body));
  request_frame();
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
    Json out = storage_to_json(stored);
    if (!g->orphans.empty()) out["orphans"] = storage_to_json(StoredDocument{{}, g->orphans, {}})["annotations"];
    g->scratch = dump_json(out);
  }
  return g->scratch.c_str();
}

// Merges stored JSON (this tab's saved copy, or another tab's) into the annotations,
// per annotation. Annotations saved against another version of the text are anchored
// afresh; those that cannot be placed become orphans: kept (and saved) with their
// quote, never drawn on other text. Returns JSON:
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
  // Orphans saved earlier travel in an "orphans" list beside "annotations".
  std::vector<Annotation> orphans;
  // (A cheap look first: most stored documents have no orphans, and a second full
  // parse would cost more than the read itself.)
  if (auto parsed = std::string_view(json).find("\"orphans\"") == std::string_view::npos
                        ? Result<Json>(make_error("no orphans"))
                        : parse_json(json);
      parsed && parsed->contains("orphans")) {
    Json carrier = {{"schema", kStorageSchema}, {"document", *parsed->find("document")},
                    {"annotations", *parsed->find("orphans")}};
    auto read = read_storage_json(dump_json(carrier));
    if (!read) return answer("orphans: " + read.error().describe());
    orphans = std::move(read->annotations);
  }
  std::vector<Annotation> incoming = std::move(stored->annotations);
  std::vector<std::string> unplaced;  // ids that did not anchor in this text
  if (stored->document.fingerprint != g->reader.document()->fingerprint()) {
    const AnchorText text(*g->reader.document());
    std::vector<Annotation> placed;
    auto results = reanchor_all(incoming, text);
    for (std::size_t i = 0; i < results.size(); ++i) {
      Reanchored& r = results[i];
      if (!r.result.anchored()) {
        unplaced.push_back(r.annotation.id);
        orphans.push_back(std::move(r.annotation));
      } else {
        if (incoming[i].start != r.result.start || incoming[i].end != r.result.end) {
          report["moved"] = report["moved"].get<int>() + 1;
        }
        placed.push_back(std::move(r.annotation));
      }
    }
    incoming = std::move(placed);
  }
  auto merged = g->annotations->merge(std::move(incoming), stored->tombstones);
  if (!merged) return answer(merged.error().describe());
  // Orphans deleted here (or in the copy merged in) left tombstones: they stay deleted.
  // Reported: those that just failed to anchor, not those already known as orphans.
  drop_live_orphans();
  for (Annotation& o : orphans) {
    const bool fresh = std::find(unplaced.begin(), unplaced.end(), o.id) != unplaced.end();
    if (keep_orphan(o) && fresh) {
      report["orphaned"].push_back(storage_to_json(StoredDocument{{}, {std::move(o)}, {}})["annotations"][0]);
    }
  }
  return answer("");
}

// The orphans (annotations that could not be placed in this text) as stored JSON.
EMSCRIPTEN_KEEPALIVE const char* scholion_orphans_json() {
  return hand_over(dump_json(storage_to_json(StoredDocument{{}, g->orphans, {}})["annotations"]));
}

EMSCRIPTEN_KEEPALIVE void scholion_undo() { if (g->state) g->state->undo(); }
EMSCRIPTEN_KEEPALIVE void scholion_redo() { if (g->state) g->state->redo(); }

// Shows `text` in a bar over the canvas (empty: hides it), with an Export button.
EMSCRIPTEN_KEEPALIVE void scholion_set_notice(const char* text, int can_export) {
  g->notice = text;
  g->notice_can_export = can_export != 0;
  request_frame();
}

// For tests and diagnostics.
EMSCRIPTEN_KEEPALIVE uint32_t scholion_frame_count() { return g ? g->frames_drawn : 0; }
EMSCRIPTEN_KEEPALIVE uint32_t scholion_lines_drawn() { return static_cast<uint32_t>(g->lines_drawn); }
EMSCRIPTEN_KEEPALIVE double scholion_last_frame_ms() { return g->last_frame_cpu_ms; }
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
  return hand_over(dump_json(Json{{"title", doc->title()}, {"blocks", doc->blocks().size()},
                              {"length", doc->length()}, {"fingerprint", doc->fingerprint()}}));
}

}  // extern "C"
