// StepMap: a known edit as plain data, and positions mapped through it exactly.
//
// An edit replaces ranges of the old text: each StepRange says that at `start` (a code
// point offset into the text *before* the edit) `old_size` code points were replaced by
// `new_size` new ones. A pure insertion has old_size 0, a pure deletion new_size 0.
// Ranges are sorted and do not overlap (they may touch).
//
// map(pos, assoc) is where `pos` ends up. A position inside a replaced range has no
// exact image: it goes to the edge of the replacement, and the result says it was
// deleted, never hiding it (CodeMirror's mapPos with TrackDel, ProseMirror's MapResult).
// A position exactly at an insertion goes before the inserted text for Assoc::before and
// after it for Assoc::after.
//
// invert() gives the edit that turns the new text back into the old one: mapping a
// position that was not deleted through a map and then its inverse gives it back.
// Values are immutable. Mapping is a sequence of StepMaps applied in turn.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "core/text/result.hpp"

namespace scholion {

struct StepRange {
  uint32_t start = 0;     // code points, in the text before the edit
  uint32_t old_size = 0;  // code points removed
  uint32_t new_size = 0;  // code points inserted in their place
  bool operator==(const StepRange&) const = default;
};

// Which side of an insertion made exactly at a position the position stays on.
enum class Assoc : int8_t { before = -1, after = 1 };

struct MapResult {
  uint32_t pos = 0;
  bool deleted_before = false;  // the code point just before pos was replaced
  bool deleted_after = false;   // the code point just after pos was replaced
  bool deleted_across = false;  // pos was strictly inside a replaced range
  bool deleted = false;         // the code point on the `assoc` side was replaced
  bool operator==(const MapResult&) const = default;
};

class StepMap {
 public:
  StepMap() = default;  // the identity: no ranges
  // Errors: ranges out of order or overlapping (the message names the range), or an
  // edit that would make a text longer than 2^32 - 1 code points.
  static Result<StepMap> make(std::vector<StepRange> ranges);
  // One replacement: [start, start + old_size) becomes new_size code points.
  static StepMap replace(uint32_t start, uint32_t old_size, uint32_t new_size);

  std::span<const StepRange> ranges() const { return ranges_; }
  bool empty() const { return ranges_.empty(); }

  MapResult map(uint32_t pos, Assoc assoc = Assoc::after) const;  // O(log ranges)
  StepMap invert() const;
  // The length of the text after the edit, given its length before.
  uint32_t map_length(uint32_t old_length) const;

 private:
  std::vector<StepRange> ranges_;
  std::vector<int64_t> shift_before_;  // shift_before_[i]: sum of size changes of ranges < i
};

// Several edits made one after another; each StepMap is in the coordinates the previous
// one produced.
class Mapping {
 public:
  Mapping() = default;
  explicit Mapping(std::vector<StepMap> maps) : maps_(std::move(maps)) {}

  void append(StepMap map) { maps_.push_back(std::move(map)); }
  std::span<const StepMap> maps() const { return maps_; }

  // Through every map in turn; a deletion flag set by any step stays set.
  MapResult map(uint32_t pos, Assoc assoc = Assoc::after) const;
  Mapping invert() const;  // the inverses, in reverse order

 private:
  std::vector<StepMap> maps_;
};

}  // namespace scholion
