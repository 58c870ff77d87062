#include "wasm/reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/text/utf8.hpp"
#include "wasm/palette.hpp"

namespace scholion::web {
namespace {

constexpr ImU32 kPaper = IM_COL32(0xFB, 0xFA, 0xF7, 0xFF);
constexpr ImU32 kScrollThumb = IM_COL32(0x1F, 0x23, 0x28, 0x40);
constexpr ImU32 kSelection = IM_COL32(0x33, 0x77, 0xDD, 0x48);
constexpr ImU32 kCaret = IM_COL32(0x1F, 0x4F, 0xB4, 0xFF);
constexpr ImU32 kHandle = IM_COL32(0x1F, 0x6F, 0xEB, 0xFF);
constexpr ImU32 kOutline = IM_COL32(0x1F, 0x23, 0x28, 0xB0);


}  // namespace

void Reader::set_document(Document doc, std::optional<BidiDirection> direction) {
  doc_ = std::move(doc);
  direction_ = direction;
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
  if (!has_layout()) return;
  if (layout_valid_ && metrics_generation_ == text_.generation()) return;
  metrics_generation_ = text_.generation();
  LayoutOptions options;
  options.width = width_;
  options.margin = std::max(12.0f * text_.scale(), std::min(48.0f * text_.scale(), width_ * 0.05f));
  options.direction = direction_;
  layout_ = Layout(*doc_, text_, options, &words_);
  layout_valid_ = true;
  ++generation_;
  scroll_ = std::clamp(scroll_, 0.0f, max_scroll());
}

const Layout& Reader::layout() {
  ensure_layout();
  return layout_;
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

bool Reader::reveal(float top, float bottom) {
  const float pad = text_.line_height(TextStyle::body);
  if (top - pad < scroll_) return scroll_to(top - pad);
  if (bottom + pad > scroll_ + height_) return scroll_to(bottom + pad - height_);
  return false;
}

// Highlight rectangles for one line: the runs covering it, each as the layout's
// rectangles for its range (several on a line that mixes directions). Pieces of an
// emphasised annotation get an outline.
void Reader::draw_runs(ImDrawList* list, const Line& line, float top, const std::vector<Run>& runs,
                       std::size_t& run, const Annotation* emphasised) {
  while (run < runs.size() && runs[run].end <= line.start) ++run;
  for (std::size_t r = run; r < runs.size() && runs[r].start < line.end; ++r) {
    if (runs[r].annotations.empty()) continue;
    const uint32_t from = std::max(runs[r].start, line.start);
    const uint32_t to = std::min(runs[r].end, line.end);
    if (from >= to) continue;
    piece_rects_.clear();
    layout_.selection_rects(from, to, piece_rects_);
    for (const Rect& piece : piece_rects_) {
      const ImVec2 min(piece.x, top), max(piece.right(), top + line.height);
      for (const Annotation* a : runs[r].annotations) {
        list->AddRectFilled(min, max, highlight_fill(a->color));
        if (a == emphasised) list->AddRect(min, max, kOutline, 0, 0, text_.scale());
      }
    }
  }
}

std::size_t Reader::draw(ImDrawList* list, const DrawOptions& options) {
  list->AddRectFilled(ImVec2(0, 0), ImVec2(width_, height_), kPaper);
  if (!has_layout()) return 0;
  ensure_layout();

  const auto [first, last] = layout_.visible(scroll_, scroll_ + height_);
  if (first == last) return 0;
  const std::string_view text = doc_->text();
  const TextOffsets& offsets = doc_->offsets();
  const auto& lines = layout_.lines();

  // Under the text: a jump's glow, highlights, then the selection.
  if (options.flashed && options.flash > 0) {
    rects_.clear();
    layout_.selection_rects(std::max(options.flashed->start, lines[first].start),
                            std::min(options.flashed->end, lines[last - 1].end), rects_);
    const float grow = 3 * text_.scale();
    const ImU32 glow = IM_COL32(0xFF, 0x8C, 0x00, static_cast<int>(150 * options.flash));
    for (const Rect& r : rects_) {
      list->AddRectFilled(ImVec2(r.x - grow, r.y - scroll_ - grow), ImVec2(r.right() + grow, r.bottom() - scroll_ + grow),
                          glow, grow);
    }
  }
  runs_.clear();
  if (options.annotations) runs_ = options.annotations->segment(lines[first].start, lines[last - 1].end);
  std::size_t run = 0;
  for (std::size_t i = first; i < last; ++i) {
    draw_runs(list, lines[i], std::round(lines[i].y - scroll_), runs_, run, options.emphasised);
  }
  const Selection* sel = options.state ? &options.state->selection() : nullptr;
  if (sel && !sel->empty()) {
    rects_.clear();
    layout_.selection_rects(std::max(sel->from(), lines[first].start),
                            std::min(sel->to(), lines[last - 1].end), rects_);
    for (const Rect& r : rects_) {
      list->AddRectFilled(ImVec2(r.x, r.y - scroll_), ImVec2(r.right(), r.bottom() - scroll_), kSelection);
    }
  }

  // The text, one shaped run at a time from the glyph cache, only for visible lines.
  list->PushTextureID(reinterpret_cast<ImTextureID>(kGlyphTexture));
  for (std::size_t i = first; i < last; ++i) {
    const Line& line = lines[i];
    const Face face = face_of(line.style);
    const float y = baseline(line, line.y - scroll_);
    glyph_runs_.clear();
    layout_.line_runs(i, glyph_runs_);
    for (const GlyphRun& run : glyph_runs_) {
      run_text_.clear();
      std::size_t at = offsets.byte_at(run.start);
      for (uint32_t cp = run.start; cp < run.end; ++cp) run_text_.push_back(next_code_point(text, at));
      glyphs_.draw(list, run_text_, face, run.x, y, kInk, run.rtl);
    }
  }
  // List markers, on the first line of their block.
  for (const BlockBox& box : layout_.blocks()) {
    if (box.marker.empty() || box.first_line < first || box.first_line >= last) continue;
    const Line& line = lines[box.first_line];
    glyphs_.draw_utf8(list, box.marker, face_of(line.style), box.marker_x, baseline(line, line.y - scroll_), kMuted);
  }
  list->PopTextureID();

  if (sel && sel->empty() && options.show_caret) {
    const Rect c = layout_.caret_rect(sel->head, sel->affinity);
    const float w = std::max(1.0f, std::round(1.5f * text_.scale()));
    list->AddRectFilled(ImVec2(c.x, c.y - scroll_), ImVec2(c.x + w, c.bottom() - scroll_), kCaret);
  }
  if (sel && !sel->empty() && options.show_handles) {
    if (auto h = handle_positions(*options.state)) {
      for (ImVec2 p : {h->first, h->second}) list->AddCircleFilled(p, handle_radius(), kHandle);
    }
  }

  if (layout_.height() > height_) {
    const float s = text_.scale();
    const float thumb_h = thumb_height();
    const float thumb_y = (height_ - thumb_h) * (scroll_ / max_scroll());
    list->AddRectFilled(ImVec2(width_ - 7 * s, thumb_y + 2 * s),
                        ImVec2(width_ - 3 * s, thumb_y + thumb_h - 2 * s), kScrollThumb, 2 * s);
  }
  return last - first;
}

float Reader::baseline(const Line& line, float top) const {
  // The font's box (ascent + descent) centred in the line box; whole device pixels keep
  // every line equally crisp.
  const Face face = face_of(line.style);
  return std::round(top + (line.height + text_.ascent(face) - text_.descent(face)) * 0.5f);
}

float Reader::thumb_height() const {
  return std::max(24 * text_.scale(), height_ * height_ / std::max(height_, page_height()));
}

float Reader::thumb_grab(float y) const {
  const float top = (height_ - thumb_height()) * (max_scroll() > 0 ? scroll_ / max_scroll() : 0);
  const float grab = (y - top) / thumb_height();
  return grab >= 0 && grab <= 1 ? grab : 0.5f;
}

float Reader::scroll_for_scrollbar(float y, float grab) const {
  const float track = height_ - thumb_height();
  if (track <= 0) return 0;
  return (y - grab * thumb_height()) / track * max_scroll();
}

std::optional<std::pair<ImVec2, ImVec2>> Reader::handle_positions(const ReaderState& state) {
  const Selection& sel = state.selection();
  if (sel.empty() || !has_layout()) return std::nullopt;
  ensure_layout();
  const Rect a = layout_.caret_rect(sel.from(), Affinity::downstream);
  const Rect b = layout_.caret_rect(sel.to(), Affinity::upstream);
  const float r = handle_radius();
  return std::pair{ImVec2(a.x, a.bottom() - scroll_ + r), ImVec2(b.x, b.bottom() - scroll_ + r)};
}

}  // namespace scholion::web
