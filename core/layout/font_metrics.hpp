// The font-metrics interface layout is computed over: a fixed-advance fake in the native
// tests, ImGui's fonts in the canvas. Units are whatever the metrics use (device pixels
// in the canvas) and are the units of every layout coordinate.
#pragma once

#include <cstdint>

namespace scholion {

// How a block's text is set; the metrics decide what each style looks like (headings
// larger and bold).
enum class TextStyle : uint8_t { body, heading1, heading2, heading3, caption, count };

class FontMetrics {
 public:
  virtual ~FontMetrics() = default;
  virtual float advance(char32_t cp, TextStyle style) const = 0;  // pen advance
  virtual float line_height(TextStyle style) const = 0;           // baseline to baseline
};

// Code points drawn with no glyph and no width: format controls (ZWJ, word joiner, BOM,
// bidi marks), variation selectors, tag characters, soft hyphen, and line feeds (every
// code point that ends a line: LF, CR, VT, FF, NEL, U+2028, U+2029).
bool is_invisible(char32_t cp);

// The advance layout uses: zero for invisible code points, the metrics' otherwise.
inline float advance_of(const FontMetrics& metrics, char32_t cp, TextStyle style) {
  return is_invisible(cp) ? 0.0f : metrics.advance(cp, style);
}

}  // namespace scholion
