// The canvas's text metrics: the browser's own text engine, asked through a 2D canvas
// context (measureText) in the article's typeface at device pixels. No font file ships:
// every script the reader's system can show, emoji and flags are measured exactly as the
// browser shapes them.
//
// Faces are the core's TextStyles (body, headings, caption) plus what only the canvas
// draws (bold captions in notes). Each is a CSS font — weight, size in device pixels and
// the font stack given at mount (the article's computed font-family) — built by
// library_scholion.js from set_scale().
//
// Measurements are cached by (face, run text): layout asks for every word of a document,
// most of them repeats, and a call into JavaScript costs far more than a lookup. The cache
// is dropped when the pixel ratio or the fonts change; generation() tells layouts built
// over the old metrics that they must be rebuilt.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/layout/break_opportunities.hpp"
#include "core/layout/font_metrics.hpp"

namespace scholion::web {

enum class Face : uint8_t { body, heading1, heading2, heading3, caption, caption_bold, count };

inline Face face_of(TextStyle style) { return static_cast<Face>(style); }

struct FaceSpec {
  bool bold;
  float css_px;  // size in CSS pixels
};

const FaceSpec& face_spec(Face face);

class BrowserText : public FontMetrics {
 public:
  // The pixel ratio (and, on the first call, the fonts) is set: every face is
  // (re)declared to JavaScript and the caches are dropped if it changed.
  void set_scale(float device_pixel_ratio);
  // The font stack or a web font it names has changed: drop every measurement.
  void fonts_changed();
  bool ready() const { return ready_; }
  float scale() const { return scale_; }
  // Changes whenever measurements may have changed (pixel ratio, fonts).
  uint32_t generation() const { return generation_; }

  float px(Face face) const { return face_spec(face).css_px * scale_; }
  // The font's ascent and descent (device pixels, both positive), as the browser reports
  // them for the face: where a baseline goes in a box.
  float ascent(Face face) const { return box_[static_cast<std::size_t>(face)][0]; }
  float descent(Face face) const { return box_[static_cast<std::size_t>(face)][1]; }
  float text_height(Face face) const { return ascent(face) + descent(face); }

  // The advance of `run` in `face` (device pixels): cached, else measured by the browser.
  float measure(std::u32string_view run, Face face) const;
  float measure_utf8(std::string_view run, Face face) const;

  // FontMetrics, in device pixels.
  float measure(std::u32string_view run, TextStyle style) const override {
    return measure(run, face_of(style));
  }
  float line_height(TextStyle style) const override;

  // For benchmarks: measurements served from the cache and asked of the browser.
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }
  std::size_t cached() const { return advances_.size(); }
  void clear_cache() { advances_.clear(); }

 private:
  void declare_faces();

  // Key: the face as the first code unit, then the run.
  mutable std::unordered_map<std::u32string, float> advances_;
  mutable std::u32string key_;  // reused: a lookup allocates nothing once grown
  mutable uint64_t hits_ = 0, misses_ = 0;
  float box_[static_cast<std::size_t>(Face::count)][2] = {};
  float scale_ = 1;
  bool ready_ = false;
  uint32_t generation_ = 0;
};

// Where words begin in Thai, Lao, Khmer and Myanmar text: the browser's Intl.Segmenter
// (its dictionaries), for the core's line breaking (break_opportunities.hpp).
class BrowserWords : public BreakOpportunities {
 public:
  void word_starts(std::u32string_view run, std::vector<uint32_t>& out) const override;
};

}  // namespace scholion::web
