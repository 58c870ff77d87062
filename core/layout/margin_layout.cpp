#include "core/layout/margin_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scholion {
namespace {

// Why the change of variable: with offset[i] the height of the stack of cards before i
// (heights and gaps), top[i] = z[i] + offset[i], "no overlap, order kept" becomes "z
// non-decreasing", and the displacement of a card is the same in both. So the tops are the
// isotonic regression of target[i] = desired_top[i] - offset[i], clipped to [lo, hi]
// (clipping the unconstrained fit is optimal for box constraints).
struct Cluster {
  double sum = 0;     // of the targets pooled
  std::size_t count = 0;
  std::size_t last = 0;  // index of its last card
  double mean() const { return sum / static_cast<double>(count); }
};

// Fits z[first, last) to target, non-decreasing, each within [lo, hi].
void fit(const std::vector<double>& target, std::size_t first, std::size_t last, double lo,
         double hi, std::vector<double>& z) {
  std::vector<Cluster> stack;
  for (std::size_t i = first; i < last; ++i) {
    Cluster c{target[i], 1, i};
    while (!stack.empty() && stack.back().mean() >= c.mean()) {
      c.sum += stack.back().sum;
      c.count += stack.back().count;
      stack.pop_back();
    }
    stack.push_back(c);
  }
  std::size_t i = first;
  for (const Cluster& c : stack) {
    const double value = std::clamp(c.mean(), lo, std::max(lo, hi));
    for (; i <= c.last; ++i) z[i] = value;
  }
}

// Whether card i starts at least `gap` below the end of card i - 1, computed in float as
// whoever draws the cards computes it.
bool apart(const std::vector<MarginCard>& cards, float gap, const std::vector<float>& tops,
           std::size_t i) {
  return tops[i] - (tops[i - 1] + std::max(0.0f, cards[i - 1].height)) >= gap;
}

// Rounding the tops to float can close a gap by a unit in the last place (at y = 200,000
// one is 1/64). Nudges the cards after `fixed` down and those before it up until every
// gap holds in float; if that lifts the first card above min_top, pushes down from there
// instead. Each card moves by a few units in the last place at most.
void keep_apart_in_float(const std::vector<MarginCard>& cards, float gap, float min_top,
                         std::size_t fixed, std::vector<float>& tops) {
  constexpr int kMaxNudges = 64;  // a NaN gap never holds: give up rather than spin
  constexpr float kInfinity = std::numeric_limits<float>::infinity();
  auto push_down_from = [&](std::size_t first) {
    for (std::size_t i = first + 1; i < tops.size(); ++i) {
      for (int k = 0; k < kMaxNudges && !apart(cards, gap, tops, i); ++k) {
        tops[i] = std::nextafter(tops[i], kInfinity);
      }
    }
  };
  push_down_from(fixed);
  for (std::size_t i = fixed; i-- > 0;) {
    for (int k = 0; k < kMaxNudges && !apart(cards, gap, tops, i + 1); ++k) {
      tops[i] = std::nextafter(tops[i], -kInfinity);
    }
  }
  if (!tops.empty() && tops[0] < min_top) {
    tops[0] = min_top;
    push_down_from(0);
  }
}

}  // namespace

std::vector<float> place_margin_cards(const std::vector<MarginCard>& cards, float gap,
                                      float min_top, std::optional<std::size_t> focused) {
  const std::size_t n = cards.size();
  std::vector<double> offset(n);
  std::vector<double> target(n);
  double stack = 0;
  for (std::size_t i = 0; i < n; ++i) {
    offset[i] = stack;
    target[i] = static_cast<double>(cards[i].desired_top) - stack;
    stack += std::max(0.0, static_cast<double>(cards[i].height)) + static_cast<double>(gap);
  }
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  std::vector<double> z(n);
  if (focused && *focused < n) {
    const std::size_t f = *focused;
    // In z, min_top is a bound on every card, and the cards before f fit above it exactly
    // when its own z is at least min_top.
    const double pinned = std::max(target[f], static_cast<double>(min_top));
    fit(target, 0, f, min_top, pinned, z);
    z[f] = pinned;
    fit(target, f + 1, n, pinned, kInfinity, z);
  } else {
    fit(target, 0, n, min_top, kInfinity, z);
  }
  std::vector<float> tops(n);
  for (std::size_t i = 0; i < n; ++i) tops[i] = static_cast<float>(z[i] + offset[i]);
  const bool exact = focused && *focused < n && target[*focused] >= min_top;
  if (exact) tops[*focused] = cards[*focused].desired_top;  // whatever the rounding
  keep_apart_in_float(cards, gap, min_top, exact ? *focused : 0, tops);
  return tops;
}

}  // namespace scholion
