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
//     2. seeds, anywhere: the quote is cut into P = m / 6 pieces of at least 6 code
//        points. An occurrence with e edits keeps at least P - e pieces verbatim (each
//        edit spoils at most one), and their diagonals (where each piece says the quote
//        starts) lie within e of each other. Each piece is looked up in the text's gram
//        index (gram_index.hpp) through its rarest 4-code-point gram and each hit
//        checked against the whole piece; the confirmed hits, sorted by diagonal, are
//        swept with a window of width s, and wherever U - s distinct pieces fall inside
//        it, a verification window of m + 2k code points opens there, verified with the
//        full budget k. U counts the pieces used: a piece whose rarest gram occurs more
//        than 2,048 times (all common words) is left out. s = min(k, U - 1, ceil(12 % of
//        m)). Requiring several pieces to agree is what keeps the verified windows few:
//        a lone 6-code-point piece ("of the") recurs thousands of times in a long book,
//        ten of them on one diagonal do not. (Why 6: with pieces of length L and s =
//        12 % of m, an occurrence keeps P·(1 - 0.12·L) pieces; at L = 8 that is 4 % of
//        them, too few to filter; at L = 6, 28 %; shorter pieces hit too often.)
//     Far from the recorded position, then, a match is guaranteed found only if it has at
//     most s edits (12 % of the quote when enough pieces are usable) — more than the 10 %
//     the engine must survive, and a far match with more edits would need near-perfect
//     context to score anyway.
//     Cost: O(m) lookups + O(h log h) for h confirmed piece hits + O((local +
//     v·(m + 2k)) · m/64) for v verified windows; independent of n once the index
//     exists (built once per text, O(n)). If no piece is usable, or the used pieces'
//     grams list more than 262,144 positions (a quote of very common words), the whole
//     text is scanned instead: O(n·m/64), still correct.
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

#include "core/anchoring/anchoring.hpp"
#include "core/anchoring/bit_parallel_matcher.hpp"

namespace scholion::detail {

inline constexpr uint32_t kFullScanLimit = 32768;   // code points
inline constexpr uint32_t kLocalRadius = 2048;      // code points either side of the hint
inline constexpr uint32_t kMinPiece = 6;            // code points per pigeonhole piece
inline constexpr uint32_t kFarBudgetPercent = 12;  // edits guaranteed found far from the hint
inline constexpr std::size_t kMaxSeedHits = 262144;  // beyond this, scan the whole text
inline constexpr std::size_t kMaxPieceHits = 2048;   // a piece whose rarest gram is commoner is not used

// Every verbatim occurrence of `quote`, overlapping ones included, in text order.
// Uses the gram index for long texts. An empty quote has none.
std::vector<Occurrence> exact_occurrences(const AnchorText& text, std::u32string_view quote);

// Occurrences with 1..`budget` edits (see the design above), merged, in text order.
// Exact occurrences may appear too (distance 0).
std::vector<Occurrence> approximate_occurrences(const AnchorText& text, std::u32string_view quote,
                                                uint32_t budget, std::optional<uint32_t> hint);

}  // namespace scholion::detail
