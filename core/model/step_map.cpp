#include "core/model/step_map.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace scholion {
namespace {

std::string range_text(const StepRange& r) {
  return "[" + std::to_string(r.start) + ", " + std::to_string(r.old_size) + ", " + std::to_string(r.new_size) + "]";
}

}  // namespace

Result<StepMap> StepMap::make(std::vector<StepRange> ranges) {
  StepMap map;
  int64_t shift = 0;
  uint64_t previous_end = 0;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const StepRange& r = ranges[i];
    const uint64_t end = uint64_t{r.start} + r.old_size;
    if (end > std::numeric_limits<uint32_t>::max()) {
      return make_error("range " + range_text(r) + " ends beyond the largest position");
    }
    if (i > 0 && r.start < previous_end) {
      return make_error("range " + range_text(r) + " starts before the end of " + range_text(ranges[i - 1]) +
                        ": ranges must be sorted and must not overlap");
    }
    // Why merge ranges that touch: a position between two adjacent replacements is
    // inside one replaced stretch of text, and must report deletion on both sides.
    if (!map.ranges_.empty() && uint64_t{map.ranges_.back().start} + map.ranges_.back().old_size == r.start) {
      StepRange& last = map.ranges_.back();
      last.old_size += r.old_size;
      last.new_size += r.new_size;
    } else if (r.old_size != 0 || r.new_size != 0) {
      map.ranges_.push_back(r);
      map.shift_before_.push_back(shift);
    }
    shift += int64_t{r.new_size} - int64_t{r.old_size};
    previous_end = end;
    if (int64_t{r.start} + shift + r.old_size > int64_t{std::numeric_limits<uint32_t>::max()}) {
      return make_error("range " + range_text(r) + " makes the text longer than the largest position");
    }
  }
  return map;
}

StepMap StepMap::replace(uint32_t start, uint32_t old_size, uint32_t new_size) {
  StepMap map;
  if (old_size != 0 || new_size != 0) {
    map.ranges_.push_back(StepRange{start, old_size, new_size});
    map.shift_before_.push_back(0);
  }
  return map;
}

MapResult StepMap::map(uint32_t pos, Assoc assoc) const {
  // The first range that ends at or after pos: ranges before it shift pos whole.
  const auto it = std::lower_bound(ranges_.begin(), ranges_.end(), pos, [](const StepRange& r, uint32_t p) {
    return uint64_t{r.start} + r.old_size < p;
  });
  const std::size_t i = static_cast<std::size_t>(it - ranges_.begin());
  MapResult out;
  if (it == ranges_.end() || pos < it->start) {
    const int64_t shift = it == ranges_.end()
                              ? (ranges_.empty() ? 0
                                                 : shift_before_.back() + int64_t{ranges_.back().new_size} -
                                                       int64_t{ranges_.back().old_size})
                              : shift_before_[i];
    out.pos = static_cast<uint32_t>(int64_t{pos} + shift);
    return out;
  }
  const StepRange& r = *it;
  const uint32_t end = r.start + r.old_size;
  const uint32_t new_start = static_cast<uint32_t>(int64_t{r.start} + shift_before_[i]);
  // Which edge of the replacement pos goes to: an insertion follows assoc; the start and
  // end of a replaced stretch stay with the text outside it; inside, assoc decides.
  bool to_end;
  if (r.old_size == 0) {
    to_end = assoc == Assoc::after;
  } else if (pos == r.start) {
    to_end = false;
    out.deleted_after = true;
  } else if (pos == end) {
    to_end = true;
    out.deleted_before = true;
  } else {
    to_end = assoc == Assoc::after;
    out.deleted_before = out.deleted_after = out.deleted_across = true;
  }
  out.deleted = assoc == Assoc::before ? out.deleted_before : out.deleted_after;
  out.pos = new_start + (to_end ? r.new_size : 0);
  return out;
}

StepMap StepMap::invert() const {
  StepMap inverse;
  inverse.ranges_.reserve(ranges_.size());
  inverse.shift_before_.reserve(ranges_.size());
  for (std::size_t i = 0; i < ranges_.size(); ++i) {
    const StepRange& r = ranges_[i];
    inverse.ranges_.push_back(
        StepRange{static_cast<uint32_t>(int64_t{r.start} + shift_before_[i]), r.new_size, r.old_size});
    inverse.shift_before_.push_back(-shift_before_[i]);
  }
  return inverse;
}

uint32_t StepMap::map_length(uint32_t old_length) const {
  int64_t length = old_length;
  for (const StepRange& r : ranges_) length += int64_t{r.new_size} - int64_t{r.old_size};
  return static_cast<uint32_t>(std::max<int64_t>(length, 0));
}

MapResult Mapping::map(uint32_t pos, Assoc assoc) const {
  MapResult out;
  out.pos = pos;
  for (const StepMap& step : maps_) {
    const MapResult r = step.map(out.pos, assoc);
    out.pos = r.pos;
    out.deleted_before |= r.deleted_before;
    out.deleted_after |= r.deleted_after;
    out.deleted_across |= r.deleted_across;
    out.deleted |= r.deleted;
  }
  return out;
}

Mapping Mapping::invert() const {
  std::vector<StepMap> inverse;
  inverse.reserve(maps_.size());
  for (auto it = maps_.rbegin(); it != maps_.rend(); ++it) inverse.push_back(it->invert());
  return Mapping(std::move(inverse));
}

}  // namespace scholion
