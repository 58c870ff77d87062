// Edit distance by bit-parallel dynamic programming (Myers 1999), in blocks of 64
// pattern code points (Hyyrö 2003) so patterns of any length work.
//
// The classic table D[i][j] (edit distance between the first i code points of the
// pattern and a piece of text ending at j) is kept one column at a time as two bit
// vectors of vertical deltas (+1 / -1 between neighbouring rows). Advancing a column
// over one text code point costs a handful of word operations per block of 64 rows:
// O(ceil(m / 64)) per text code point instead of O(m). Only the bottom row's value,
// D[m][j], is tracked explicitly.
//
// The top row decides what kind of alignment is measured:
//   - search (D[0][j] = 0): the pattern may start anywhere in the text, so D[m][j] is the
//     fewest edits of any match ending at j (Sellers' approximate search);
//   - anchored (D[0][j] = j): the match starts exactly where the column walk started.
// Walking the text backwards with the pattern reversed turns "ends at e" into "starts at
// the walk's start": that is how a match's start is found from its end, and how a
// recorded prefix is compared with the text just before a candidate.
//
// Internal to the core. Code points are compared exactly (no case folding).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace scholion::detail {

// A pattern compiled into per-code-point match masks, one 64-bit word per block.
class BitPattern {
 public:
  explicit BitPattern(std::u32string_view pattern);

  uint32_t size() const { return size_; }
  uint32_t blocks() const { return blocks_; }
  // The match masks of `c`: blocks() words, bit i of word b set where pattern code point
  // 64·b + i equals c. All zero for a code point the pattern does not contain.
  const uint64_t* masks(char32_t c) const {
    uint32_t slot = 0;
    if (c < kDirect) {
      slot = direct_[c];
    } else if (!keys_.empty()) {
      for (uint32_t h = hash(c);; h = (h + 1) & key_mask_) {
        if (keys_[h] == c) {
          slot = key_slots_[h];
          break;
        }
        if (keys_[h] == 0) break;
      }
    }
    return &masks_[std::size_t{slot} * blocks_];
  }

 private:
  // Latin, Greek and Cyrillic look masks up directly; other code points hash.
  static constexpr char32_t kDirect = 0x530;
  uint32_t hash(char32_t c) const { return (static_cast<uint32_t>(c) * 0x9E3779B1u >> 7) & key_mask_; }

  uint32_t size_ = 0;
  uint32_t blocks_ = 1;
  std::vector<uint16_t> direct_;     // kDirect entries: slot of the code point's masks
  std::vector<char32_t> keys_;       // open addressing; 0 = empty (0 < kDirect, never a key)
  std::vector<uint16_t> key_slots_;
  uint32_t key_mask_ = 0;
  std::vector<uint64_t> masks_;      // slot 0 is all zero
};

// One column of the table, advanced a text code point at a time.
class BitColumn {
 public:
  explicit BitColumn(const BitPattern& pattern);

  void reset();  // column 0: D[i][0] = i
  // Advances over code point `c`. `anchored`: the top row grows by one (D[0][j] = j);
  // otherwise it stays 0 (search). Returns D[m][j].
  uint32_t step(char32_t c, bool anchored);
  uint32_t distance() const { return scores_.back(); }

 private:
  const BitPattern& pattern_;
  std::vector<uint64_t> pv_;  // per block: rows whose vertical delta is +1
  std::vector<uint64_t> mv_;  // per block: rows whose vertical delta is -1
  std::vector<uint32_t> scores_;  // per block: D at its bottom row
  uint64_t last_high_ = 0;        // the bit of row m - 1 in the last block
};

// An approximate occurrence, [start, end) in the searched text.
struct Occurrence {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t distance = 0;  // edits between the pattern and text[start, end)
};

// Every end position e in (from, to] where some match ends with at most `max_distance`
// edits and D[m][e] is a local minimum (no neighbour ending lower), in text order,
// paired with that distance (`start` left 0). O((to - from) · blocks).
void search_ends(const BitPattern& pattern, std::u32string_view text, uint32_t from, uint32_t to,
                 uint32_t max_distance, std::vector<Occurrence>& out);

// For a match ending at `end`: the start s in [end - max_length, end] with the fewest
// edits between the pattern and text[s, end); among equals, the length nearest
// `preferred_length`. `reversed` is the pattern compiled backwards. O(max_length · blocks).
Occurrence best_start(const BitPattern& reversed, std::u32string_view text, uint32_t end, uint32_t max_length,
                      uint32_t preferred_length);

// For a match starting at `start`: the end e in [start, start + max_length] with the
// fewest edits between the pattern and text[start, e); ties as above.
Occurrence best_end(const BitPattern& pattern, std::u32string_view text, uint32_t start, uint32_t max_length,
                    uint32_t preferred_length);

// The whole profile behind best_start / best_end: out[t] = edits between the pattern and
// text[end - t, end) (distances_to_end, pattern reversed) or text[start, start + t)
// (distances_from_start), for t = 0 .. max_length within the text.
void distances_to_end(const BitPattern& reversed, std::u32string_view text, uint32_t end, uint32_t max_length,
                      std::vector<uint32_t>& out);
void distances_from_start(const BitPattern& pattern, std::u32string_view text, uint32_t start, uint32_t max_length,
                          std::vector<uint32_t>& out);

}  // namespace scholion::detail
