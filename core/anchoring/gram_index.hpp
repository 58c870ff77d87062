// GramIndex: where each run of four code points occurs in a text, so that exact
// occurrences and the exact seeds of approximate ones are found without reading the
// whole text for every quote.
//
// Every position p with p + 4 <= n is filed under a hash of text[p, p + 4) in a
// compressed table (bucket offsets plus one array of positions, sorted within a
// bucket). A lookup returns the bucket: a superset of the true occurrences (different
// grams may share a bucket), which the caller verifies. Building reads the text twice:
// O(n) time, 4 bytes per position plus 4 per bucket (about 9 MB for Moby-Dick's 1.2
// million code points). Internal to the core; built once per AnchorText, on demand.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace scholion::detail {

class GramIndex {
 public:
  static constexpr uint32_t kGram = 4;

  explicit GramIndex(std::u32string_view text);

  // Positions p (ascending) whose gram may equal gram[0..kGram): verify before use.
  std::span<const uint32_t> candidates(const char32_t* gram) const {
    const uint32_t b = bucket(gram);
    return std::span<const uint32_t>(positions_.data() + starts_[b], starts_[b + 1] - starts_[b]);
  }

 private:
  uint32_t bucket(const char32_t* g) const {
    uint64_t h = 0;
    for (uint32_t i = 0; i < kGram; ++i) h = (h ^ g[i]) * 0x9E3779B97F4A7C15ull;
    return static_cast<uint32_t>(h >> shift_);
  }

  uint32_t shift_ = 64;
  std::vector<uint32_t> starts_;     // buckets + 1 offsets into positions_
  std::vector<uint32_t> positions_;
};

}  // namespace scholion::detail
