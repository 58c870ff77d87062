// Anchoring over Moby-Dick (1.2 million code points), issue 4's benchmark: 1,000 quotes
// of 20-300 code points with their 32-code-point context, each quote's recorded text
// carrying random edits of 0-10 % of its characters (so most are found by the fuzzy
// search), anchored in the unchanged book. The cases: anchor_cases.hpp (also written as
// JSON for the side-by-side comparison with Hypothesis's matcher, `make bench-anchor`).
//
//   anchor 1000 (hint)     with the recorded position, as stored annotations have it
//   anchor 1000 (no hint)  quote and context only: the whole book is searched
//
// Counters: per-anchor median and 95th percentile of the fuzzy anchorings (microseconds),
// and how many of the 1,000 anchored on their original range (give or take the edits at
// its edges) - the rest are orphans; none may land elsewhere.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>

#include "../unit/test_support.hpp"
#include "anchor_cases.hpp"
#include "core/anchoring/anchoring.hpp"

namespace scholion {
namespace {

const AnchorText& moby() {
  static const AnchorText text =
      AnchorText::from_utf8(test::read_file(test::shared_dir() / bench::kMobyDickPath)).value();
  return text;
}

const std::vector<bench::AnchorCase>& cases() {
  static const std::vector<bench::AnchorCase> all = bench::make_anchor_cases(moby());
  return all;
}

void run(benchmark::State& state, bool hint) {
  const AnchorText& text = moby();
  text.gram_index();  // built once per text, outside the timing
  std::vector<double> fuzzy_us;
  std::size_t on_target = 0, elsewhere = 0;
  for (auto _ : state) {
    fuzzy_us.clear();
    on_target = elsewhere = 0;
    for (const bench::AnchorCase& c : cases()) {
      FoundSelectors s = c.selectors;
      if (!hint) s.position.reset();
      const auto t0 = std::chrono::steady_clock::now();
      const AnchorResult r = anchor(s, text);
      const auto t1 = std::chrono::steady_clock::now();
      if (c.edited()) fuzzy_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
      if (!r.anchored()) continue;
      (bench::anchored_on_target(c.start, c.end, r.start, r.end) ? on_target : elsewhere)++;
    }
  }
  std::sort(fuzzy_us.begin(), fuzzy_us.end());
  state.counters["fuzzy_median_us"] = fuzzy_us.empty() ? 0 : fuzzy_us[fuzzy_us.size() / 2];
  state.counters["fuzzy_p95_us"] = fuzzy_us.empty() ? 0 : fuzzy_us[fuzzy_us.size() * 95 / 100];
  state.counters["fuzzy_cases"] = static_cast<double>(fuzzy_us.size());
  state.counters["anchored_on_target"] = static_cast<double>(on_target);
  state.counters["anchored_elsewhere"] = static_cast<double>(elsewhere);
}

void BM_Anchor1000WithHint(benchmark::State& state) { run(state, true); }
BENCHMARK(BM_Anchor1000WithHint)->Unit(benchmark::kMillisecond);

void BM_Anchor1000WithoutHint(benchmark::State& state) { run(state, false); }
BENCHMARK(BM_Anchor1000WithoutHint)->Unit(benchmark::kMillisecond);

void BM_BuildAnchorTextAndIndex(benchmark::State& state) {
  const std::string utf8 = test::read_file(test::shared_dir() / "corpus/texts/long/moby-dick-pg2701.txt");
  for (auto _ : state) {
    const AnchorText text = AnchorText::from_utf8(utf8).value();
    benchmark::DoNotOptimize(&text.gram_index());
  }
}
BENCHMARK(BM_BuildAnchorTextAndIndex)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace scholion
