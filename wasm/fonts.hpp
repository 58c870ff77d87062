// The canvas's fonts: one text face (regular and bold) with a monochrome symbol face
// merged in, rasterised at device pixels for each text style.
//
// The atlas holds only the glyphs that are needed — the ASCII and UI set plus every code
// point of the documents shown — so it stays small at any devicePixelRatio. When new
// text brings new code points, or the pixel ratio changes, the atlas is rebuilt before
// the next frame.
#pragma once

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/layout.hpp"

namespace scholion::web {

// Faces: 0 regular, 1 bold; from 2 on, chunks of a symbol face merged into every style
// (they arrive only for texts that use them).
enum class FontFace { regular, bold, first_symbols };

struct StyleSpec {
  FontFace face;
  float css_px;  // size in CSS pixels
};

// The size and face of each TextStyle.
const StyleSpec& style_spec(TextStyle style);

class FontSet : public FontMetrics {
 public:
  // Takes the bytes of a TrueType font for face number `face`.
  void set_face(std::size_t face, std::vector<unsigned char> ttf);
  bool ready() const;  // the text faces have arrived

  // Adds the code points of `utf8` to the glyph set; true if the atlas must be rebuilt.
  bool want_glyphs(std::string_view utf8);
  void set_scale(float device_pixel_ratio);

  // Rebuilds the atlas if needed; true if it was rebuilt (textures must be re-created).
  bool rebuild_if_needed();

  ImFont* font(TextStyle style) const { return fonts_[static_cast<std::size_t>(style)]; }
  float scale() const { return scale_; }

  // Code points of the glyph set that no face can draw.
  std::vector<char32_t> missing_glyphs() const;

  // FontMetrics, in device pixels.
  float advance(char32_t cp, TextStyle style) const override;
  float line_height(TextStyle style) const override;

 private:
  std::vector<std::vector<unsigned char>> ttf_;
  std::set<char32_t> glyphs_;
  std::array<ImFont*, static_cast<std::size_t>(TextStyle::count)> fonts_{};
  ImVector<ImWchar> ranges_;
  float scale_ = 1;
  bool dirty_ = true;
};

}  // namespace scholion::web
