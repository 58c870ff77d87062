#include "core/layout/margin_layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace scholion {
namespace {

using Tops = std::vector<float>;

// Cards at `desired` tops, each `height` tall.
std::vector<MarginCard> cards_at(const std::vector<float>& desired, float height = 10) {
  std::vector<MarginCard> cards;
  for (float d : desired) cards.push_back({d, height});
  return cards;
}

// Fails unless the cards keep their order, do not overlap (at least `gap` apart, computed
// in float as the canvas computes it) and none is above `min_top`.
void expect_valid(const std::vector<MarginCard>& cards, const Tops& tops, float gap, float min_top) {
  ASSERT_EQ(tops.size(), cards.size());
  for (std::size_t i = 0; i < tops.size(); ++i) {
    EXPECT_GE(tops[i], min_top) << "card " << i;
    if (i > 0) {
      EXPECT_GE(tops[i] - (tops[i - 1] + cards[i - 1].height), gap) << "cards " << i - 1 << ", " << i;
    }
  }
}

TEST(MarginLayout, NoCards) { EXPECT_EQ(place_margin_cards({}, 4, 0), Tops{}); }

TEST(MarginLayout, IsolatedCardsStayWhereTheyWant) {
  const auto cards = cards_at({0, 50, 100.5f});
  EXPECT_EQ(place_margin_cards(cards, 4, 0), (Tops{0, 50, 100.5f}));
}

TEST(MarginLayout, TwoCollidingCardsAreCentredOnTheirWishes) {
  // Both want 100; together they need 10 + 4 + 10: centred, 7 up and 7 down.
  EXPECT_EQ(place_margin_cards(cards_at({100, 100}), 4, 0), (Tops{93, 107}));
}

TEST(MarginLayout, AClusterIsCentredAndItsNeighboursStayPut) {
  // Three cards wanting 100, 102, 104 (height 10, gap 2): less the stack above each in
  // the cluster, they want 100, 90, 80; the mean, 90, is where the cluster starts.
  EXPECT_EQ(place_margin_cards(cards_at({0, 100, 102, 104, 300}), 2, 0),
            (Tops{0, 90, 102, 114, 300}));
}

TEST(MarginLayout, ClustersThatCollideMerge) {
  // {50, 52} is centred at 45 and 57; the third card, wanting 60, then collides with it.
  const auto cards = cards_at({50, 52, 60});
  const Tops tops = place_margin_cards(cards, 2, 0);
  expect_valid(cards, tops, 2, 0);
  // Targets 50, 40, 36 -> mean 42 -> 42, 54, 66.
  EXPECT_EQ(tops, (Tops{42, 54, 66}));
}

TEST(MarginLayout, NoCardAboveMinTop) {
  const auto cards = cards_at({0, 0, 0});
  const Tops tops = place_margin_cards(cards, 5, 20);
  EXPECT_EQ(tops, (Tops{20, 35, 50}));
  // Only the cards that need it are held down.
  EXPECT_EQ(place_margin_cards(cards_at({-100, 200}), 5, 0), (Tops{0, 200}));
}

TEST(MarginLayout, TiesKeepTheGivenOrder) {
  const auto cards = cards_at({10, 10, 10, 10});
  const Tops tops = place_margin_cards(cards, 0, -1000);
  EXPECT_EQ(tops, (Tops{-5, 5, 15, 25}));
}

TEST(MarginLayout, TheFocusedCardSitsExactlyWhereItWants) {
  const auto cards = cards_at({100, 100, 100});
  const Tops tops = place_margin_cards(cards, 4, 0, 1);
  EXPECT_EQ(tops, (Tops{86, 100, 114}));
  EXPECT_EQ(place_margin_cards(cards, 4, 0, 0), (Tops{100, 114, 128}));
  EXPECT_EQ(place_margin_cards(cards, 4, 0, 2), (Tops{72, 86, 100}));
}

TEST(MarginLayout, TheFocusedCardMovesDownOnlyWhenTheCardsBeforeItCannotFitAbove) {
  const auto cards = cards_at({0, 5, 10});
  // Two cards of 10 plus gaps of 4 need 28 above the focused one, which wants 10.
  EXPECT_EQ(place_margin_cards(cards, 4, 0, 2), (Tops{0, 14, 28}));
  // A focused card above min_top goes to min_top.
  EXPECT_EQ(place_margin_cards(cards_at({-50}), 4, 0, 0), (Tops{0}));
}

TEST(MarginLayout, AFocusedIndexOutOfRangeIsIgnored) {
  const auto cards = cards_at({100, 100});
  EXPECT_EQ(place_margin_cards(cards, 4, 0, 7), place_margin_cards(cards, 4, 0));
}

TEST(MarginLayout, TenThousandRandomCards) {
  std::mt19937 rng(42);
  for (int round = 0; round < 5; ++round) {
    std::vector<MarginCard> cards(10000);
    float y = 0;
    for (MarginCard& c : cards) {
      // One in ten at the same place as the card before: ties.
      if (std::uniform_int_distribution<int>(0, 9)(rng) != 0) y += std::uniform_real_distribution<float>(0, 110)(rng);
      c = {y, std::uniform_real_distribution<float>(5, 60)(rng)};
    }
    const float gap = 6;
    const float min_top = 20;
    const Tops tops = place_margin_cards(cards, gap, min_top);
    expect_valid(cards, tops, gap, min_top);

    // Optimal (the conditions for least squares under these constraints): cut the
    // layout into clusters of cards exactly `gap` apart. Moving the last cards of a
    // cluster down a little keeps the layout valid, so it must not lower the cost: each
    // suffix is displaced down at least as much as up (sum of top - desired >= 0). Unless
    // the cluster rests on min_top, moving its first cards up is valid too: each prefix
    // sums to <= 0 (and so the whole cluster to 0).
    for (std::size_t first = 0, last; first < cards.size(); first = last) {
      last = first + 1;
      while (last < cards.size() &&
             tops[last] - (tops[last - 1] + cards[last - 1].height) <
                 gap + 1e-2f + 1e-5f * std::abs(tops[last])) {  // float nudges widen a gap
        ++last;
      }
      // Rounding each top to float, and nudging a card down where that closed a gap,
      // which pushes the cards after it in the cluster too.
      const double k = static_cast<double>(last - first);
      const double ulp = std::abs(tops[last - 1]) * std::ldexp(1.0, -23);
      const double tolerance = k * (0.01 + 2 * k * ulp);
      const bool on_min_top = tops[first] < min_top + 1e-2f;
      double prefix = 0;
      for (std::size_t i = first; i < last; ++i) {
        prefix += static_cast<double>(tops[i]) - cards[i].desired_top;
        if (!on_min_top) ASSERT_LE(prefix, tolerance) << "cards " << first << ".." << i;
      }
      double suffix = 0;
      for (std::size_t i = last; i-- > first;) {
        suffix += static_cast<double>(tops[i]) - cards[i].desired_top;
        ASSERT_GE(suffix, -tolerance) << "cards " << i << ".." << last - 1;
      }
    }

    const std::size_t focused = std::uniform_int_distribution<std::size_t>(0, cards.size() - 1)(rng);
    const Tops around = place_margin_cards(cards, gap, min_top, focused);
    expect_valid(cards, around, gap, min_top);
    double stack = 0;  // the cards before the focused one, stacked
    for (std::size_t i = 0; i < focused; ++i) stack += cards[i].height + gap;
    if (cards[focused].desired_top >= min_top + stack) {
      EXPECT_EQ(around[focused], cards[focused].desired_top);
    } else {
      // Packed from min_top: float rounding of a long stack adds up to a few units in the
      // last place.
      EXPECT_NEAR(around[focused], min_top + stack, 1e-5 * (min_top + stack));
    }
  }
}

TEST(MarginLayout, ALongRunIsLinearTime) {
  // Every card wants 0: one cluster growing by one card at a time, then pinned at min_top.
  const std::vector<MarginCard> cards(200000, MarginCard{0, 10});
  const Tops tops = place_margin_cards(cards, 2, 0);
  EXPECT_EQ(tops.front(), 0);
  EXPECT_EQ(tops.back(), 12.0f * 199999);
}

}  // namespace
}  // namespace scholion
