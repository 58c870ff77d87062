// The search machinery under the anchoring engine, checked against plain dynamic
// programming: bit-parallel edit distance (one block and several), best starts and
// ends, the gram index, exact and approximate occurrences.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "core/anchoring/anchoring.hpp"
#include "core/anchoring/approximate_search.hpp"
#include "core/anchoring/bit_parallel_matcher.hpp"
#include "core/anchoring/gram_index.hpp"
#include "core/text/utf8.hpp"

namespace scholion {
namespace {

using detail::BitPattern;
using detail::Occurrence;

// D[m][j] for every j: fewest edits of a match of `p` ending at j (start free).
std::vector<uint32_t> naive_search(std::u32string_view p, std::u32string_view t) {
  std::vector<uint32_t> col(p.size() + 1), out;
  for (std::size_t i = 0; i <= p.size(); ++i) col[i] = static_cast<uint32_t>(i);
  for (const char32_t c : t) {
    uint32_t diag = col[0];
    col[0] = 0;
    for (std::size_t i = 1; i <= p.size(); ++i) {
      const uint32_t up = col[i];
      col[i] = std::min({up + 1, col[i - 1] + 1, diag + (p[i - 1] == c ? 0u : 1u)});
      diag = up;
    }
    out.push_back(col[p.size()]);
  }
  return out;
}

uint32_t naive_distance(std::u32string_view a, std::u32string_view b) {
  std::vector<uint32_t> col(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i) col[i] = static_cast<uint32_t>(i);
  for (std::size_t j = 1; j <= b.size(); ++j) {
    uint32_t diag = col[0];
    col[0] = static_cast<uint32_t>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
      const uint32_t up = col[i];
      col[i] = std::min({up + 1, col[i - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diag = up;
    }
  }
  return col[a.size()];
}

// Random text over a small alphabet (so that matches happen), with some code points
// outside the directly indexed range.
std::u32string random_text(std::mt19937& rng, std::size_t length) {
  static const std::u32string alphabet = U"abcdeя\u2019\U0001F600";
  std::u32string s;
  for (std::size_t i = 0; i < length; ++i) s += alphabet[rng() % alphabet.size()];
  return s;
}

TEST(BitParallelMatcher, ColumnDistancesEqualDynamicProgrammingForShortAndBlockedPatterns) {
  std::mt19937 rng(7);
  for (const std::size_t m : {1, 2, 5, 63, 64, 65, 100, 128, 129, 200}) {
    for (int round = 0; round < 5; ++round) {
      const std::u32string p = random_text(rng, m);
      const std::u32string t = random_text(rng, 300);
      const std::vector<uint32_t> expected = naive_search(p, t);
      const BitPattern pattern(p);
      detail::BitColumn column(pattern);
      for (std::size_t j = 0; j < t.size(); ++j) {
        ASSERT_EQ(column.step(t[j], false), expected[j]) << "m=" << m << " j=" << j;
      }
    }
  }
}

TEST(BitParallelMatcher, AnchoredColumnsMeasureWholeStrings) {
  std::mt19937 rng(11);
  for (const std::size_t m : {3, 40, 64, 70, 150}) {
    const std::u32string p = random_text(rng, m);
    const std::u32string t = random_text(rng, 180);
    const BitPattern pattern(p);
    detail::BitColumn column(pattern);
    for (std::size_t j = 0; j < t.size(); ++j) {
      ASSERT_EQ(column.step(t[j], true), naive_distance(p, std::u32string_view(t).substr(0, j + 1)))
          << "m=" << m << " j=" << j;
    }
  }
}

TEST(BitParallelMatcher, SearchEndsReportsLocalMinimaWithinTheBudget) {
  const std::u32string t = U"xx quick brown fox xx quack brawn fix xx";
  const BitPattern pattern(U"quick brown fox");
  std::vector<Occurrence> ends;
  detail::search_ends(pattern, t, 0, static_cast<uint32_t>(t.size()), 3, ends);
  ASSERT_EQ(ends.size(), 2u);
  EXPECT_EQ(ends[0].end, 18u);
  EXPECT_EQ(ends[0].distance, 0u);
  EXPECT_EQ(ends[1].end, 37u);
  EXPECT_EQ(ends[1].distance, 3u);
}

TEST(BitParallelMatcher, BestStartAndEndFindTheClosestAlignment) {
  const std::u32string t = U"the quick brown fox jumps";
  const std::u32string q = U"quick brwn";
  const BitPattern reversed(std::u32string(q.rbegin(), q.rend()));
  const Occurrence o = detail::best_start(reversed, t, 15, 14, 10);
  EXPECT_EQ(o.start, 4u);
  EXPECT_EQ(o.distance, 1u);
  const BitPattern forward(q);
  const Occurrence e = detail::best_end(forward, t, 4, 14, 10);
  EXPECT_EQ(e.end, 15u);
  EXPECT_EQ(e.distance, 1u);
}

TEST(BitParallelMatcher, BestStartAtTheTextStartCountsMissingTextAsEdits) {
  const std::u32string t = U"ab";
  const std::u32string q = U"xxab";
  const BitPattern reversed(std::u32string(q.rbegin(), q.rend()));
  const Occurrence o = detail::best_start(reversed, t, 2, 10, 4);
  EXPECT_EQ(o.start, 0u);
  EXPECT_EQ(o.distance, 2u);
}

TEST(GramIndex, EveryGramPositionIsListedUnderItsBucket) {
  std::mt19937 rng(3);
  const std::u32string t = random_text(rng, 5000);
  const detail::GramIndex index(t);
  for (uint32_t p = 0; p + 4 <= t.size(); p += 37) {
    const auto list = index.candidates(t.data() + p);
    EXPECT_TRUE(std::binary_search(list.begin(), list.end(), p)) << p;
  }
}

TEST(ExactOccurrences, IndexedAndScannedSearchesAgree) {
  std::mt19937 rng(5);
  const std::u32string big = random_text(rng, detail::kFullScanLimit + 5000);
  const AnchorText text(big);
  for (int round = 0; round < 20; ++round) {
    const std::size_t m = 1 + rng() % 8;
    const std::u32string q = big.substr(rng() % (big.size() - m), m);
    std::vector<CodePointRange> expected = find_exact(big, q);
    std::vector<Occurrence> got = detail::exact_occurrences(text, q);
    ASSERT_EQ(got.size(), expected.size()) << to_utf8(q);
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].start, expected[i].start);
  }
}

TEST(ExactOccurrences, OverlappingOccurrencesAreAllFound) {
  const std::vector<CodePointRange> found = find_exact(U"aaaa", U"aa");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[1], (CodePointRange{1, 3}));
  EXPECT_TRUE(find_exact(U"abc", U"").empty());
}

TEST(ApproximateOccurrences, FindsEveryPlantedCopyWithinTheBudgetInALongText) {
  std::mt19937 rng(9);
  std::u32string big = random_text(rng, 200000);
  const std::u32string quote = U"It is a truth universally acknowledged, that a single man";
  // Three copies with 0, 3 and 6 edits, far apart.
  std::u32string edited3 = quote;
  edited3[5] = U'X';
  edited3.erase(20, 1);
  edited3.insert(30, U"Z");
  std::u32string edited6 = edited3;
  edited6[40] = U'Q';
  edited6[45] = U'Q';
  edited6.erase(10, 1);
  big.replace(10000, quote.size(), quote);
  big.replace(90000, edited3.size(), edited3);
  big.replace(180000, edited6.size(), edited6);
  const AnchorText text(big);
  const std::vector<Occurrence> found = detail::approximate_occurrences(text, quote, 8, std::nullopt);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].start, 10000u);
  EXPECT_EQ(found[0].distance, 0u);
  EXPECT_EQ(found[1].start, 90000u);
  EXPECT_EQ(found[1].distance, 3u);
  EXPECT_EQ(found[2].start, 180000u);
  EXPECT_EQ(found[2].distance, 6u);
}

}  // namespace
}  // namespace scholion
