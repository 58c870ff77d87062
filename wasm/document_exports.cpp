// The functions JavaScript calls to start the canvas and to show a document in it.
#include <emscripten.h>

#include <string>
#include <vector>

#include <imgui.h>

#include "core/formats/plain_text.hpp"
#include "core/formats/storage_format.hpp"
#include "core/model/document.hpp"
#include "wasm/canvas.hpp"

namespace scholion::web {
namespace {

// Shows a new document: its annotations start empty (storage brings them in).
const char* show(Result<Document> doc, std::optional<BidiDirection> direction = std::nullopt) {
  if (!doc) return fail(doc.error().describe());
  g->state.reset();
  g->orphans.clear();
  g->margin.invalidate();
  g->hovered.clear();
  g->reader.set_document(*doc, direction);
  g->annotations.emplace(now_ms, doc->length());
  g->annotations->subscribe([](const ChangeEvent& e) {
    g->margin.invalidate();
    g->orphans.follow(e, *g->annotations, now_ms());
    request_frame();
    // Merges bring in what storage (or another tab) already holds: nothing to save or
    // to announce. The reader's own changes, undo and redo are saved and announced.
    if (e.origin == ChangeOrigin::merge) return;
    const std::string json = dump_json(annotation_to_json(e.annotation));
    scholion_js_annotations_changed(static_cast<int>(e.kind), static_cast<int>(e.origin), json.c_str());
  });
  g->state.emplace(*doc, *g->annotations, random64);
  request_frame();
  return "";
}

}  // namespace
}  // namespace scholion::web

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
  // ImGui draws no text (the canvas's labels go through the glyph cache), so its atlas is
  // the smallest that lets it run: one font without glyphs and one white texel (texture 1)
  // for shapes. Nothing of ImGui's font baking is linked in.
  ImFontAtlas& atlas = *io.Fonts;
  atlas.Flags |= ImFontAtlasFlags_NoBakedLines | ImFontAtlasFlags_NoMouseCursors;
  ImFont* font = IM_NEW(ImFont)();
  font->ContainerAtlas = &atlas;
  font->FontSize = 14;
  atlas.Fonts.push_back(font);
  atlas.TexWidth = atlas.TexHeight = 1;
  atlas.TexUvScale = ImVec2(1, 1);
  atlas.TexUvWhitePixel = ImVec2(0.5f, 0.5f);
  atlas.TexReady = true;
  atlas.SetTexID(reinterpret_cast<ImTextureID>(kWhiteTexture));
  io.FontDefault = font;
  ImGui::GetStyle().AntiAliasedLinesUseTex = false;
  install_input_handlers();
  return 1;
}

// The font stack, or a web font it names, changed (document.fonts loaded one): measure
// and rasterise everything again.
EMSCRIPTEN_KEEPALIVE void scholion_fonts_changed() {
  g->text.fonts_changed();
  request_frame();
}

// The canvas's CSS size or the pixel ratio changed (JavaScript has already sized the
// backing store, which clears it): lay out and draw at once, so no blank frame shows.
EMSCRIPTEN_KEEPALIVE void scholion_resize(float css_width, float css_height, float dpr) {
  g->css_width = css_width;
  g->css_height = css_height;
  g->dpr = dpr > 0 ? dpr : 1;
  g->text.set_scale(g->dpr);
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
// `direction` is the article's `dir`: 0 none (each paragraph its own), 1 ltr, 2 rtl.
EMSCRIPTEN_KEEPALIVE void scholion_doc_begin(const char* id, const char* title, const char* url, int direction) {
  g->pending_info = DocumentInfo{id, normalize_block_text(title), url};
  g->pending_blocks.clear();
  g->pending_direction.reset();
  if (direction == 1) g->pending_direction = BidiDirection::ltr;
  if (direction == 2) g->pending_direction = BidiDirection::rtl;
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
  return show(std::move(doc), g->pending_direction);
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
  return hand_over(dump_json(out));
}

}  // extern "C"
