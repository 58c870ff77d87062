// How a candidate place for a quote is scored, and when the best one is trusted.
//
// Evidence, each piece in [0, 1]:
//   quote     1 - edits / quote length (1 for a verbatim occurrence);
//   prefix,   how far the recorded prefix and suffix still run on from the candidate's
//   suffix    edges. Per side, the recorded context is aligned outward from the edge
//             with the text there, as a seed is extended in BLAST: a match scores 1, a
//             substitution -2, a gap of L code points -(2.5 + L/2) (right at the edge,
//             beyond 4 code points, twice that: there it means the candidate's edge is
//             misplaced, not that a word was inserted), and the best
//             extension over all lengths counts. The side's evidence is that score over
//             the recorded length (at most 64 code points, the ones nearest the quote),
//             at least 0. Unchanged context gives 1; one typo in 32 code points ~0.9; a
//             word inserted ~0.8; context that runs on for 12 of 32 code points then
//             differs ~0.375; unrelated text ~0 (chance matches do not outrun the
//             penalties, where a plain edit-distance ratio gives unrelated English ~0.35);
//   position  1 / (1 + distance / 1024) from the recorded start: a candidate 1024 code
//             points away gets 0.5. Weak evidence on purpose: inserted paragraphs move
//             text far without making it wrong.
// Evidence that was not recorded (no prefix or suffix, no position) is left out and the
// weights of the rest rescaled.
//
// The score is the lower of two readings of that evidence, so a candidate must pass both:
//   weighted  0.6·quote + 0.3·context + 0.1·position (rescaled), context being the
//             sides' mean weighted by recorded length. Context weighs 0.3 for quotes up
//             to 128 code points and 0.3·128/m beyond: the longer the quote, the more it
//             is its own evidence. It keeps a short or medium quote from anchoring on its
//             words alone.
//   coverage  how much of prefix + quote + suffix is found, by length (position left
//             out: a copy of a passage is often near the original). For a full record
//             (56+ code points of context, as describe() records) with 15 % or more of
//             it missing, a record shorter than 96 code points is measured as if it were
//             96 long. It keeps a short quote from anchoring on its words and part of its
//             context: "Kosovo." is 7 of 71 recorded code points, and a phrase inside a
//             repeated boilerplate sentence agrees with most of a short record wherever
//             the sentence is; the record is too short to tell the copies apart.
// The threshold (kAnchorThreshold, 0.75) then means, for example: a verbatim quote with
// its context intact scores ~1; with one side of its context gone (a paragraph moved or
// inserted next to it) it anchors when it is long enough to carry itself (about 60 code
// points or more, less near its recorded position); a quote with 10 % of its characters
// changed and its context intact scores ~0.93; a look-alike sentence among different
// text (context ~0) never anchors, however close its wording.
//
// Ambiguity. The best candidate is refused (an orphan, reason `ambiguous`) when a
// candidate at another place
//   - has the same text evidence (quote and context within 0.01 of score), leaving only
//     position to tell them apart, unless the best sits at the recorded position itself
//     (within 8 code points). Position is weak: text moves, and a repeated passage
//     nearer the old place is not the annotated one;
//   - scores within 0.1 of it and is better on some evidence by more than 0.01 of score
//     (its advantage: the weighted, rescaled sum of the evidence where it is ahead):
//     two places each with a different claim are not a choice to make silently;
//   - is a verbatim occurrence of the quote while the best is an approximate match, and
//     the quote is 16 code points or longer, or the occurrence has some of its recorded
//     context (≥ 0.25), or no context was recorded: the quoted words still exist,
//     perhaps moved, and an edited look-alike does not override them. (A few letters
//     recur verbatim by chance; a phrase of 16 rarely does unless it is the same text.)
// A runner-up that is only behind does not block.
//
// Internal to the core.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <string>

namespace scholion::detail {

inline constexpr double kQuoteWeight = 0.6;
inline constexpr double kContextWeight = 0.3;     // for quotes up to kContextReach code points
inline constexpr double kContextReach = 128;
inline constexpr double kPositionWeight = 0.1;
inline constexpr double kPositionScale = 1024;   // code points; distance at which position is 0.5
inline constexpr double kAmbiguityMargin = 0.1;  // score gap under which a rival with a claim counts
inline constexpr double kConflict = 0.01;        // advantage that makes a claim
inline constexpr double kTextTie = 0.01;         // text-evidence gap under which only position differs
inline constexpr double kInPlace = 1.0 / (1.0 + 8 / kPositionScale);  // within 8 code points
inline constexpr double kVerbatimClaim = 0.25;   // context a verbatim occurrence needs to block
inline constexpr uint32_t kLongQuote = 16;       // code points from which any verbatim occurrence blocks
inline constexpr double kMinEvidence = 96;       // code points of record that partial evidence is measured against
inline constexpr uint32_t kFullContext = 56;     // recorded context (both sides) that makes a full record
inline constexpr double kLargelyMissing = 0.15;  // share of a record missing beyond which kMinEvidence applies

struct Evidence {
  double quote = 0;
  double prefix = -1;    // < 0: no prefix recorded
  double suffix = -1;    // < 0: no suffix recorded
  double position = -1;  // < 0: no position recorded
  uint32_t quote_length = 0;
  uint32_t prefix_length = 0;  // as used (at most 64)
  uint32_t suffix_length = 0;

  // The sides' mean weighted by recorded length; < 0 when neither was recorded.
  double context() const;
};

double combined_score(const Evidence& e);
// How much of the weighted score `a` gains over `b` on the evidence where `a` is ahead
// (evidence missing from either is left out).
double advantage(const Evidence& a, const Evidence& b);
double position_similarity(uint32_t recorded_start, uint32_t start);

// The recorded prefix and suffix, compiled once per anchoring.
class ContextScorer {
 public:
  ContextScorer(std::u32string_view prefix, std::u32string_view suffix);

  bool empty() const { return prefix_length_ == 0 && suffix_length_ == 0; }
  uint32_t prefix_length() const { return prefix_length_; }
  uint32_t suffix_length() const { return suffix_length_; }
  // Side evidence for a candidate starting at `start` / ending at `end`; < 0 when that
  // side was not recorded. O(p · (p + p/2 + 8)) for a recorded length p (at most 64).
  double prefix(std::u32string_view text, uint32_t start) const;
  double suffix(std::u32string_view text, uint32_t end) const;

 private:
  std::u32string prefix_reversed_;  // nearest the quote first
  std::u32string suffix_;
  uint32_t prefix_length_;
  uint32_t suffix_length_;
  mutable std::vector<int> rows_;  // scratch for the alignment
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
