#include "wasm/glyph_cache.hpp"

#include <algorithm>
#include <cmath>

#include "core/text/bidi.hpp"
#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"

// In library_scholion.js.
extern "C" {
void scholion_gl_atlas(int texture, int size);
void scholion_glyph_ink(int face, const char32_t* run, int length, int rtl, int colour_run,
                        unsigned ink, double* box);
void scholion_glyph_upload(int x, int y, int width, int height, int origin_x, int origin_y);
}

namespace scholion::web {
namespace {

constexpr int kPad = 1;        // transparent pixels around each run's ink
constexpr int kHeightStep = 8; // shelves come in height classes of this many pixels

}  // namespace

bool has_colour_glyphs(std::u32string_view run) {
  for (char32_t cp : run) {
    if (is_extended_pictographic(cp) || (cp >= 0x1F1E6 && cp <= 0x1F1FF) || cp == 0x20E3) return true;
  }
  return false;
}

void GlyphCache::begin_frame() {
  if (!created_) {
    scholion_gl_atlas(static_cast<int>(kGlyphTexture), kAtlasSize);
    created_ = true;
  }
  cleared_this_frame_ = false;
  if (generation_ != text_.generation() || redraw_) {
    generation_ = text_.generation();
    clear();
    cleared_this_frame_ = true;
  }
  redraw_ = false;
  ++frame_;
}

void GlyphCache::clear() {
  entries_.clear();
  shelves_.clear();
  next_shelf_y_ = 0;
}

const std::u32string& GlyphCache::key_for(std::u32string_view run, Face face, bool rtl, bool colour,
                                          ImU32 ink) const {
  key_.assign(1, static_cast<char32_t>(static_cast<unsigned>(face) | (rtl ? 0x100u : 0) |
                                        (colour ? 0x200u : 0)));
  // Colour runs are rasterised in their ink: one entry per ink.
  if (colour) key_.push_back(static_cast<char32_t>(ink));
  key_.append(run);
  return key_;
}

bool GlyphCache::allocate(int w, int h, Entry& entry) {
  const int height = (h + kHeightStep - 1) / kHeightStep * kHeightStep;
  const auto fits = [&](const Shelf& s) { return s.height >= height && s.height <= height + height / 4 + kHeightStep; };
  int chosen = -1;
  for (std::size_t i = 0; i < shelves_.size(); ++i) {
    if (fits(shelves_[i]) && shelves_[i].x + w <= kAtlasSize) {
      chosen = static_cast<int>(i);
      break;
    }
  }
  if (chosen < 0 && next_shelf_y_ + height <= kAtlasSize) {
    shelves_.push_back(Shelf{next_shelf_y_, height, 0, frame_});
    next_shelf_y_ += height;
    chosen = static_cast<int>(shelves_.size() - 1);
  }
  if (chosen < 0) {
    // Full: empty the shelf drawn least recently (never one drawn in this frame).
    for (std::size_t i = 0; i < shelves_.size(); ++i) {
      const Shelf& s = shelves_[i];
      if (s.height >= height && s.used < frame_ && (chosen < 0 || s.used < shelves_[static_cast<std::size_t>(chosen)].used)) {
        chosen = static_cast<int>(i);
      }
    }
    if (chosen < 0) return false;
    std::erase_if(entries_, [&](const auto& item) { return item.second.shelf == chosen; });
    shelves_[static_cast<std::size_t>(chosen)].x = 0;
    ++evicted_;
  }
  Shelf& s = shelves_[static_cast<std::size_t>(chosen)];
  entry.x = s.x;
  entry.y = s.y;
  entry.shelf = chosen;
  s.x += w + kPad;
  return true;
}

GlyphCache::Entry* GlyphCache::lookup_or_rasterise(std::u32string_view run, Face face, bool rtl, ImU32 ink) {
  const bool colour = has_colour_glyphs(run);
  const std::u32string& key = key_for(run, face, rtl, colour, ink);
  const auto found = entries_.find(key);
  if (found != entries_.end()) return &found->second;

  Entry entry;
  entry.colour = colour;
  double box[4] = {0, 0, 0, 0};  // ink left of and right of the pen, above and below the baseline
  scholion_glyph_ink(static_cast<int>(face), run.data(), static_cast<int>(run.size()), rtl ? 1 : 0,
                     colour ? 1 : 0, ink, box);
  if (box[0] + box[1] > 0 && box[2] + box[3] > 0) {
    entry.ox = static_cast<int>(std::ceil(box[0])) + kPad;
    entry.oy = static_cast<int>(std::ceil(box[2])) + kPad;
    entry.w = std::min(kAtlasSize, entry.ox + static_cast<int>(std::ceil(box[1])) + kPad);
    entry.h = std::min(kAtlasSize, entry.oy + static_cast<int>(std::ceil(box[3])) + kPad);
    if (!allocate(entry.w, entry.h, entry)) {
      // This frame alone fills the atlas: clear it and draw again (once).
      if (!cleared_this_frame_) redraw_ = true;
      return nullptr;
    }
    scholion_glyph_upload(entry.x, entry.y, entry.w, entry.h, entry.ox, entry.oy);
    ++rasterised_;
  }
  return &entries_.emplace(key_, entry).first->second;
}

void GlyphCache::draw(ImDrawList* list, std::u32string_view run, Face face, float x, float baseline,
                      ImU32 colour, bool rtl) {
  if (run.empty()) return;
  Entry* e = lookup_or_rasterise(run, face, rtl, colour);
  if (!e || e->shelf < 0) return;
  e->used = frame_;
  shelves_[static_cast<std::size_t>(e->shelf)].used = frame_;
  const float x0 = std::round(x) - static_cast<float>(e->ox);
  const float y0 = std::round(baseline) - static_cast<float>(e->oy);
  constexpr float k = 1.0f / kAtlasSize;
  list->AddImage(reinterpret_cast<ImTextureID>(kGlyphTexture), ImVec2(x0, y0),
                 ImVec2(x0 + static_cast<float>(e->w), y0 + static_cast<float>(e->h)),
                 ImVec2(static_cast<float>(e->x) * k, static_cast<float>(e->y) * k),
                 ImVec2(static_cast<float>(e->x + e->w) * k, static_cast<float>(e->y + e->h) * k),
                 e->colour ? IM_COL32_WHITE : colour);
}

void GlyphCache::draw_utf8(ImDrawList* list, std::string_view run, Face face, float x, float baseline,
                           ImU32 colour) {
  scratch_.clear();
  for (std::size_t i = 0; i < run.size();) scratch_.push_back(next_code_point(run, i));
  draw(list, scratch_, face, x, baseline, colour, paragraph_direction(scratch_) == BidiDirection::rtl);
}

bool GlyphCache::find(std::u32string_view run, Face face, bool rtl, ImU32 colour, Ink& out) const {
  const bool colour_run = has_colour_glyphs(run);
  const auto found = entries_.find(key_for(run, face, rtl, colour_run, colour));
  if (found == entries_.end()) return false;
  out.width = found->second.shelf < 0 ? 0 : found->second.w;
  out.height = found->second.shelf < 0 ? 0 : found->second.h;
  out.colour = found->second.colour;
  return true;
}

GlyphCache::Stats GlyphCache::stats() const {
  Stats s;
  s.entries = entries_.size();
  s.rasterised = rasterised_;
  s.evicted = evicted_;
  s.shelves = static_cast<int>(shelves_.size());
  s.used_height = next_shelf_y_;
  s.texture_bytes = created_ ? static_cast<std::size_t>(kAtlasSize) * kAtlasSize * 4 : 0;
  return s;
}

}  // namespace scholion::web
