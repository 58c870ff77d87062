// Geometry over a built layout: finding lines by position and by y, x positions of
// code points, hit testing, carets and selection rectangles. Lines are found by binary
// search; within a line, by its shaped runs: an x inside a run is the advance of the run's
// text before it, measured with the layout's metrics.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/text/grapheme_clusters.hpp"
#include "core/layout/layout.hpp"
#include "core/layout/line_breaking.hpp"
#include "core/text/utf8.hpp"

namespace scholion {
namespace {

// The code points of [from, to) of the document's text, decoded.
std::u32string code_points(const Document& doc, uint32_t from, uint32_t to) {
  const TextOffsets& offsets = doc.offsets();
  return to_utf32(offsets.slice(from, to));
}

}  // namespace

// x of the caret before `position` inside `run` (run.start <= position <= run.end).
float Layout::x_in_run(const GlyphRun& run, TextStyle style, uint32_t position) const {
  float advance = 0;
  if (position >= run.end) {
    advance = run.width;
  } else if (position > run.start) {
    advance = metrics_->measure(code_points(*doc_, run.start, position), style);
  }
  return run.rtl ? run.x + run.width - advance : run.x + advance;
}

const GlyphRun* Layout::run_at(const Line& line, uint32_t position) const {
  const GlyphRun* ending = nullptr;
  for (uint32_t r = line.first_run; r < line.end_run; ++r) {
    const GlyphRun& run = runs_[r];
    if (run.start <= position && position < run.end) return &run;
    if (run.end == position) ending = &run;
  }
  return ending;
}

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
  position = std::clamp(position, l.start, l.content_end);
  if (position <= l.end) {
    if (const GlyphRun* run = run_at(l, position)) return x_in_run(*run, l.style, position);
    return l.x;  // an empty line
  }
  // In the trailing spaces, which hang past the line's end (a line feed has no width).
  std::u32string spaces = code_points(*doc_, l.end, position);
  while (!spaces.empty() && is_line_feed(spaces.back())) spaces.pop_back();
  const float hang = spaces.empty() ? 0 : metrics_->measure(spaces, l.style);
  return l.rtl ? l.x - hang : l.x + l.width + hang;
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
  const TextOffsets& offsets = doc_->offsets();
  // The caret shown nearest to x (each where x_at shows it): the line's end, or a
  // cluster boundary inside one of its runs. A run's carets all lie between its edges,
  // so runs farther away than the best so far are skipped.
  Caret best = end;
  float best_distance = std::fabs(x_at(line, end.position) - x);
  for (uint32_t r = l.first_run; r < l.end_run; ++r) {
    const GlyphRun& run = runs_[r];
    if (std::max({run.x - x, x - (run.x + run.width), 0.0f}) >= best_distance) continue;
    for (uint32_t a = run.start; a < run.end && a < end.position; a = next_grapheme_boundary(offsets, a)) {
      const float distance = std::fabs(x_in_run(run, l.style, a) - x);
      if (distance < best_distance) {
        best_distance = distance;
        best = Caret{a};
      }
    }
  }
  return best;
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

  // The cluster under x: in the run under x (the nearest run beside the line's runs).
  hit.cluster_start = hit.cluster_end = l.start;
  const GlyphRun* under = nullptr;
  for (uint32_t r = l.first_run; r < l.end_run; ++r) {
    const GlyphRun& run = runs_[r];
    if (under == nullptr || x >= run.x) under = &run;
    if (x < run.x + run.width) break;
  }
  if (under) {
    for (uint32_t a = under->start; a < under->end;) {
      const uint32_t b = next_grapheme_boundary(offsets, a);
      hit.cluster_start = a;
      hit.cluster_end = b;
      const float xa = x_in_run(*under, l.style, a), xb = x_in_run(*under, l.style, b);
      if (x >= std::min(xa, xb) && x < std::max(xa, xb)) break;
      a = b;
    }
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
    const std::size_t first_rect = out.size();
    const auto add = [&](float a, float b) {
      if (a != b) out.push_back(Rect{std::min(a, b), l.y, std::fabs(b - a), l.height});
    };
    for (uint32_t r = l.first_run; r < l.end_run; ++r) {
      const GlyphRun& run = runs_[r];
      const uint32_t a = std::max(from, run.start), b = std::min(to, run.end);
      if (a < b) add(x_in_run(run, l.style, a), x_in_run(run, l.style, b));
    }
    // Selected trailing spaces hang past the line's end.
    const uint32_t a = std::max(from, l.end), b = std::min(to, l.content_end);
    if (a < b) add(x_at(i, a), x_at(i, b));
    // Left to right, and pieces that touch on screen as one rectangle.
    const auto line_rects = out.begin() + static_cast<std::ptrdiff_t>(first_rect);
    std::sort(line_rects, out.end(), [](const Rect& p, const Rect& q) { return p.x < q.x; });
    std::size_t kept = first_rect;
    for (std::size_t j = first_rect; j < out.size(); ++j) {
      if (kept > first_rect && std::fabs(out[kept - 1].right() - out[j].x) < 0.01f) {
        out[kept - 1].width = out[j].right() - out[kept - 1].x;
      } else {
        out[kept++] = out[j];
      }
    }
    out.resize(kept);
  }
}

void Layout::line_runs(std::size_t line, std::vector<GlyphRun>& out) const {
  if (line >= lines_.size()) return;
  const Line& l = lines_[line];
  out.insert(out.end(), runs_.begin() + static_cast<std::ptrdiff_t>(l.first_run),
             runs_.begin() + static_cast<std::ptrdiff_t>(l.end_run));
}

}  // namespace scholion
