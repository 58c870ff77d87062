#include "wasm/reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/utf8.hpp"

namespace scholion::web {
namespace {

constexpr ImU32 kPaper = IM_COL32(0xFB, 0xFA, 0xF7, 0xFF);
constexpr ImU32 kInk = IM_COL32(0x1F, 0x23, 0x28, 0xFF);
constexpr ImU32 kScrollThumb = IM_COL32(0x1F, 0x23, 0x28, 0x40);

// Highlight colours, translucent so that overlapping highlights blend and each stays
// visible. Indexed by Color.
constexpr std::array<ImU32, 5> kHighlight = {
    IM_COL32(0xFF, 0xD4, 0x3B, 0x80),  // yellow
    IM_COL32(0x69, 0xDB, 0x7C, 0x70),  // green
    IM_COL32(0x74, 0xC0, 0xFC, 0x70),  // blue
    IM_COL32(0xF7, 0x83, 0xAC, 0x70),  // pink
    IM_COL32(0xB1, 0x97, 0xFC, 0x70),  // purple
};

}  // namespace

void Reader::set_document(Document doc) {
  doc_ = std::move(doc);
  scroll_ = 0;
  layout_valid_ = false;
}

void Reader::set_viewport(float width, float height) {
  if (width != width_) layout_valid_ = false;
  width_ = width;
  height_ = height;
  scroll_ = std::clamp(scroll_, 0.0f, max_scroll());
}

void Reader::ensure_layout() {
  if (layout_valid_ || !doc_) return;
  LayoutOptions options;
  options.width = width_;
  options.margin = std::max(12.0f * fonts_.scale(), std::min(48.0f * fonts_.scale(), width_ * 0.05f));
  options.max_measure_em = 34;  // ≈ 70 characters of the body face
  layout_ = Layout(*doc_, fonts_, options);
  layout_valid_ = true;
  scroll_ = std::clamp(scroll_, 0.0f, max_scroll());
}

float Reader::max_scroll() const {
  return layout_valid_ ? std::max(0.0f, layout_.height() - height_) : 0.0f;
}

bool Reader::scroll_by(float dy) { return scroll_to(scroll_ + dy); }

bool Reader::scroll_to(float y) {
  ensure_layout();
  const float target = std::clamp(y, 0.0f, max_scroll());
  if (target == scroll_) return false;
  scroll_ = target;
  return true;
}

std::size_t Reader::draw(ImDrawList* list, const AnnotationSet* annotations) {
  list->AddRectFilled(ImVec2(0, 0), ImVec2(width_, height_), kPaper);
  if (!doc_ || !fonts_.font(TextStyle::body)) return 0;
  ensure_layout();

  const auto [first, last] = layout_.visible(scroll_, scroll_ + height_);
  if (first == last) return 0;
  const std::string_view text = doc_->text();
  const TextOffsets& offsets = doc_->offsets();
  const auto& lines = layout_.lines();

  // The runs of highlighted text over the visible lines; each line walks them in step.
  runs_.clear();
  if (annotations) runs_ = annotations->segment(lines[first].start, lines[last - 1].end);
  std::size_t run = 0;

  // Channel 0 holds highlights, channel 1 the text: one pass, highlights underneath.
  list->ChannelsSplit(2);
  for (std::size_t i = first; i < last; ++i) {
    const Line& line = lines[i];
    ImFont* font = fonts_.font(line.style);
    const float size = font->FontSize;
    // Whole device pixels vertically keep every line equally crisp.
    const float top = std::round(line.y - scroll_);
    const float y = std::round(line.y - scroll_ + (line.height - size) * 0.5f);
    float x = line.x;
    std::size_t at = offsets.byte_at(line.start);
    uint32_t cp_index = line.start;
    const std::size_t end = offsets.byte_at(line.end);
    while (run < runs_.size() && runs_[run].end <= line.start) ++run;
    std::size_t r = run;
    float run_x = x;  // where the current run's piece on this line began
    auto close_run = [&](float to_x) {
      if (r < runs_.size() && !runs_[r].annotations.empty() && to_x > run_x) {
        list->ChannelsSetCurrent(0);
        for (const Annotation* a : runs_[r].annotations) {
          list->AddRectFilled(ImVec2(run_x, top), ImVec2(to_x, top + line.height),
                              kHighlight[static_cast<std::size_t>(a->color)]);
        }
      }
    };
    list->ChannelsSetCurrent(1);
    while (at < end) {
      while (r < runs_.size() && runs_[r].end <= cp_index) {
        close_run(x);
        ++r;
        run_x = x;
      }
      const char32_t cp = next_code_point(text, at);
      ++cp_index;
      if (is_invisible(cp)) continue;
      list->ChannelsSetCurrent(1);
      font->RenderChar(list, size, ImVec2(x, y), kInk, static_cast<ImWchar>(cp));
      x += font->GetCharAdvance(static_cast<ImWchar>(cp));
    }
    close_run(x);
  }
  list->ChannelsMerge();

  if (layout_.height() > height_) {
    const float s = fonts_.scale();
    const float thumb_h = std::max(24 * s, height_ * height_ / layout_.height());
    const float thumb_y = (height_ - thumb_h) * (scroll_ / max_scroll());
    list->AddRectFilled(ImVec2(width_ - 7 * s, thumb_y + 2 * s),
                        ImVec2(width_ - 3 * s, thumb_y + thumb_h - 2 * s), kScrollThumb, 2 * s);
  }
  return last - first;
}

}  // namespace scholion::web
