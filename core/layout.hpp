// Text layout of a document into lines, over an abstract font-metrics interface, so
// line breaking and geometry are tested natively with a fake font and drawn in the
// browser with the real one. Units are whatever the metrics use (device pixels in the
// canvas); positions are code points into the document's plain text.
#pragma once

#include <cstdint>
#include <vector>

#include "core/document.hpp"

namespace scholion {

enum class TextStyle : uint8_t { body, heading1, heading2, heading3, caption, count };

class FontMetrics {
 public:
  virtual ~FontMetrics() = default;
  virtual float advance(char32_t cp, TextStyle style) const = 0;  // pen advance
  virtual float line_height(TextStyle style) const = 0;           // baseline to baseline
};

struct LayoutOptions {
  float width = 800;         // the canvas width
  float margin = 16;         // kept clear on both sides, and above the first line
  float max_measure_em = 34; // the readable measure, in body line heights (≈70 chars)
};

struct Line {
  uint32_t start = 0;  // first code point
  uint32_t end = 0;    // one past the last code point drawn (trailing spaces excluded)
  uint32_t block = 0;  // index into Document::blocks()
  TextStyle style = TextStyle::body;
  float x = 0;         // left edge of the text
  float y = 0;         // top of the line box
  float height = 0;
};

class Layout {
 public:
  Layout() = default;
  Layout(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options);

  const std::vector<Line>& lines() const { return lines_; }
  float height() const { return height_; }
  float column_left() const { return column_left_; }
  float column_width() const { return column_width_; }

  // Lines whose boxes intersect [top, bottom), as index range [first, last). O(log n).
  std::pair<std::size_t, std::size_t> visible(float top, float bottom) const;

 private:
  std::vector<Line> lines_;
  float height_ = 0;
  float column_left_ = 0;
  float column_width_ = 0;
};

TextStyle style_for(const Block& block);

// Code points drawn with no glyph and no width: format controls (ZWJ, word joiner, BOM,
// bidi marks), variation selectors, tag characters, soft hyphen, and line feeds.
bool is_invisible(char32_t cp);

}  // namespace scholion
