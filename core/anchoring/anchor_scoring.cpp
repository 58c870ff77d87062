#include "core/anchoring/anchor_scoring.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace scholion::detail {
namespace {

constexpr uint32_t kMaxContext = 64;  // code points of recorded context used per side

// Alignment scores, in half points: a match gains a point, a substitution costs two, a
// gap of L code points (a word inserted or dropped) costs 2.5 + L/2 — words are inserted
// and dropped in context far more often than letters, and an affine gap lets the
// alignment step over a whole word and run on.
constexpr int kMatch = 2;
constexpr int kSubstitution = -4;
constexpr int kGapOpen = -5;
constexpr int kGapExtend = -1;

// A gap of `length` right at the edge: beyond a few code points (a space or a word
// boundary out of place), twice the price.
int edge_gap(uint32_t length) {
  constexpr uint32_t kFree = 4;
  const int extra = length > kFree ? static_cast<int>(length - kFree) : 0;
  return kGapOpen + kGapExtend * (static_cast<int>(length) + extra);
}

// How far `recorded` runs on in `text` (both read outward from the candidate's edge,
// nearest code point first): the best score of an alignment of a start of `recorded`
// with a start of `text` (Gotoh's affine-gap dynamic programming, row by row), in half
// points. `rows` is scratch space. Stops once no longer alignment can beat the best.
int extension(std::u32string_view recorded, const char32_t* text, uint32_t available, bool backwards,
              std::vector<int>& rows) {
  const uint32_t p = static_cast<uint32_t>(recorded.size());
  const uint32_t width = std::min(available, p + p / 2 + 8);
  auto at = [&](uint32_t j) { return backwards ? *(text - 1 - j) : text[j]; };
  rows.resize(2 * (std::size_t{width} + 1));
  int* h = rows.data();              // best alignment ending at (i, j)
  int* f = rows.data() + width + 1;  // best ending with recorded[i - 1] against a gap
  // A gap right at the edge costs double per code point: text between the candidate and
  // where its context resumes is evidence that the candidate's edge is misplaced (or the
  // context lost its first words), not only a word inserted somewhere in the context.
  h[0] = 0;
  for (uint32_t j = 1; j <= width; ++j) h[j] = edge_gap(j);
  for (uint32_t j = 0; j <= width; ++j) f[j] = INT32_MIN / 2;
  int best = 0;
  for (uint32_t i = 1; i <= p; ++i) {
    int diagonal = h[0];
    h[0] = edge_gap(i);
    f[0] = h[0];
    int e = INT32_MIN / 2;  // best ending with text[j - 1] against a gap
    int row_best = h[0];
    for (uint32_t j = 1; j <= width; ++j) {
      e = std::max(h[j - 1] + kGapOpen + kGapExtend, e + kGapExtend);
      f[j] = std::max(h[j] + kGapOpen + kGapExtend, f[j] + kGapExtend);
      const int up_left = diagonal + (recorded[i - 1] == at(j - 1) ? kMatch : kSubstitution);
      diagonal = h[j];
      h[j] = std::max({up_left, e, f[j]});
      row_best = std::max(row_best, h[j]);
    }
    best = std::max(best, row_best);
    if (row_best + kMatch * static_cast<int>(p - i) <= best) break;
  }
  return best;
}

}  // namespace

double Evidence::context() const {
  const uint32_t length = (prefix >= 0 ? prefix_length : 0) + (suffix >= 0 ? suffix_length : 0);
  if (length == 0) return -1;
  return ((prefix >= 0 ? prefix * prefix_length : 0) + (suffix >= 0 ? suffix * suffix_length : 0)) / length;
}

namespace {

// Both readings are written as 1 - the weighted shortfall, so that perfect evidence
// scores exactly 1.
// Context counts fully for quotes up to kContextReach code points and less for longer
// ones: a long quote is evidence enough of its own place.
double context_weight(const Evidence& e) {
  return e.quote_length <= kContextReach ? kContextWeight : kContextWeight * kContextReach / e.quote_length;
}

double weighted_score(const Evidence& e) {
  double shortfall = kQuoteWeight * (1 - e.quote);
  double weight = kQuoteWeight;
  const double context = e.context();
  if (context >= 0) {
    shortfall += context_weight(e) * (1 - context);
    weight += context_weight(e);
  }
  if (e.position >= 0) {
    shortfall += kPositionWeight * (1 - e.position);
    weight += kPositionWeight;
  }
  return 1 - shortfall / weight;
}

double coverage_score(const Evidence& e) {
  double missing = e.quote_length * (1 - e.quote);
  double length = e.quote_length;
  if (e.prefix >= 0) {
    missing += e.prefix_length * (1 - e.prefix);
    length += e.prefix_length;
  }
  if (e.suffix >= 0) {
    missing += e.suffix_length * (1 - e.suffix);
    length += e.suffix_length;
  }
  // Position stays out of this reading: a copy of a passage elsewhere is often near.
  if (length == 0) return e.quote;
  const bool full_context = e.prefix_length + e.suffix_length >= kFullContext;
  if (missing >= kLargelyMissing * length && full_context && length < kMinEvidence) {
    // A full record (context on both sides, as describe() makes) with a good part of it
    // missing here (not a typo: a word, a sentence, a paragraph), around a short quote:
    // what agrees is measured against kMinEvidence code points. A short passage
    // repeated elsewhere (boilerplate) agrees with most of a short record; the record
    // itself is too short to tell the copies apart.
    return 1 - (missing + (kMinEvidence - length)) / kMinEvidence;
  }
  return 1 - missing / length;
}

}  // namespace

double combined_score(const Evidence& e) {
  return std::clamp(std::min(weighted_score(e), coverage_score(e)), 0.0, 1.0);
}

double advantage(const Evidence& a, const Evidence& b) {
  double gain = kQuoteWeight * std::max(0.0, a.quote - b.quote);
  double weight = kQuoteWeight;
  const double ac = a.context();
  const double bc = b.context();
  if (ac >= 0 && bc >= 0) {
    gain += context_weight(a) * std::max(0.0, ac - bc);
    weight += context_weight(a);
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

double ContextScorer::prefix(std::u32string_view text, uint32_t start) const {
  if (prefix_length_ == 0) return -1;
  return static_cast<double>(extension(prefix_reversed_, text.data() + start, start, true, rows_)) /
         (kMatch * prefix_length_);
}

double ContextScorer::suffix(std::u32string_view text, uint32_t end) const {
  if (suffix_length_ == 0) return -1;
  const uint32_t available = static_cast<uint32_t>(text.size()) - end;
  return static_cast<double>(extension(suffix_, text.data() + end, available, false, rows_)) /
         (kMatch * suffix_length_);
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
  auto text_score = [](Evidence e) {
    e.position = -1;
    return combined_score(e);
  };
  const double best_text = text_score(best.evidence);
  const bool best_in_place = best.evidence.position >= kInPlace;
  for (int i = 0; i < static_cast<int>(candidates.size()); ++i) {
    if (i == choice.best) continue;
    const Candidate& other = candidates[static_cast<std::size_t>(i)];
    const double gap = best.score - other.score;
    const bool tie = !best_in_place && text_score(other.evidence) + kTextTie >= best_text;
    const bool conflicting = gap < kAmbiguityMargin && advantage(other.evidence, best.evidence) > kConflict;
    const bool verbatim_claim = best.distance > 0 && other.distance == 0 &&
                                (best.evidence.quote_length >= kLongQuote || other.evidence.context() < 0 ||
                                 other.evidence.context() >= kVerbatimClaim);
    if (!tie && !conflicting && !verbatim_claim) continue;
    if (choice.rival < 0 || ranks_above(i, choice.rival)) choice.rival = i;
  }
  return choice;
}

}  // namespace scholion::detail
