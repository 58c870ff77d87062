#include "wasm/fonts.hpp"

#include <imgui_internal.h>

#include "core/text/utf8.hpp"

namespace scholion::web {
namespace {

constexpr std::array<StyleSpec, static_cast<std::size_t>(TextStyle::count)> kStyles = {{
    {false, 18},  // body
    {true, 30},   // heading1
    {true, 24},   // heading2
    {true, 20},   // heading3
    {false, 14},  // caption
}};

// Line height as a multiple of the font size: generous for reading.
constexpr float kLineSpacing = 1.55f;
constexpr float kHeadingLineSpacing = 1.3f;
// Emboldening offset, as a fraction of the font size: about one device pixel for the
// 30 px title at a pixel ratio of 1, two at 2.
constexpr float kEmbolden = 1.0f / 28;

}  // namespace

const StyleSpec& style_spec(TextStyle style) { return kStyles[static_cast<std::size_t>(style)]; }

void FontSet::set_face(std::size_t face, std::vector<unsigned char> ttf) {
  if (face >= ttf_.size()) ttf_.resize(face + 1);
  ttf_[face] = std::move(ttf);
  dirty_ = true;
}

bool FontSet::ready() const { return !ttf_.empty() && !ttf_[0].empty(); }

float FontSet::embolden(TextStyle style) const {
  const StyleSpec& spec = style_spec(style);
  return spec.bold ? spec.css_px * scale_ * kEmbolden : 0;
}

bool FontSet::want_glyphs(std::string_view utf8) {
  const std::size_t before = glyphs_.size();
  if (glyphs_.empty()) {
    for (char32_t cp = 0x20; cp < 0x7F; ++cp) glyphs_.insert(cp);
    for (char32_t cp : {0x2026, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0xFFFD}) {
      glyphs_.insert(cp);
    }
  }
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
    if (!is_invisible(cp) && cp >= 0x20) glyphs_.insert(cp);
  }
  if (glyphs_.size() != before) dirty_ = true;
  return dirty_;
}

void FontSet::set_scale(float device_pixel_ratio) {
  if (device_pixel_ratio != scale_) {
    scale_ = device_pixel_ratio;
    dirty_ = true;
  }
}

bool FontSet::rebuild_if_needed() {
  if (!dirty_ || !ready()) return false;
  dirty_ = false;

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  fonts_.fill(nullptr);

  ImFontGlyphRangesBuilder builder;
  for (char32_t cp : glyphs_) builder.AddChar(static_cast<ImWchar>(cp));
  ranges_.clear();
  builder.BuildRanges(&ranges_);

  for (std::size_t s = 0; s < kStyles.size(); ++s) {
    const StyleSpec& spec = kStyles[s];
    auto& bytes = ttf_[static_cast<std::size_t>(FontFace::text)];
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the same bytes serve every size and rebuild
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    const float px = spec.css_px * scale_;
    fonts_[s] = io.Fonts->AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()), px,
                                               &config, ranges_.Data);
    for (std::size_t extra = static_cast<std::size_t>(FontFace::first_chunk);
         extra < ttf_.size(); ++extra) {
      auto& more = ttf_[extra];
      if (more.empty()) continue;
      ImFontConfig merge = config;
      merge.MergeMode = true;
      io.Fonts->AddFontFromMemoryTTF(more.data(), static_cast<int>(more.size()), px, &merge,
                                     ranges_.Data);
    }
  }
  // The builder ImFontAtlas::Build() would pick, called directly: Build() falls back to
  // ImGui's built-in font when none was added, which would put that font in the download.
  ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(io.Fonts);
  io.FontDefault = fonts_[static_cast<std::size_t>(TextStyle::caption)];
  return true;
}

std::vector<char32_t> FontSet::missing_glyphs() const {
  std::vector<char32_t> out;
  ImFont* f = font(TextStyle::body);
  if (!f) return out;
  for (char32_t cp : glyphs_) {
    if (!f->FindGlyphNoFallback(static_cast<ImWchar>(cp))) out.push_back(cp);
  }
  return out;
}

float FontSet::measure(std::u32string_view run, TextStyle style) const {
  ImFont* f = font(style);
  if (!f) return 0;
  float width = 0;
  for (char32_t cp : run) {
    if (!is_invisible(cp)) width += f->GetCharAdvance(static_cast<ImWchar>(cp)) + embolden(style);
  }
  return width;
}

float FontSet::line_height(TextStyle style) const {
  const StyleSpec& spec = style_spec(style);
  const float spacing = spec.bold ? kHeadingLineSpacing : kLineSpacing;
  return spec.css_px * scale_ * spacing;
}

}  // namespace scholion::web
