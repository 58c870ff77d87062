// IntervalIndex: annotations ordered by (start, end, id), queried by window.
//
// A treap (a binary search tree balanced by random priorities) keyed by (start, end, id),
// where every node also keeps the largest `reach` in its subtree. An annotation's reach
// is its end, or start + 1 when it is empty, so an empty range [p, p) behaves like the
// code point after p. A window query walks the tree in order and skips every subtree
// whose reach does not pass `from` and everything that starts at or after `to`.
//
// Complexity (n annotations, m reported): insert and erase O(log n) expected; assigning
// n at once O(n log n) for the sort and O(n) for the tree; a window query O((m + 1) log n)
// expected, O(log n + m) when annotations do not nest deeply; in-order traversal O(n). Priorities come from a fixed-seed generator, so the shape,
// and therefore the timing, is the same on every run.
//
// The index does not own the annotations: it holds pointers, which must stay valid and
// whose (start, end, id) must not change while they are in the index (erase, change,
// insert again).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/model/annotation.hpp"

namespace scholion {

// Whether [start, end) touches the window [from, to): they share a code point, where
// an empty range [p, p) counts as the code point p. Ranges that only meet at an edge
// ([0, 5) and [5, 9)) do not touch. An empty window [p, p) thus finds what covers p.
bool touches(uint32_t start, uint32_t end, uint32_t from, uint32_t to);

class IntervalIndex {
 public:
  void insert(const Annotation* annotation);
  // Removes the entry with `annotation`'s (start, end, id); false if there is none.
  bool erase(const Annotation* annotation);
  void clear();
  // Replaces the contents with `annotations` (any order, keys unique). Faster than
  // inserting them one by one: one sort, then the tree is built from left to right.
  void assign(std::vector<const Annotation*> annotations);
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Appends to `out`, in (start, end, id) order, every annotation touching [from, to).
  // Nothing when from > to.
  void collect(uint32_t from, uint32_t to, std::vector<const Annotation*>& out) const;
  // Appends every annotation to `out` in (start, end, id) order.
  void collect_all(std::vector<const Annotation*>& out) const;

 private:
  static constexpr uint32_t kNil = UINT32_MAX;
  struct Node {
    const Annotation* annotation = nullptr;
    uint64_t reach_max = 0;  // largest reach in this subtree; 64 bits so start + 1 fits
    uint32_t priority = 0;
    uint32_t left = kNil;
    uint32_t right = kNil;
  };

  uint32_t new_node(const Annotation* annotation);
  void update(uint32_t t);
  // Splits `t` into keys before `key` (or up to and including it, with `or_equal`) and
  // the rest.
  void split(uint32_t t, const Annotation& key, bool or_equal, uint32_t& left, uint32_t& right);
  uint32_t join(uint32_t left, uint32_t right);
  void collect_in(uint32_t t, uint32_t from, uint64_t to_reach,
                  std::vector<const Annotation*>& out) const;
  void collect_all_in(uint32_t t, std::vector<const Annotation*>& out) const;

  std::vector<Node> nodes_;        // node pool; links are indices into it
  std::vector<uint32_t> free_;     // recycled pool slots
  uint32_t root_ = kNil;
  std::size_t size_ = 0;
  uint64_t rng_ = 0x9E3779B97F4A7C15ull;  // xorshift state for priorities
};

// The index's order: (start, end, id).
bool range_order_less(const Annotation& a, const Annotation& b);

}  // namespace scholion
