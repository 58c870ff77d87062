#include "core/text/bidi_reorder.hpp"

#include <algorithm>
#include <cstddef>

namespace scholion {
namespace {

using C = BidiClass;

// What L1 resets before a separator or at the end of a line: white space, isolate
// formatting characters, and the characters X9 removed (which draw with them).
constexpr bool is_trailing_space(C c) {
  return c == C::ws || is_isolate_initiator(c) || c == C::pdi || is_removed_by_x9(c);
}

// Logical runs of one level, then L2 applied to whole runs: from the highest level down to
// the lowest odd one, reverse every maximal sequence of runs at that level or above.
std::vector<BidiRun> reorder_runs(std::span<const BidiLevel> levels, uint32_t offset) {
  std::vector<BidiRun> runs;
  for (uint32_t i = 0; i < levels.size(); ++i) {
    if (runs.empty() || runs.back().level != levels[i]) {
      runs.push_back({offset + i, offset + i + 1, levels[i]});
    } else {
      ++runs.back().end;
    }
  }
  if (runs.empty()) return runs;
  BidiLevel highest = 0;
  BidiLevel lowest = UINT8_MAX;
  for (const BidiRun& r : runs) {
    highest = std::max(highest, r.level);
    lowest = std::min(lowest, r.level);
  }
  const unsigned lowest_odd = lowest | 1u;  // levels between count even where none is
  for (unsigned level = highest; level >= lowest_odd; --level) {
    for (std::size_t k = 0; k < runs.size();) {
      if (runs[k].level < level) {
        ++k;
        continue;
      }
      std::size_t end = k;
      while (end < runs.size() && runs[end].level >= level) ++end;
      std::reverse(runs.begin() + static_cast<std::ptrdiff_t>(k), runs.begin() + static_cast<std::ptrdiff_t>(end));
      k = end;
    }
  }
  return runs;
}

}  // namespace

std::vector<BidiLevel> line_levels(const BidiParagraph& paragraph, uint32_t start, uint32_t end) {
  end = std::min(end, paragraph.size());
  if (start >= end) return {};
  std::vector<BidiLevel> out(paragraph.levels.begin() + start, paragraph.levels.begin() + end);
  // Walking backward, `resetting` is true at the line's end and after a separator, and
  // stays true through the white space before it.
  bool resetting = true;
  for (uint32_t i = end; i-- > start;) {
    const C c = paragraph.classes[i];
    if (c == C::s || c == C::b) {
      resetting = true;
    } else if (!is_trailing_space(c)) {
      resetting = false;
    }
    if (resetting) out[i - start] = paragraph.level;
  }
  return out;
}

std::vector<uint32_t> visual_order(std::span<const BidiLevel> levels) {
  std::vector<uint32_t> order;
  order.reserve(levels.size());
  for (const BidiRun& run : reorder_runs(levels, 0)) {
    if (run.level % 2 == 0) {
      for (uint32_t i = run.start; i < run.end; ++i) order.push_back(i);
    } else {
      for (uint32_t i = run.end; i-- > run.start;) order.push_back(i);
    }
  }
  return order;
}

std::vector<BidiRun> visual_runs(std::span<const BidiLevel> levels, uint32_t offset) {
  return reorder_runs(levels, offset);
}

std::vector<BidiRun> visual_runs(const BidiParagraph& paragraph, uint32_t start, uint32_t end) {
  return reorder_runs(line_levels(paragraph, start, end), start);
}

}  // namespace scholion
