#include "core/model/interval_index.hpp"

#include <algorithm>
#include <tuple>

namespace scholion {
namespace {

uint64_t reach_of(const Annotation& a) {
  return a.end > a.start ? a.end : uint64_t{a.start} + 1;
}

}  // namespace

bool touches(uint32_t start, uint32_t end, uint32_t from, uint32_t to) {
  if (from > to) return false;
  const uint64_t to_reach = std::max<uint64_t>(to, uint64_t{from} + 1);
  const uint64_t reach = end > start ? end : uint64_t{start} + 1;
  return start < to_reach && reach > from;
}

bool range_order_less(const Annotation& a, const Annotation& b) {
  return std::tie(a.start, a.end, a.id) < std::tie(b.start, b.end, b.id);
}

uint32_t IntervalIndex::new_node(const Annotation* annotation) {
  // why: xorshift64 is enough for balance and keeps the shape reproducible.
  rng_ ^= rng_ << 13;
  rng_ ^= rng_ >> 7;
  rng_ ^= rng_ << 17;
  Node node{annotation, reach_of(*annotation), static_cast<uint32_t>(rng_ >> 32), kNil, kNil};
  if (!free_.empty()) {
    const uint32_t slot = free_.back();
    free_.pop_back();
    nodes_[slot] = node;
    return slot;
  }
  nodes_.push_back(node);
  return static_cast<uint32_t>(nodes_.size() - 1);
}

void IntervalIndex::update(uint32_t t) {
  Node& n = nodes_[t];
  n.reach_max = reach_of(*n.annotation);
  if (n.left != kNil) n.reach_max = std::max(n.reach_max, nodes_[n.left].reach_max);
  if (n.right != kNil) n.reach_max = std::max(n.reach_max, nodes_[n.right].reach_max);
}

void IntervalIndex::split(uint32_t t, const Annotation& key, bool or_equal, uint32_t& left,
                          uint32_t& right) {
  if (t == kNil) {
    left = right = kNil;
    return;
  }
  const Annotation& here = *nodes_[t].annotation;
  const bool goes_left = or_equal ? !range_order_less(key, here) : range_order_less(here, key);
  if (goes_left) {
    split(nodes_[t].right, key, or_equal, nodes_[t].right, right);
    left = t;
  } else {
    split(nodes_[t].left, key, or_equal, left, nodes_[t].left);
    right = t;
  }
  update(t);
}

uint32_t IntervalIndex::join(uint32_t left, uint32_t right) {
  if (left == kNil) return right;
  if (right == kNil) return left;
  if (nodes_[left].priority > nodes_[right].priority) {
    nodes_[left].right = join(nodes_[left].right, right);
    update(left);
    return left;
  }
  nodes_[right].left = join(left, nodes_[right].left);
  update(right);
  return right;
}

void IntervalIndex::insert(const Annotation* annotation) {
  uint32_t before = kNil;
  uint32_t after = kNil;
  split(root_, *annotation, false, before, after);
  root_ = join(join(before, new_node(annotation)), after);
  ++size_;
}

bool IntervalIndex::erase(const Annotation* annotation) {
  uint32_t before = kNil;
  uint32_t rest = kNil;
  split(root_, *annotation, false, before, rest);
  uint32_t equal = kNil;
  uint32_t after = kNil;
  split(rest, *annotation, true, equal, after);
  // Keys are unique (the id is part of the key), so `equal` is one node or none.
  if (equal != kNil) {
    free_.push_back(equal);
    --size_;
  }
  root_ = join(before, after);
  return equal != kNil;
}

void IntervalIndex::clear() {
  nodes_.clear();
  free_.clear();
  root_ = kNil;
  size_ = 0;
}

void IntervalIndex::assign(std::vector<const Annotation*> annotations) {
  clear();
  std::sort(annotations.begin(), annotations.end(),
            [](const Annotation* a, const Annotation* b) { return range_order_less(*a, *b); });
  nodes_.reserve(annotations.size());
  // The treap of keys in order is the Cartesian tree of their priorities: keep the right
  // spine on a stack; a new node takes as its left child what it pops (lower priority).
  // A node leaves the stack only once its subtree is complete, so its reach is final then.
  std::vector<uint32_t> spine;
  for (const Annotation* annotation : annotations) {
    const uint32_t t = new_node(annotation);
    uint32_t popped = kNil;
    while (!spine.empty() && nodes_[spine.back()].priority < nodes_[t].priority) {
      popped = spine.back();
      spine.pop_back();
      update(popped);
    }
    nodes_[t].left = popped;
    if (!spine.empty()) nodes_[spine.back()].right = t;
    spine.push_back(t);
  }
  root_ = spine.empty() ? kNil : spine.front();
  while (!spine.empty()) {
    update(spine.back());
    spine.pop_back();
  }
  size_ = nodes_.size();
}

void IntervalIndex::collect(uint32_t from, uint32_t to, std::vector<const Annotation*>& out) const {
  if (from > to) return;
  collect_in(root_, from, std::max<uint64_t>(to, uint64_t{from} + 1), out);
}

void IntervalIndex::collect_in(uint32_t t, uint32_t from, uint64_t to_reach,
                               std::vector<const Annotation*>& out) const {
  // why: reach_max prunes subtrees that end before the window; the key order prunes
  // everything that starts after it. Together they keep a query near its output size.
  if (t == kNil || nodes_[t].reach_max <= from) return;
  const Node& n = nodes_[t];
  collect_in(n.left, from, to_reach, out);
  if (n.annotation->start >= to_reach) return;
  if (reach_of(*n.annotation) > from) out.push_back(n.annotation);
  collect_in(n.right, from, to_reach, out);
}

void IntervalIndex::collect_all(std::vector<const Annotation*>& out) const {
  out.reserve(out.size() + size_);
  collect_all_in(root_, out);
}

void IntervalIndex::collect_all_in(uint32_t t, std::vector<const Annotation*>& out) const {
  if (t == kNil) return;
  collect_all_in(nodes_[t].left, out);
  out.push_back(nodes_[t].annotation);
  collect_all_in(nodes_[t].right, out);
}

}  // namespace scholion
