// The font-metrics interface layout is computed over: a fixed-advance fake in the native
// tests, the browser's own text engine in the canvas. Units are whatever the metrics use
// (device pixels in the canvas) and are the units of every layout coordinate.
//
// The unit of measurement is a shaped run, not a code point: text that the platform
// shapes and draws as one piece (ligatures, Arabic joining, Indic conjuncts, emoji ZWJ
// sequences and flags are the platform's). Layout asks only for runs it also draws as
// one: at most the text between two break opportunities, of one direction.
#pragma once

#include <cstdint>
#include <string_view>

namespace scholion {

// How a block's text is set; the metrics decide what each style looks like (headings
// larger and bold).
enum class TextStyle : uint8_t { body, heading1, heading2, heading3, caption, count };

class FontMetrics {
 public:
  virtual ~FontMetrics() = default;
  // The advance of `run` drawn as one piece of text in `style`.
  virtual float measure(std::u32string_view run, TextStyle style) const = 0;
  virtual float line_height(TextStyle style) const = 0;  // baseline to baseline
};

// Code points drawn with no glyph and no width: format controls (ZWJ, word joiner, BOM,
// bidi marks), variation selectors, tag characters, soft hyphen, and line feeds (every
// code point that ends a line: LF, CR, VT, FF, NEL, U+2028, U+2029).
bool is_invisible(char32_t cp);

// The number of code points of `run` that are not invisible (what a fixed-advance font
// measures).
float visible_count(std::u32string_view run);

// The advance of one code point alone: zero for invisible code points.
inline float advance_of(const FontMetrics& metrics, char32_t cp, TextStyle style) {
  return is_invisible(cp) ? 0.0f : metrics.measure(std::u32string_view(&cp, 1), style);
}

}  // namespace scholion
