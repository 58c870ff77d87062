// anchor(): position check → exact search → approximate search → threshold (see
// anchoring.hpp for the order, anchor_scoring.hpp for the score, approximate_search.hpp
// for how candidates are found).
#include "core/anchoring/anchoring.hpp"

#include <algorithm>
#include <cmath>

#include "core/anchoring/anchor_scoring.hpp"
#include "core/anchoring/approximate_search.hpp"
#include "core/text/grapheme_clusters.hpp"
#include "core/text/utf8.hpp"

namespace scholion {
namespace {

using detail::Candidate;
using detail::Occurrence;

// Context this close to the recorded one confirms a verbatim occurrence on its own:
// no approximate search can then find a better place, only a rival that costs time.
constexpr double kContextConfirms = 0.95;
// Verbatim occurrences scored at most: a quote of a few letters can occur thousands of
// times; the ones nearest the recorded position are kept.
constexpr std::size_t kMaxExactCandidates = 4096;
// Longer quotes are found by position and verbatim only (a fuzzy search over them would
// cost O(m²/64) per window for little gain: a passage that long is rarely re-typed).
constexpr uint32_t kMaxFuzzyQuote = 4096;

AnchorResult orphan(OrphanReason reason, double score = 0) {
  AnchorResult r;
  r.reason = reason;
  r.score = std::clamp(score, 0.0, 1.0);
  return r;
}

AnchorResult anchored(const AnchorText& text, uint32_t start, uint32_t end, double score, AnchorMethod method) {
  const CodePointRange snapped = snap_to_graphemes(text.code_points(), start, end);
  AnchorResult r;
  r.status = AnchorStatus::anchored;
  r.start = snapped.start;
  r.end = snapped.end;
  r.score = std::clamp(score, 0.0, 1.0);
  r.method = method;
  r.text = text.slice(snapped.start, snapped.end);
  return r;
}

class Anchorer {
 public:
  Anchorer(const TextQuote& quote, std::optional<uint32_t> hint, const AnchorText& text, const AnchorOptions& options)
      : text_(text),
        options_(options),
        quote_(to_utf32(quote.exact)),
        hint_(hint),
        context_(to_utf32(quote.prefix), to_utf32(quote.suffix)) {}

  Anchorer(const Anchorer&) = delete;

  AnchorResult run() {
    const std::u32string_view t = text_.code_points();
    const uint32_t m = static_cast<uint32_t>(quote_.size());

    // 1. The recorded position still holds the quote, in its recorded surroundings.
    if (hint_ && uint64_t{*hint_} + m <= t.size() && t.substr(*hint_, m) == quote_) {
      const Candidate c = evaluate(Occurrence{*hint_, *hint_ + m, 0});
      if (c.evidence.context() >= kContextConfirms) return accept(c);
    }

    // 2. Verbatim occurrences, ranked by context and distance from the recorded position.
    std::vector<Occurrence> exact = detail::exact_occurrences(text_, quote_);
    if (exact.size() > kMaxExactCandidates) keep_nearest(exact);
    for (const Occurrence& o : exact) candidates_.push_back(evaluate(o));
    const detail::Choice exact_choice = detail::choose(candidates_);
    if (exact_choice.best >= 0 && !exact_choice.ambiguous()) {
      const Candidate& best = candidates_[static_cast<std::size_t>(exact_choice.best)];
      if (best.evidence.context() >= kContextConfirms && best.score >= options_.threshold) return accept(best);
    }

    // 3. Approximate occurrences within the edit budget.
    const auto budget = static_cast<uint32_t>(std::floor(std::max(0.0, options_.max_error_rate) * m));
    if (options_.fuzzy && budget > 0 && m <= kMaxFuzzyQuote) add_approximate(budget);

    // 4. The best candidate, if it is good enough and nothing rivals it.
    const detail::Choice choice = detail::choose(candidates_);
    if (choice.best < 0) return orphan(OrphanReason::not_found);
    const Candidate& best = candidates_[static_cast<std::size_t>(choice.best)];
    if (best.score < options_.threshold) return orphan(OrphanReason::below_threshold, best.score);
    if (choice.ambiguous()) return orphan(OrphanReason::ambiguous, best.score);
    return accept(best);
  }

 private:
  Candidate evaluate(const Occurrence& o) const {
    Candidate c = base(o);
    const std::u32string_view t = text_.code_points();
    c.evidence.prefix = context_.prefix(t, o.start);
    c.evidence.suffix = context_.suffix(t, o.end);
    c.score = detail::combined_score(c.evidence);
    return c;
  }

  // Everything but the context, which is the expensive part.
  Candidate base(const Occurrence& o) const {
    Candidate c;
    c.start = o.start;
    c.end = o.end;
    c.distance = o.distance;
    const double m = static_cast<double>(quote_.size());
    c.evidence.quote = o.distance >= m ? 0.0 : 1.0 - o.distance / m;
    c.evidence.position = hint_ ? detail::position_similarity(*hint_, o.start) : -1;
    c.evidence.quote_length = static_cast<uint32_t>(quote_.size());
    c.evidence.prefix_length = context_.prefix_length();
    c.evidence.suffix_length = context_.suffix_length();
    return c;
  }

  // An approximate match's edges are where its edits are cheapest, which can put them a
  // word into the surroundings (a replaced first word lets the alignment borrow letters
  // from the word before). Among the edges that cost at most two more edits, keep the
  // ones that score best with the context: the highlight then starts and ends where the
  // recorded context says the quote does.
  Candidate refine(const Candidate& c, uint32_t budget) {
    constexpr uint32_t kSlack = 2;
    const std::u32string_view t = text_.code_points();
    const uint32_t m = static_cast<uint32_t>(quote_.size());
    Candidate best = c;
    detail::distances_to_end(*reversed_, t, c.end, m + budget, profile_);
    uint32_t least = *std::min_element(profile_.begin(), profile_.end());
    for (uint32_t length = 1; length < profile_.size(); ++length) {
      const uint32_t d = profile_[length];
      if (d > budget || d > least + kSlack || c.end - length == c.start) continue;
      const Candidate alt = evaluate(Occurrence{c.end - length, c.end, d});
      if (alt.score > best.score) best = alt;
    }
    detail::distances_from_start(*forward_, t, best.start, m + budget, profile_);
    least = *std::min_element(profile_.begin(), profile_.end());
    const Candidate middle = best;
    for (uint32_t length = 1; length < profile_.size(); ++length) {
      const uint32_t d = profile_[length];
      if (d > budget || d > least + kSlack || middle.start + length == middle.end) continue;
      const Candidate alt = evaluate(Occurrence{middle.start, middle.start + length, d});
      if (alt.score > best.score) best = alt;
    }
    return best;
  }

  AnchorResult accept(const Candidate& c) const {
    const AnchorMethod method = c.distance > 0 ? AnchorMethod::fuzzy
                                : (hint_ && c.start == *hint_) ? AnchorMethod::position
                                                               : AnchorMethod::exact;
    return anchored(text_, c.start, c.end, c.score, method);
  }

  void keep_nearest(std::vector<Occurrence>& exact) const {
    const uint32_t at = hint_.value_or(0);
    auto distance = [at](const Occurrence& o) { return o.start > at ? o.start - at : at - o.start; };
    std::nth_element(exact.begin(), exact.begin() + kMaxExactCandidates, exact.end(),
                     [&](const Occurrence& a, const Occurrence& b) { return distance(a) < distance(b); });
    exact.resize(kMaxExactCandidates);
  }

  void add_approximate(uint32_t budget) {
    std::vector<Candidate> found;
    for (const Occurrence& o : detail::approximate_occurrences(text_, quote_, budget, hint_)) {
      if (o.distance == 0) continue;  // verbatim ones are candidates already
      found.push_back(base(o));
    }
    if (found.empty()) return;
    forward_.emplace(quote_);
    reversed_.emplace(std::u32string(quote_.rbegin(), quote_.rend()));
    // Context is computed best-first, by what each candidate could score with perfect
    // context; once that bound falls out of reach of the best (and of rivalling it),
    // the rest cannot matter.
    auto bound = [&](const Candidate& c) {
      detail::Evidence e = c.evidence;
      if (e.prefix_length > 0) e.prefix = 1;
      if (e.suffix_length > 0) e.suffix = 1;
      return detail::combined_score(e);
    };
    std::sort(found.begin(), found.end(), [&](const Candidate& a, const Candidate& b) { return bound(a) > bound(b); });
    double best = 0;
    for (const Candidate& c : candidates_) best = std::max(best, c.score);
    for (const Candidate& c : found) {
      // Below this a candidate can neither be the best nor rival it.
      if (bound(c) < best - detail::kAmbiguityMargin) break;
      const Candidate refined = refine(evaluate(Occurrence{c.start, c.end, c.distance}), budget);
      best = std::max(best, refined.score);
      candidates_.push_back(refined);
    }
  }

  const AnchorText& text_;
  const AnchorOptions& options_;
  std::u32string quote_;
  std::optional<uint32_t> hint_;
  detail::ContextScorer context_;
  std::vector<Candidate> candidates_;
  std::optional<detail::BitPattern> forward_;   // the quote, for refining edges
  std::optional<detail::BitPattern> reversed_;
  std::vector<uint32_t> profile_;
};

}  // namespace

AnchorResult anchor(const FoundSelectors& selectors, const AnchorText& text, const AnchorOptions& options) {
  if (!selectors.quote || selectors.quote->exact.empty()) {
    // Nothing to check a bare position against: it is taken as written if it fits.
    if (!selectors.position) return orphan(OrphanReason::no_selectors);
    const CodePointRange& p = *selectors.position;
    if (p.start > p.end || p.end > text.length()) return orphan(OrphanReason::out_of_range);
    return anchored(text, p.start, p.end, 1.0, AnchorMethod::position);
  }
  std::optional<uint32_t> hint;
  if (selectors.position) hint = selectors.position->start;
  return Anchorer(*selectors.quote, hint, text, options).run();
}

AnchorResult anchor(const FoundSelectors& selectors, const Document& document, const AnchorOptions& options) {
  return anchor(selectors, AnchorText(document), options);
}

}  // namespace scholion
