// Geometry over a built layout: finding lines by position and by y, x positions of
// code points, hit testing, carets and selection rectangles. Lines are found by binary
// search; within a line, x positions are summed from its start with the layout's metrics.
#include <algorithm>

#include "core/text/grapheme_clusters.hpp"
#include "core/layout/layout.hpp"
#include "core/layout/line_breaking.hpp"
#include "core/text/utf8.hpp"

namespace scholion {
namespace {

// Walks a line's code points from its start, summing advances.
class LineWalk {
 public:
  LineWalk(const Document& doc, const FontMetrics& metrics, const Line& line)
      : text_(doc.text()),
        metrics_(metrics),
        style_(line.style),
        cp_(line.start),
        byte_(doc.offsets().byte_at(line.start)),
        x_(line.x) {}

  // Moves to `to` (not before the current position) and returns the x there.
  float advance_to(uint32_t to) {
    for (; cp_ < to; ++cp_) x_ += advance_of(metrics_, next_code_point(text_, byte_), style_);
    return x_;
  }

 private:
  std::string_view text_;
  const FontMetrics& metrics_;
  TextStyle style_;
  uint32_t cp_;
  std::size_t byte_;
  float x_;
};

}  // namespace

std::size_t Layout::line_at(uint32_t position, Affinity affinity) const {
  if (lines_.empty()) return 0;
  const auto after = std::partition_point(lines_.begin(), lines_.end(),
                                          [&](const Line& l) { return l.start <= position; });
  std::size_t i = after == lines_.begin() ? 0 : static_cast<std::size_t>(after - lines_.begin()) - 1;
  if (affinity == Affinity::upstream && i > 0 && lines_[i].start == position &&
      lines_[i - 1].wraps && lines_[i - 1].content_end == position) {
    --i;
  }
  return i;
}

std::size_t Layout::line_at_y(float y) const {
  if (lines_.empty()) return 0;
  const auto below = std::partition_point(lines_.begin(), lines_.end(),
                                          [&](const Line& l) { return l.y + l.height <= y; });
  if (below == lines_.end()) return lines_.size() - 1;
  const auto i = static_cast<std::size_t>(below - lines_.begin());
  if (y >= below->y || i == 0) return i;
  const Line& above = lines_[i - 1];  // y lies in the gap between two blocks
  return y - (above.y + above.height) < below->y - y ? i - 1 : i;
}

float Layout::x_at(std::size_t line, uint32_t position) const {
  const Line& l = lines_[line];
  LineWalk walk(*doc_, *metrics_, l);
  return walk.advance_to(std::clamp(position, l.start, l.content_end));
}

Caret Layout::line_end(std::size_t line) const {
  const Line& l = lines_[line];
  if (l.wraps) {
    if (l.end < l.content_end) return Caret{l.end};  // before the trailing spaces
    return Caret{l.content_end, Affinity::upstream};
  }
  const bool hard_break = line + 1 < lines_.size() && lines_[line + 1].block == l.block;
  if (hard_break) return Caret{prev_grapheme_boundary(doc_->offsets(), l.content_end)};  // before the feed
  return Caret{l.content_end};
}

Caret Layout::caret_in_line(std::size_t line, float x) const {
  const Line& l = lines_[line];
  const Caret end = line_end(line);
  LineWalk walk(*doc_, *metrics_, l);
  float left = l.x;
  for (uint32_t a = l.start; a < end.position;) {
    const uint32_t b = next_grapheme_boundary(doc_->offsets(), a);
    const float right = walk.advance_to(b);
    if (x < (left + right) / 2) return Caret{a};
    left = right;
    a = b;
  }
  return end;
}

Hit Layout::hit_test(float x, float y) const {
  Hit hit;
  if (lines_.empty()) return hit;
  const TextOffsets& offsets = doc_->offsets();
  if (y < lines_.front().y) {
    hit.caret = Caret{0};
    hit.cluster_end = next_grapheme_boundary(offsets, 0);
    return hit;
  }
  if (y >= lines_.back().y + lines_.back().height) {
    hit.line = lines_.size() - 1;
    hit.caret = Caret{offsets.cp_length()};
    hit.cluster_start = prev_grapheme_boundary(offsets, offsets.cp_length());
    hit.cluster_end = offsets.cp_length();
    return hit;
  }
  hit.line = line_at_y(y);
  const Line& l = lines_[hit.line];
  hit.caret = caret_in_line(hit.line, x);
  hit.over_text = y >= l.y && y < l.y + l.height && x >= l.x && x < l.x + l.width;

  // The cluster under x: clamped to the drawn clusters of the line.
  hit.cluster_start = hit.cluster_end = l.start;
  LineWalk walk(*doc_, *metrics_, l);
  for (uint32_t a = l.start; a < l.end;) {
    const uint32_t b = next_grapheme_boundary(offsets, a);
    hit.cluster_start = a;
    hit.cluster_end = b;
    if (walk.advance_to(b) > x) break;
    a = b;
  }
  return hit;
}

Rect Layout::caret_rect(uint32_t position, Affinity affinity) const {
  if (lines_.empty()) return Rect{column_left_, 0, 0, 0};
  const std::size_t i = line_at(position, affinity);
  const Line& l = lines_[i];
  return Rect{x_at(i, position), l.y, 0, l.height};
}

std::vector<Rect> Layout::selection_rects(uint32_t from, uint32_t to) const {
  std::vector<Rect> out;
  selection_rects(from, to, out);
  return out;
}

void Layout::selection_rects(uint32_t from, uint32_t to, std::vector<Rect>& out) const {
  if (from >= to || lines_.empty()) return;
  for (std::size_t i = line_at(from); i < lines_.size() && lines_[i].start < to; ++i) {
    const Line& l = lines_[i];
    const uint32_t a = std::max(from, l.start);
    const uint32_t b = std::min(to, l.content_end);
    if (a >= b) continue;
    LineWalk walk(*doc_, *metrics_, l);
    const float left = walk.advance_to(a);
    const float right = walk.advance_to(b);
    if (right > left) out.push_back(Rect{left, l.y, right - left, l.height});
  }
}

}  // namespace scholion

namespace scholion {

void Layout::line_runs(std::size_t index, std::vector<GlyphRun>& out) const {
  if (index >= lines_.size()) return;
  const Line& line = lines_[index];
  const std::string_view text = doc_->text();
  std::size_t byte = doc_->offsets().byte_at(line.start);
  std::u32string run;
  float x = line.x;
  uint32_t run_start = line.start;
  bool run_space = false;
  const auto flush = [&](uint32_t end) {
    if (!run.empty()) {
      const float w = metrics_->measure(run, line.style);
      out.push_back(GlyphRun{run_start, end, x, w, false});
      x += w;
    }
    run.clear();
    run_start = end;
  };
  for (uint32_t cp = line.start; cp < line.end; ++cp) {
    const char32_t c = next_code_point(text, byte);
    const bool space = c == U' ';
    if (space != run_space || is_line_feed(c)) flush(cp);
    run_space = space;
    if (is_line_feed(c)) {
      run_start = cp + 1;
      continue;
    }
    run += c;
  }
  flush(line.end);
}

}  // namespace scholion
