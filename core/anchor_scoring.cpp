#include "core/anchor_scoring.hpp"

#include <algorithm>
#include <string>

namespace scholion::detail {
namespace {

constexpr uint32_t kMaxContext = 64;  // code points of recorded context used per side
constexpr int kEditPenalty = 2;       // an edit costs two matches

// How far `recorded` runs on in `text` (both read outward from the candidate's edge,
// nearest code point first): the best i - kEditPenalty·D[i][j] over every start of
// `recorded` (length i) and of `text` (length j), D being their edit distance. Dynamic
// programming, row by row; `row` is scratch space.
int extension(std::u32string_view recorded, const char32_t* text, uint32_t available, bool backwards,
              std::vector<uint32_t>& row) {
  const uint32_t p = static_cast<uint32_t>(recorded.size());
  const uint32_t width = std::min(available, p + p / 4 + 2);
  auto at = [&](uint32_t j) { return backwards ? *(text - 1 - j) : text[j]; };
  row.resize(width + 1);
  for (uint32_t j = 0; j <= width; ++j) row[j] = j;  // D[0][j]
  int best = 0;
  for (uint32_t i = 1; i <= p; ++i) {
    uint32_t diagonal = row[0];
    row[0] = i;
    uint32_t row_min = row[0];
    for (uint32_t j = 1; j <= width; ++j) {
      const uint32_t up = row[j];
      row[j] = std::min({up + 1, row[j - 1] + 1, diagonal + (recorded[i - 1] == at(j - 1) ? 0u : 1u)});
      diagonal = up;
      row_min = std::min(row_min, row[j]);
    }
    best = std::max(best, static_cast<int>(i) - kEditPenalty * static_cast<int>(row_min));
    // Every later row scores at most p - 2·(a distance that can only grow): stop early.
    if (static_cast<int>(p) - kEditPenalty * static_cast<int>(row_min) <= best) break;
  }
  return best;
}

}  // namespace

double combined_score(const Evidence& e) {
  // Written as 1 - the weighted shortfall, so that perfect evidence scores exactly 1.
  double shortfall = kQuoteWeight * (1 - e.quote);
  double weight = kQuoteWeight;
  if (e.context >= 0) {
    shortfall += kContextWeight * (1 - e.context);
    weight += kContextWeight;
  }
  if (e.position >= 0) {
    shortfall += kPositionWeight * (1 - e.position);
    weight += kPositionWeight;
  }
  return std::clamp(1 - shortfall / weight, 0.0, 1.0);
}

double advantage(const Evidence& a, const Evidence& b) {
  double gain = kQuoteWeight * std::max(0.0, a.quote - b.quote);
  double weight = kQuoteWeight;
  if (a.context >= 0 && b.context >= 0) {
    gain += kContextWeight * std::max(0.0, a.context - b.context);
    weight += kContextWeight;
  }
  if (a.position >= 0 && b.position >= 0) {
    gain += kPositionWeight * std::max(0.0, a.position - b.position);
    weight += kPositionWeight;
  }
  return gain / weight;
}

double position_similarity(uint32_t recorded_start, uint32_t start) {
  const uint32_t distance = recorded_start > start ? recorded_start - start : start - recorded_start;
  return 1.0 / (1.0 + distance / kPositionScale);
}

ContextScorer::ContextScorer(std::u32string_view prefix, std::u32string_view suffix) {
  const std::u32string_view near_prefix = prefix.substr(prefix.size() - std::min<std::size_t>(prefix.size(), kMaxContext));
  prefix_reversed_.assign(near_prefix.rbegin(), near_prefix.rend());
  suffix_ = suffix.substr(0, kMaxContext);
  prefix_length_ = static_cast<uint32_t>(prefix_reversed_.size());
  suffix_length_ = static_cast<uint32_t>(suffix_.size());
}

double ContextScorer::score(std::u32string_view text, uint32_t start, uint32_t end) const {
  if (empty()) return -1;
  double total = 0;
  if (prefix_length_ > 0) total += extension(prefix_reversed_, text.data() + start, start, true, row_);
  if (suffix_length_ > 0) {
    total += extension(suffix_, text.data() + end, static_cast<uint32_t>(text.size()) - end, false, row_);
  }
  return total / (prefix_length_ + suffix_length_);
}

Choice choose(const std::vector<Candidate>& candidates) {
  Choice choice;
  auto ranks_above = [&](int a, int b) {
    const Candidate& x = candidates[static_cast<std::size_t>(a)];
    const Candidate& y = candidates[static_cast<std::size_t>(b)];
    if (x.score != y.score) return x.score > y.score;
    if (x.evidence.position != y.evidence.position) return x.evidence.position > y.evidence.position;
    return x.start < y.start;
  };
  for (int i = 0; i < static_cast<int>(candidates.size()); ++i) {
    if (choice.best < 0 || ranks_above(i, choice.best)) choice.best = i;
  }
  if (choice.best < 0) return choice;
  const Candidate& best = candidates[static_cast<std::size_t>(choice.best)];
  for (int i = 0; i < static_cast<int>(candidates.size()); ++i) {
    if (i == choice.best) continue;
    const Candidate& other = candidates[static_cast<std::size_t>(i)];
    const double gap = best.score - other.score;
    const bool tie = gap < kTie;
    const bool conflicting = gap < kAmbiguityMargin && advantage(other.evidence, best.evidence) > kConflict;
    if (!tie && !conflicting) continue;
    if (choice.rival < 0 || ranks_above(i, choice.rival)) choice.rival = i;
  }
  return choice;
}

}  // namespace scholion::detail
