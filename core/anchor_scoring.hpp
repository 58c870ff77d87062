// How a candidate place for a quote is scored, and when the best one is trusted.
//
// Three pieces of evidence, each in [0, 1]:
//   quote     1 - edits / quote length (1 for a verbatim occurrence);
//   context   how far the recorded prefix and suffix still run on from the candidate's
//             edges. Per side, the recorded context is aligned outward from the edge
//             with the text there, and the best extension scores matches minus twice
//             the edits (an X-drop extension, as when growing a BLAST seed); the side's
//             evidence is that score over the recorded length (at most 64 code points,
//             the ones nearest the quote), at least 0. Unchanged context gives 1, one
//             typo in 32 code points ~0.9, context that runs on for 12 of 32 then
//             differs ~0.375, unrelated text ~0 (chance matches rarely outrun the
//             penalty; a plain edit-distance ratio would give unrelated English ~0.35).
//             The two sides are weighted by their recorded lengths;
//   position  1 / (1 + distance / 1024) from the recorded start: a candidate 1024 code
//             points away gets 0.5. Weak evidence on purpose: inserted paragraphs move
//             text far without making it wrong.
// The score is 0.6·quote + 0.3·context + 0.1·position. Evidence that was not recorded
// (no prefix or suffix, no position) is left out and the weights of the rest rescaled.
//
// The threshold (kAnchorThreshold, 0.75) then means, for example: a verbatim quote needs
// some of its context (≥ 0.5 far from its recorded position, ≥ 0.17 at it); a quote with
// 10 % of its characters changed needs context ≥ ~0.7 far away, ~0.4 where it was; a
// look-alike sentence among different text (context ~0) never anchors, however close
// its wording.
//
// Ambiguity. The best candidate is refused (an orphan, reason `ambiguous`) when a
// candidate at another place
//   - scores the same (within 0.001): nothing tells the two apart; or
//   - scores within 0.1 of it and is better on some evidence by more than 0.01 of score
//     (its advantage: the weighted, rescaled sum of the evidence where it is ahead).
// So two places each with a different claim (one has the exact words, the other has
// the context) are not a choice to make silently; a runner-up that is only behind, or
// ahead by a trifle (a few code points nearer the recorded position), does not block.
//
// Internal to the core.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <string>

namespace scholion::detail {

inline constexpr double kQuoteWeight = 0.6;
inline constexpr double kContextWeight = 0.3;
inline constexpr double kPositionWeight = 0.1;
inline constexpr double kPositionScale = 1024;   // code points; distance at which position is 0.5
inline constexpr double kAmbiguityMargin = 0.1;  // score gap under which a rival with a claim counts
inline constexpr double kConflict = 0.01;        // advantage that makes a claim
inline constexpr double kTie = 0.001;            // score gap under which two places are equal

struct Evidence {
  double quote = 0;
  double context = -1;   // < 0: no context recorded
  double position = -1;  // < 0: no position recorded
};

double combined_score(const Evidence& e);
// How much of score `a` gains over `b` on the evidence where `a` is ahead (same weights
// and rescaling as combined_score; evidence missing from either is left out).
double advantage(const Evidence& a, const Evidence& b);
double position_similarity(uint32_t recorded_start, uint32_t start);

// The recorded prefix and suffix, compiled once per anchoring.
class ContextScorer {
 public:
  ContextScorer(std::u32string_view prefix, std::u32string_view suffix);

  bool empty() const { return prefix_length_ == 0 && suffix_length_ == 0; }
  // The context evidence for a candidate [start, end); < 0 when nothing was recorded.
  // O(p · (p + p/4)) + O(s · (s + s/4)) for the recorded lengths p and s (capped at 64).
  double score(std::u32string_view text, uint32_t start, uint32_t end) const;

 private:
  std::u32string prefix_reversed_;  // nearest the quote first
  std::u32string suffix_;
  uint32_t prefix_length_;
  uint32_t suffix_length_;
  mutable std::vector<uint32_t> row_;  // scratch for the alignment
};

// A place where the quote may now be.
struct Candidate {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t distance = 0;  // edits between the quote and text[start, end)
  Evidence evidence;
  double score = 0;
};

struct Choice {
  int best = -1;       // index into the candidates; -1 if there were none
  int rival = -1;      // the runner-up that makes the choice ambiguous, or -1
  bool ambiguous() const { return rival >= 0; }
};

// The best candidate by score (ties: the one nearer the recorded position, then the
// earlier), and whether a rival makes it ambiguous (see above).
Choice choose(const std::vector<Candidate>& candidates);

}  // namespace scholion::detail
