// For tests and diagnostics only: what the canvas drew, where, and how fast. The shipped
// scripts expose these on the handle's `debug` object, never to publishers.
#include <emscripten.h>

#include <string>

#include "core/formats/json_input.hpp"
#include "core/text/utf8.hpp"
#include "wasm/canvas.hpp"

using namespace scholion;
using namespace scholion::web;

extern "C" {

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

}  // extern "C"
