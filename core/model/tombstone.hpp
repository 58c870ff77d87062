// A deletion remembered for merging with other tabs (DESIGN.md "Storage"): when a copy
// of the set that still holds the annotation is merged in, the tombstone deletes it
// there instead of the copy bringing it back. Plain value type.
#pragma once

#include <string>

#include "core/model/annotation.hpp"

namespace scholion {

struct Tombstone {
  std::string id;     // the deleted annotation's id
  Timestamp deleted;  // when it was deleted
  bool operator==(const Tombstone&) const = default;
};

}  // namespace scholion
