// Finding where a quote occurs in a text, verbatim or approximately: the candidate
// generator of the anchoring engine (the engine scores and chooses; anchor_scoring.hpp).
//
// Approximate search: every place where the quote (m code points) matches with at most
// k edits (insertions, deletions, substitutions of code points), k the edit budget.
//
// Design. Verification is bit-parallel Myers/Hyyrö (bit_parallel_matcher.hpp): a text
// window of w code points costs O(w · ceil(m / 64)) word operations, whatever k. What
// remains is choosing the windows:
//
//   - small texts (n <= 32,768 code points, a news article): the whole text, O(n·m/64);
//   - otherwise, two sources of windows, merged:
//     1. local: 2,048 code points either side of the recorded position, with the full
//        budget k. Most edits leave a quote near where it was; this finds it however
//        much its wording changed within the budget;
//     2. seeds, anywhere: the quote is cut into s + 1 pieces of at least 8 code points,
//        s = min(k, m / 8 - 1). By the pigeonhole principle an occurrence with at most s
//        edits contains one piece verbatim. Each piece is looked up in the text's gram
//        index (gram_index.hpp) through its rarest 4-code-point gram, each hit verified
//        against the whole piece, and each confirmed piece opens a window of m + 2k
//        code points on its diagonal, verified with the full budget k.
//     Far from the recorded position, then, a match is guaranteed found only if it has at
//     most s ≈ m/8 edits (12 %) — more than the 10 % the engine must survive, and a far
//     match with more edits than that would need near-perfect context to score anyway.
//     Cost: O(m) lookups + O(h) piece checks for h gram hits + O((local + v·(m + 2k)) ·
//     m/64) for v verified windows; independent of n once the index exists (built once
//     per text, O(n)). If pieces hit more than 65,536 times (a quote of very common
//     words), the whole text is scanned instead: O(n·m/64), still correct.
//
// Each window reports the end positions where the edit distance is a local minimum
// within the budget; each end's best start is found by running the reversed quote
// backwards from it. Overlapping approximate occurrences are merged, keeping the fewest
// edits (then the length nearest m). Exact occurrences (0 edits) are all kept, even when
// they overlap.
//
// Internal to the core.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/anchoring.hpp"
#include "core/bit_parallel_matcher.hpp"

namespace scholion::detail {

inline constexpr uint32_t kFullScanLimit = 32768;   // code points
inline constexpr uint32_t kLocalRadius = 2048;      // code points either side of the hint
inline constexpr uint32_t kMinPiece = 8;            // code points per pigeonhole piece
inline constexpr std::size_t kMaxSeedHits = 65536;  // beyond this, scan the whole text

// Every verbatim occurrence of `quote`, overlapping ones included, in text order.
// Uses the gram index for long texts. An empty quote has none.
std::vector<Occurrence> exact_occurrences(const AnchorText& text, std::u32string_view quote);

// Occurrences with 1..`budget` edits (see the design above), merged, in text order.
// Exact occurrences may appear too (distance 0).
std::vector<Occurrence> approximate_occurrences(const AnchorText& text, std::u32string_view quote,
                                                uint32_t budget, std::optional<uint32_t> hint);

}  // namespace scholion::detail
