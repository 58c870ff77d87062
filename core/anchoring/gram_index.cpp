#include "core/anchoring/gram_index.hpp"

namespace scholion::detail {

GramIndex::GramIndex(std::u32string_view text) {
  const uint32_t n = static_cast<uint32_t>(text.size());
  const uint32_t grams = n >= kGram ? n - kGram + 1 : 0;
  // About one bucket per two grams, between 2^10 and 2^20 buckets.
  uint32_t bits = 10;
  while (bits < 20 && (uint32_t{1} << bits) < grams / 2) ++bits;
  shift_ = 64 - bits;
  const uint32_t buckets = uint32_t{1} << bits;
  starts_.assign(buckets + 1, 0);
  for (uint32_t p = 0; p < grams; ++p) ++starts_[bucket(text.data() + p) + 1];
  for (uint32_t b = 0; b < buckets; ++b) starts_[b + 1] += starts_[b];
  positions_.resize(grams);
  std::vector<uint32_t> fill(starts_.begin(), starts_.end() - 1);
  for (uint32_t p = 0; p < grams; ++p) positions_[fill[bucket(text.data() + p)]++] = p;
}

}  // namespace scholion::detail
