// A range of code points [start, end) into a text: the unit of every position in the core.
#pragma once

#include <cstdint>

namespace scholion {

struct CodePointRange {
  uint32_t start = 0;
  uint32_t end = 0;  // exclusive
  bool operator==(const CodePointRange&) const = default;
};

}  // namespace scholion
