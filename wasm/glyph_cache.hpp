// The glyph cache: shaped runs of text rasterised by the browser (fillText on a 2D canvas,
// in the face's CSS font at device pixels, direction from the run) into one RGBA atlas
// texture, and drawn from it as textured quads on an ImDrawList.
//
// Atlas: kAtlasSize × kAtlasSize RGBA (2048² × 4 B = 16 MiB of texture memory), packed in
// shelves (rows of one height class). Entries are keyed by (face, direction, colour run,
// text) and remember the frame they were last drawn in; when the atlas is full, the least
// recently drawn shelf is emptied (every entry on it forgotten) and reused. A change of the
// pixel ratio or of the fonts (BrowserText::generation) drops everything.
//
// Colour. Text is rasterised white and tinted by the quad's vertex colour, so one entry
// serves every ink. Runs with colour glyphs (Extended_Pictographic, regional indicators,
// keycaps) are rasterised with their ink already applied (emoji keep their own colours)
// and drawn with a white vertex colour, so nothing tints them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "wasm/browser_text.hpp"

namespace scholion::web {

// Texture ids of the canvas's renderer (library_scholion.js): ImGui's own atlas (one
// white texel: ImGui draws shapes with it and no text) and the glyph atlas.
inline constexpr intptr_t kWhiteTexture = 1;
inline constexpr intptr_t kGlyphTexture = 2;

// Whether a run holds colour glyphs (drawn untinted).
bool has_colour_glyphs(std::u32string_view run);

class GlyphCache {
 public:
  static constexpr int kAtlasSize = 2048;

  explicit GlyphCache(const BrowserText& text) : text_(text) {}

  // Before drawing a frame: creates the atlas texture once, drops everything when the
  // metrics changed, and starts a new frame for the LRU.
  void begin_frame();

  // Draws `run` with its pen origin (left end of its advance, on the baseline) at
  // (x, baseline), device pixels, snapped to whole pixels.
  void draw(ImDrawList* list, std::u32string_view run, Face face, float x, float baseline,
            ImU32 colour, bool rtl = false);
  // The same for UTF-8 text; direction from its letters.
  void draw_utf8(ImDrawList* list, std::string_view run, Face face, float x, float baseline,
                 ImU32 colour);

  // What a cached run looks like in the atlas (for tests): its ink box size in pixels.
  struct Ink {
    int width = 0, height = 0;
    bool colour = false;
  };
  // The entry the last draw of `run` used, if it is cached.
  bool find(std::u32string_view run, Face face, bool rtl, ImU32 colour, Ink& out) const;

  struct Stats {
    std::size_t entries = 0;
    uint64_t rasterised = 0;  // runs rasterised since start
    uint64_t evicted = 0;     // shelves emptied to make room
    int shelves = 0;
    int used_height = 0;      // of the atlas, in pixels
    std::size_t texture_bytes = 0;
  };
  Stats stats() const;
  // A frame could not fit its runs: the atlas is cleared and the frame drawn again.
  bool wants_redraw() const { return redraw_; }

 private:
  struct Entry {
    int x = 0, y = 0, w = 0, h = 0;  // in the atlas
    int ox = 0, oy = 0;              // the pen origin inside that box
    int shelf = -1;                  // -1: nothing to draw (spaces, invisible marks)
    uint32_t used = 0;               // frame last drawn in
    bool colour = false;
  };
  struct Shelf {
    int y = 0, height = 0, x = 0;
    uint32_t used = 0;
  };
  const std::u32string& key_for(std::u32string_view run, Face face, bool rtl, bool colour, ImU32 ink) const;
  Entry* lookup_or_rasterise(std::u32string_view run, Face face, bool rtl, ImU32 ink);
  bool allocate(int w, int h, Entry& entry);
  void clear();

  const BrowserText& text_;
  std::unordered_map<std::u32string, Entry> entries_;
  std::vector<Shelf> shelves_;
  mutable std::u32string key_;
  std::u32string scratch_;
  int next_shelf_y_ = 0;
  uint32_t frame_ = 1;
  uint32_t generation_ = UINT32_MAX;
  bool created_ = false;
  bool redraw_ = false;
  bool cleared_this_frame_ = false;
  uint64_t rasterised_ = 0, evicted_ = 0;
};

}  // namespace scholion::web
