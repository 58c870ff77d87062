#include "wasm/browser_text.hpp"

#include <array>

#include "core/text/utf8.hpp"

// In library_scholion.js.
extern "C" {
void scholion_text_face(int face, int bold, double device_px, double* ascent_descent);
double scholion_text_measure(int face, const char32_t* run, int length);
int scholion_text_word_starts(const char32_t* run, int length, uint32_t* out, int capacity);
}

namespace scholion::web {
namespace {

constexpr std::array<FaceSpec, static_cast<std::size_t>(Face::count)> kFaces = {{
    {false, 18},  // body
    {true, 30},   // heading1
    {true, 24},   // heading2
    {true, 20},   // heading3
    {false, 14},  // caption: notes, the toolbar, the chooser, the notice
    {true, 14},   // caption_bold: **strong** in notes
}};

// Line height as a multiple of the font size: generous for reading.
constexpr float kLineSpacing = 1.55f;
constexpr float kHeadingLineSpacing = 1.3f;

}  // namespace

const FaceSpec& face_spec(Face face) { return kFaces[static_cast<std::size_t>(face)]; }

void BrowserText::declare_faces() {
  for (std::size_t f = 0; f < kFaces.size(); ++f) {
    double box[2] = {0, 0};
    scholion_text_face(static_cast<int>(f), kFaces[f].bold ? 1 : 0, kFaces[f].css_px * scale_, box);
    box_[f][0] = static_cast<float>(box[0]);
    box_[f][1] = static_cast<float>(box[1]);
  }
}

void BrowserText::set_scale(float device_pixel_ratio) {
  if (ready_ && device_pixel_ratio == scale_) return;
  scale_ = device_pixel_ratio;
  ready_ = true;
  fonts_changed();
}

void BrowserText::fonts_changed() {
  if (!ready_) return;
  declare_faces();
  advances_.clear();
  ++generation_;
}

float BrowserText::measure(std::u32string_view run, Face face) const {
  if (run.empty()) return 0;
  key_.assign(1, static_cast<char32_t>(face));
  key_.append(run);
  const auto found = advances_.find(key_);
  if (found != advances_.end()) {
    ++hits_;
    return found->second;
  }
  ++misses_;
  const auto width = static_cast<float>(
      scholion_text_measure(static_cast<int>(face), run.data(), static_cast<int>(run.size())));
  advances_.emplace(key_, width);
  return width;
}

float BrowserText::measure_utf8(std::string_view run, Face face) const {
  const std::u32string text = to_utf32(run);
  return measure(text, face);
}

float BrowserText::line_height(TextStyle style) const {
  const FaceSpec& spec = face_spec(face_of(style));
  return spec.css_px * scale_ * (spec.bold ? kHeadingLineSpacing : kLineSpacing);
}

void BrowserWords::word_starts(std::u32string_view run, std::vector<uint32_t>& out) const {
  const std::size_t at = out.size();
  out.resize(at + run.size());
  const int n = scholion_text_word_starts(run.data(), static_cast<int>(run.size()), out.data() + at,
                                          static_cast<int>(run.size()));
  out.resize(at + static_cast<std::size_t>(n));
}

}  // namespace scholion::web
