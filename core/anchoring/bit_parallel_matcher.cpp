#include "core/anchoring/bit_parallel_matcher.hpp"

#include <algorithm>

namespace scholion::detail {
namespace {

constexpr uint64_t kTopBit = uint64_t{1} << 63;

// One block of 64 rows advanced over one text column (Hyyrö's formulation of Myers'
// step). `carry_in` is the horizontal delta entering the block's top row from the block
// above (or the table's top row); returns the delta leaving its bottom row (`high` marks
// that row).
inline int advance_block(uint64_t& pv, uint64_t& mv, uint64_t eq, int carry_in, uint64_t high) {
  const uint64_t carry_negative = carry_in < 0 ? uint64_t{1} : uint64_t{0};
  const uint64_t xv = eq | mv;
  // A -1 arriving from above lets the top row's diagonal win as a match would.
  eq |= carry_negative;
  const uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
  uint64_t ph = mv | ~(xh | pv);
  uint64_t mh = pv & xh;
  const int carry_out = (ph & high) ? 1 : ((mh & high) ? -1 : 0);
  ph = (ph << 1) | (carry_in > 0 ? uint64_t{1} : uint64_t{0});
  mh = (mh << 1) | carry_negative;
  pv = mh | ~(xv | ph);
  mv = ph & xv;
  return carry_out;
}

}  // namespace

BitPattern::BitPattern(std::u32string_view pattern)
    : size_(static_cast<uint32_t>(pattern.size())),
      blocks_(std::max<uint32_t>(1, static_cast<uint32_t>((pattern.size() + 63) / 64))),
      direct_(kDirect, 0),
      masks_(blocks_, 0) {
  std::vector<char32_t> others;
  auto slot_of = [&](char32_t c) -> uint32_t {
    if (c < kDirect) {
      if (direct_[c] == 0) {
        direct_[c] = static_cast<uint16_t>(masks_.size() / blocks_);
        masks_.resize(masks_.size() + blocks_, 0);
      }
      return direct_[c];
    }
    const auto it = std::find(others.begin(), others.end(), c);
    if (it != others.end()) return key_slots_[static_cast<std::size_t>(it - others.begin())];
    others.push_back(c);
    key_slots_.push_back(static_cast<uint16_t>(masks_.size() / blocks_));
    masks_.resize(masks_.size() + blocks_, 0);
    return key_slots_.back();
  };
  for (uint32_t i = 0; i < size_; ++i) {
    const uint32_t slot = slot_of(pattern[i]);
    masks_[std::size_t{slot} * blocks_ + i / 64] |= uint64_t{1} << (i % 64);
  }
  if (!others.empty()) {
    uint32_t capacity = 8;
    while (capacity < others.size() * 2) capacity *= 2;
    key_mask_ = capacity - 1;
    std::vector<uint16_t> slots(capacity, 0);
    keys_.assign(capacity, 0);
    for (std::size_t k = 0; k < others.size(); ++k) {
      uint32_t h = hash(others[k]);
      while (keys_[h] != 0) h = (h + 1) & key_mask_;
      keys_[h] = others[k];
      slots[h] = key_slots_[k];
    }
    key_slots_ = std::move(slots);
  }
}

BitColumn::BitColumn(const BitPattern& pattern)
    : pattern_(pattern), pv_(pattern.blocks()), mv_(pattern.blocks()), scores_(pattern.blocks()) {
  const uint32_t rows_in_last = pattern.size() == 0 ? 64 : (pattern.size() - 1) % 64 + 1;
  last_high_ = uint64_t{1} << (rows_in_last - 1);
  reset();
}

void BitColumn::reset() {
  const uint32_t blocks = pattern_.blocks();
  for (uint32_t b = 0; b < blocks; ++b) {
    pv_[b] = ~uint64_t{0};
    mv_[b] = 0;
    scores_[b] = std::min(pattern_.size(), (b + 1) * 64);
  }
}

uint32_t BitColumn::step(char32_t c, bool anchored) {
  const uint64_t* eq = pattern_.masks(c);
  const uint32_t last = pattern_.blocks() - 1;
  int carry = anchored ? 1 : 0;
  for (uint32_t b = 0; b <= last; ++b) {
    carry = advance_block(pv_[b], mv_[b], eq[b], carry, b == last ? last_high_ : kTopBit);
    scores_[b] = static_cast<uint32_t>(static_cast<int64_t>(scores_[b]) + carry);
  }
  if (pattern_.size() == 0) scores_[0] = 0;  // the empty pattern matches everywhere
  return scores_[last];
}

void search_ends(const BitPattern& pattern, std::u32string_view text, uint32_t from, uint32_t to,
                 uint32_t max_distance, std::vector<Occurrence>& out) {
  to = std::min<uint32_t>(to, static_cast<uint32_t>(text.size()));
  if (from >= to) return;
  BitColumn column(pattern);
  // A value is a local minimum when neither neighbour is lower; plateaus report each
  // of their positions (the callers merge overlapping occurrences).
  uint32_t previous = column.distance();  // D[m] before the first column: m
  uint32_t pending_end = 0;
  bool pending = false;
  for (uint32_t j = from; j < to; ++j) {
    const uint32_t d = column.step(text[j], false);
    if (pending) {
      if (d >= previous) out.push_back(Occurrence{0, pending_end, previous});
      pending = false;
    }
    if (d <= max_distance && d <= previous) {
      pending = true;
      pending_end = j + 1;
    }
    previous = d;
  }
  if (pending) out.push_back(Occurrence{0, pending_end, previous});
}

namespace {

// Keeps the better of two alignments: fewer edits, then length nearer the preferred one.
inline bool better(uint32_t distance, uint32_t length, uint32_t best_distance, uint32_t best_length,
                   uint32_t preferred) {
  if (distance != best_distance) return distance < best_distance;
  const uint32_t off = length > preferred ? length - preferred : preferred - length;
  const uint32_t best_off = best_length > preferred ? best_length - preferred : preferred - best_length;
  return off < best_off;
}

}  // namespace

Occurrence best_start(const BitPattern& reversed, std::u32string_view text, uint32_t end, uint32_t max_length,
                      uint32_t preferred_length) {
  BitColumn column(reversed);
  uint32_t best_length = 0;
  uint32_t best_distance = reversed.size();
  const uint32_t limit = std::min(max_length, end);
  for (uint32_t t = 1; t <= limit; ++t) {
    const uint32_t d = column.step(text[end - t], true);
    if (better(d, t, best_distance, best_length, preferred_length)) {
      best_distance = d;
      best_length = t;
    }
  }
  return Occurrence{end - best_length, end, best_distance};
}

Occurrence best_end(const BitPattern& pattern, std::u32string_view text, uint32_t start, uint32_t max_length,
                    uint32_t preferred_length) {
  BitColumn column(pattern);
  uint32_t best_length = 0;
  uint32_t best_distance = pattern.size();
  const uint32_t available = start < text.size() ? static_cast<uint32_t>(text.size()) - start : 0;
  const uint32_t limit = std::min(max_length, available);
  for (uint32_t t = 1; t <= limit; ++t) {
    const uint32_t d = column.step(text[start + t - 1], true);
    if (better(d, t, best_distance, best_length, preferred_length)) {
      best_distance = d;
      best_length = t;
    }
  }
  return Occurrence{start, start + best_length, best_distance};
}

void distances_to_end(const BitPattern& reversed, std::u32string_view text, uint32_t end, uint32_t max_length,
                      std::vector<uint32_t>& out) {
  BitColumn column(reversed);
  const uint32_t limit = std::min(max_length, end);
  out.assign(1, reversed.size());
  for (uint32_t t = 1; t <= limit; ++t) out.push_back(column.step(text[end - t], true));
}

void distances_from_start(const BitPattern& pattern, std::u32string_view text, uint32_t start, uint32_t max_length,
                          std::vector<uint32_t>& out) {
  BitColumn column(pattern);
  const uint32_t available = start < text.size() ? static_cast<uint32_t>(text.size()) - start : 0;
  const uint32_t limit = std::min(max_length, available);
  out.assign(1, pattern.size());
  for (uint32_t t = 1; t <= limit; ++t) out.push_back(column.step(text[start + t - 1], true));
}

}  // namespace scholion::detail
