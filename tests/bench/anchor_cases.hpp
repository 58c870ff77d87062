// Issue 4's anchoring benchmark data, shared by the native benchmark (anchoring_bench.cpp),
// the case writer (anchor_cases_json.cpp) and the side-by-side runner
// (anchor_side_by_side.cpp, native and wasm): quotes of 20-300 code points taken from
// Moby-Dick with their 32-code-point context, each quote's recorded text carrying random
// edits (substitution, deletion or insertion of a lower-case letter or space) of 0-10 % of
// its characters, to be anchored in the unchanged book.
//
// The generator is seeded: the same seed gives the same cases on every machine and in
// every build (std::mt19937_64 is fully specified by the standard).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/anchoring/anchoring.hpp"
#include "core/text/utf8.hpp"

namespace scholion::bench {

// The book, relative to the shared folder. Read with AnchorText::from_utf8: its leading
// byte-order mark is kept as the text's first code point.
inline constexpr const char* kMobyDickPath = "corpus/texts/long/moby-dick-pg2701.txt";
inline constexpr std::size_t kAnchorCaseCount = 1000;
inline constexpr uint64_t kAnchorCaseSeed = 2701;

struct AnchorCase {
  FoundSelectors selectors;  // as recorded: the edited quote, its context, the position
  uint32_t start, end;       // where the quote really is (code points)
  uint32_t edits;            // random edits applied to the recorded quote
  bool edited() const { return edits > 0; }
};

inline std::vector<AnchorCase> make_anchor_cases(const AnchorText& text, std::size_t count = kAnchorCaseCount,
                                                 uint64_t seed = kAnchorCaseSeed) {
  std::mt19937_64 rng(seed);
  const std::u32string_view t = text.code_points();
  std::vector<AnchorCase> out;
  const std::u32string letters = U"abcdefghijklmnopqrstuvwxyz ";
  while (out.size() < count) {
    const uint32_t length = 20 + static_cast<uint32_t>(rng() % 281);
    const uint32_t start = static_cast<uint32_t>(rng() % (t.size() - length));
    Result<FoundSelectors> s = describe(text, start, start + length);
    if (!s) continue;
    std::u32string quote = to_utf32(s->quote->exact);
    const uint32_t edits = static_cast<uint32_t>(rng() % (quote.size() / 10 + 1));
    for (uint32_t e = 0; e < edits; ++e) {
      const std::size_t at = rng() % quote.size();
      const char32_t c = letters[rng() % letters.size()];
      switch (rng() % 3) {
        case 0: quote[at] = c; break;
        case 1: quote.erase(at, 1); break;
        default: quote.insert(at, 1, c);
      }
    }
    AnchorCase c{s.value(), s->position->start, s->position->end, edits};
    c.selectors.quote->exact = to_utf8(quote);
    out.push_back(std::move(c));
  }
  return out;
}

// How an anchoring of a case is judged (the same rule for every matcher, in code points):
// on target when both edges are within (true length / 10 + 2) of the true range's - the
// edits at a quote's edges may legitimately move them - and wrong when anchored anywhere
// else. Not anchored: an orphan.
inline uint32_t anchor_slack(uint32_t start, uint32_t end) { return (end - start) / 10 + 2; }

inline bool anchored_on_target(uint32_t true_start, uint32_t true_end, uint32_t start, uint32_t end) {
  const uint32_t slack = anchor_slack(true_start, true_end);
  return start + slack >= true_start && start <= true_start + slack && end + slack >= true_end &&
         end <= true_end + slack;
}

}  // namespace scholion::bench
