// For tests and diagnostics only: what the canvas drew, where, and how fast. The shipped
// scripts expose these on the handle's `debug` object, never to publishers.
#include <emscripten.h>

#include <string>

#include "core/formats/json_input.hpp"
#include "core/text/utf8.hpp"
#include "wasm/canvas.hpp"
#include "wasm/palette.hpp"

using namespace scholion;
using namespace scholion::web;

extern "C" {

EMSCRIPTEN_KEEPALIVE uint32_t scholion_frame_count() { return g ? g->frames_drawn : 0; }
EMSCRIPTEN_KEEPALIVE uint32_t scholion_lines_drawn() { return static_cast<uint32_t>(g->lines_drawn); }
EMSCRIPTEN_KEEPALIVE double scholion_last_frame_ms() { return g->last_frame_cpu_ms; }
EMSCRIPTEN_KEEPALIVE float scholion_scroll() { return g->reader.scroll() / g->dpr; }

// The runs of the lines on screen, as the last frame drew them: [{text, rtl, x, y, width,
// height, ink: [w, h] or null, colour}] — x, y the run's left edge and line top, width and
// height its advance and line height (CSS pixels, canvas-relative); ink the size of its
// rasterised box in the glyph atlas (device pixels; [0, 0] for runs with no ink), null if
// it is not in the cache.
EMSCRIPTEN_KEEPALIVE const char* scholion_visible_runs_json() {
  Json out = Json::array();
  if (!g->reader.has_layout()) return hand_over(dump_json(out));
  const Layout& layout = g->reader.layout();
  const auto [first, last] = layout.visible(g->reader.scroll(), g->reader.scroll() + g->reader.viewport_height());
  const std::string_view text = g->reader.document()->text();
  const TextOffsets& offsets = g->reader.document()->offsets();
  const float k = 1 / g->dpr;
  std::vector<GlyphRun> runs;
  for (std::size_t i = first; i < last; ++i) {
    const Line& line = layout.lines()[i];
    runs.clear();
    layout.line_runs(i, runs);
    for (const GlyphRun& run : runs) {
      std::u32string cps;
      std::size_t at = offsets.byte_at(run.start);
      for (uint32_t cp = run.start; cp < run.end; ++cp) cps.push_back(next_code_point(text, at));
      GlyphCache::Ink ink;
      const bool cached = g->glyphs.find(cps, face_of(line.style), run.rtl, kInk, ink);
      out.push_back(Json{{"text", to_utf8(cps)}, {"rtl", run.rtl}, {"style", static_cast<int>(line.style)},
                         {"x", run.x * k}, {"y", g->reader.to_screen_y(line.y) * k},
                         {"width", run.width * k}, {"height", line.height * k},
                         {"ink", cached ? Json::array({ink.width, ink.height}) : Json()},
                         {"colour", ink.colour}});
    }
  }
  return hand_over(dump_json(out));
}

// The visible lines as [{"start", "end", "x", "y", "width", "rtl"}] (code points; CSS
// pixels, canvas-relative) and the text column {"left", "width"}: to compare the canvas's
// line breaks with the browser's own.
EMSCRIPTEN_KEEPALIVE const char* scholion_layout_lines_json() {
  Json out = {{"lines", Json::array()}, {"column", nullptr}};
  if (!g->reader.has_layout()) return hand_over(dump_json(out));
  const Layout& layout = g->reader.layout();
  const float k = 1 / g->dpr;
  const auto [first, last] = layout.visible(g->reader.scroll(), g->reader.scroll() + g->reader.viewport_height());
  for (std::size_t i = first; i < last; ++i) {
    const Line& l = layout.lines()[i];
    out["lines"].push_back({{"start", l.start}, {"end", l.end}, {"x", l.x * k}, {"y", g->reader.to_screen_y(l.y) * k},
                            {"width", l.width * k}, {"rtl", l.rtl}});
  }
  out["column"] = {{"left", layout.column_left() * k}, {"width", layout.column_width() * k}};
  return hand_over(dump_json(out));
}

// The glyph cache and the metrics cache: entries, runs rasterised and measured, texture
// memory.
EMSCRIPTEN_KEEPALIVE const char* scholion_glyph_stats_json() {
  const GlyphCache::Stats s = g->glyphs.stats();
  return hand_over(dump_json(Json{
      {"entries", s.entries}, {"rasterised", s.rasterised}, {"shelves_emptied", s.evicted},
      {"shelves", s.shelves}, {"atlas_rows_used", s.used_height},
      {"atlas_size", GlyphCache::kAtlasSize}, {"texture_bytes", s.texture_bytes},
      {"measured", g->text.misses()}, {"measure_hits", g->text.hits()}, {"measures_cached", g->text.cached()}}));
}

// For benchmarks: measures every space-separated word of the shown text in the body face
// with the metrics cache emptied first, as a layout that measures whole runs would:
// {words, distinct, ms}.
EMSCRIPTEN_KEEPALIVE const char* scholion_bench_measure_words() {
  const auto& doc = g->reader.document();
  if (!doc || !g->text.ready()) return "null";
  const std::u32string text = to_utf32(doc->text());
  g->text.clear_cache();
  const uint64_t misses = g->text.misses();
  const double t0 = emscripten_get_now();
  std::size_t words = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t j = i;
    while (j < text.size() && text[j] != U' ' && text[j] != U'\n') ++j;
    if (j > i) {
      g->text.measure(std::u32string_view(text).substr(i, j - i), Face::body);
      ++words;
    }
    i = j + 1;
  }
  const double ms = emscripten_get_now() - t0;
  return hand_over(dump_json(Json{{"words", words}, {"distinct", g->text.misses() - misses}, {"ms", ms}}));
}

// Screen rectangle (CSS pixels, canvas-relative) of code point range [from, to)'s first
// piece, with `rects`, all of them (several on a line that mixes directions), or null when
// it is not laid out: lets tests aim real pointer input.
EMSCRIPTEN_KEEPALIVE const char* scholion_range_rect(uint32_t from, uint32_t to) {
  if (!g->reader.has_layout()) return "null";
  const auto rects = g->reader.layout().selection_rects(from, to);
  if (rects.empty()) return "null";
  const Rect& r = rects.front();
  const float k = 1 / g->dpr;
  const auto css = [&](const Rect& q) {
    return Json{{"x", q.x * k}, {"y", g->reader.to_screen_y(q.y) * k}, {"width", q.width * k}, {"height", q.height * k}};
  };
  Json out = css(r);
  out["lines"] = rects.size();  // rectangles: one per line, or more on a mixed line
  out["rects"] = Json::array();
  for (const Rect& q : rects) out["rects"].push_back(css(q));
  return hand_over(dump_json(out));
}

// The toolbar's rectangle (CSS pixels, canvas-relative) as last drawn, or null; with
// `buttons`: each labelled button's label and rectangle.
EMSCRIPTEN_KEEPALIVE const char* scholion_toolbar_rect() {
  if (!g->toolbar_shown) return "null";
  const float k = 1 / g->dpr;
  Json buttons = Json::array();
  for (const Canvas::Button& b : g->buttons) {
    buttons.push_back(Json{{"label", b.label}, {"x", b.min.x * k}, {"y", b.min.y * k},
                           {"width", (b.max.x - b.min.x) * k}, {"height", (b.max.y - b.min.y) * k}});
  }
  Json out = {{"x", g->toolbar_min.x * k}, {"y", g->toolbar_min.y * k},
              {"width", (g->toolbar_max.x - g->toolbar_min.x) * k},
              {"height", (g->toolbar_max.y - g->toolbar_min.y) * k}, {"buttons", buttons}};
  return hand_over(dump_json(out));
}

}  // extern "C"
