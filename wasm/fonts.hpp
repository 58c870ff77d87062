// The canvas's fonts: one text face, with chunks of it and of a monochrome symbol face
// merged in, rasterised at device pixels for each text style. Headings are emboldened
// as they are drawn (each glyph twice, a fraction of a pixel apart), so no bold face is
// downloaded.
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

#include "core/layout/layout.hpp"

namespace scholion::web {

// Faces: 0 the text face's core; from 1 on, chunks of the text face and of the symbol
// face merged into every style (they arrive only for texts that use them).
enum class FontFace { text, first_chunk };

struct StyleSpec {
  bool bold;
  float css_px;  // size in CSS pixels
};

// The size and face of each TextStyle.
const StyleSpec& style_spec(TextStyle style);

class FontSet : public FontMetrics {
 public:
  // Takes the bytes of a TrueType font for face number `face`.
  void set_face(std::size_t face, std::vector<unsigned char> ttf);
  bool ready() const;  // the text face has arrived

  // Adds the code points of `utf8` to the glyph set; true if the atlas must be rebuilt.
  bool want_glyphs(std::string_view utf8);
  void set_scale(float device_pixel_ratio);

  // Rebuilds the atlas if needed; true if it was rebuilt (textures must be re-created).
  bool rebuild_if_needed();

  ImFont* font(TextStyle style) const { return fonts_[static_cast<std::size_t>(style)]; }
  float scale() const { return scale_; }
  // How far apart, in device pixels, a bold style's glyph is drawn twice (0: regular);
  // its advance is that much wider.
  float embolden(TextStyle style) const;

  // Code points of the glyph set that no face can draw.
  std::vector<char32_t> missing_glyphs() const;

  // FontMetrics, in device pixels.
  float measure(std::u32string_view run, TextStyle style) const override;
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
