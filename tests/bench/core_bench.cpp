// Benchmarks of the core over Moby-Dick (1.2 MB). Not a test: run `make bench`, which
// repeats each benchmark and reports medians (the machines are shared and noisy).
//
//   offsets        100,000 random conversions (cp→u16, u16→cp, cp→byte, byte→cp)
//   build set      adding 20,000 annotations to an empty set
//   merge          merging 20,000 stored annotations into an empty set (a page load)
//   segment        cutting a 2,000-character window into runs with 20,000 present
//   storage        writing and reading 20,000 annotations as storage JSON; reading and
//                  merging them into an empty set, as the canvas does on load
//   break lines    filling Moby-Dick's paragraphs (its hard-wrapped lines joined) into
//                  lines 60 units wide, with proportional fake metrics
#include <benchmark/benchmark.h>

#include <memory>
#include <random>

#include "../unit/test_support.hpp"
#include "core/model/annotation_set.hpp"
#include "core/model/document.hpp"
#include "core/formats/storage_format.hpp"
#include "core/layout/line_breaking.hpp"
#include "core/text/utf8.hpp"

namespace scholion {
namespace {

const std::string& moby_dick() {
  static const std::string text =
      test::read_file(test::shared_dir() / "corpus/texts/long/moby-dick-pg2701.txt");
  return text;
}

const TextOffsets& moby_offsets() {
  static const TextOffsets offsets(moby_dick());
  return offsets;
}

std::vector<Annotation> random_annotations(std::size_t n, uint32_t length, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Annotation> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    Annotation a;
    a.id = make_uuid_v4([&] { return rng(); });
    a.start = static_cast<uint32_t>(rng() % (length - 400));
    a.end = a.start + 1 + static_cast<uint32_t>(rng() % 300);
    a.quote.exact = std::string(moby_offsets().slice(a.start, a.end));
    a.quote.prefix = std::string(moby_offsets().slice(a.start >= 32 ? a.start - 32 : 0, a.start));
    a.quote.suffix = std::string(moby_offsets().slice(a.end, a.end + 32));
    a.color = kPalette[rng() % kPalette.size()];
    if (rng() % 3 == 0) a.note = "A note on this passage, with *emphasis*.";
    a.created = a.modified = 1700000000000 + static_cast<Timestamp>(i);
    out.push_back(std::move(a));
  }
  return out;
}

Clock fixed_clock() {
  return [t = Timestamp{1700000000000}]() mutable { return ++t; };
}

void BM_OffsetConversions100k(benchmark::State& state) {
  const TextOffsets& o = moby_offsets();
  std::mt19937 rng(42);
  std::vector<uint32_t> cps(100000);
  for (auto& cp : cps) cp = rng() % (o.cp_length() + 1);
  for (auto _ : state) {
    uint64_t sum = 0;
    for (std::size_t i = 0; i < cps.size(); i += 4) {
      sum += *o.u16_from_cp(cps[i]);
      sum += *o.cp_from_u16(o.u16_at(cps[i + 1]));
      sum += *o.byte_from_cp(cps[i + 2]);
      sum += *o.cp_from_byte(o.byte_at(cps[i + 3]));
    }
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_OffsetConversions100k)->Unit(benchmark::kMillisecond);

void BM_BuildSet20k(benchmark::State& state) {
  const auto annotations = random_annotations(20000, moby_offsets().cp_length(), 1);
  for (auto _ : state) {
    AnnotationSet set(fixed_clock(), moby_offsets().cp_length());
    for (const auto& a : annotations) benchmark::DoNotOptimize(set.add(a).ok());
  }
}
BENCHMARK(BM_BuildSet20k)->Unit(benchmark::kMillisecond);

// A page load never destroys the set, so neither is that timed here.
void BM_MergeIntoEmpty20k(benchmark::State& state) {
  const auto annotations = random_annotations(20000, moby_offsets().cp_length(), 1);
  for (auto _ : state) {
    auto set = std::make_unique<AnnotationSet>(fixed_clock(), moby_offsets().cp_length());
    auto report = set->merge(annotations, {});
    if (!report) state.SkipWithError(report.error().describe().c_str());
    benchmark::DoNotOptimize(set->size());
    state.PauseTiming();
    set.reset();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_MergeIntoEmpty20k)->Unit(benchmark::kMillisecond);

void BM_Segment2kWindowWith20k(benchmark::State& state) {
  AnnotationSet set(fixed_clock(), moby_offsets().cp_length());
  for (const auto& a : random_annotations(20000, moby_offsets().cp_length(), 2)) {
    if (!set.add(a).ok()) state.SkipWithError("add failed");
  }
  std::mt19937 rng(3);
  for (auto _ : state) {
    const uint32_t from = rng() % (moby_offsets().cp_length() - 2000);
    benchmark::DoNotOptimize(set.segment(from, from + 2000));
  }
}
BENCHMARK(BM_Segment2kWindowWith20k)->Unit(benchmark::kMicrosecond);

StoredDocument stored_20k() {
  StoredDocument stored;
  stored.document = {"https://www.gutenberg.org/ebooks/2701", "Moby-Dick", "", ""};
  stored.annotations = random_annotations(20000, moby_offsets().cp_length(), 4);
  return stored;
}

void BM_WriteStorage20k(benchmark::State& state) {
  const StoredDocument stored = stored_20k();
  for (auto _ : state) benchmark::DoNotOptimize(write_storage_json(stored));
}
BENCHMARK(BM_WriteStorage20k)->Unit(benchmark::kMillisecond);

void BM_ReadStorage20k(benchmark::State& state) {
  const std::string json = write_storage_json(stored_20k());
  state.counters["bytes"] = static_cast<double>(json.size());
  for (auto _ : state) {
    auto r = read_storage_json(json);
    if (!r) state.SkipWithError(r.error().describe().c_str());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ReadStorage20k)->Unit(benchmark::kMillisecond);

// What the canvas does with a stored copy on load: read it, then merge it into the
// document's (empty) set.
void BM_LoadStorage20k(benchmark::State& state) {
  const std::string json = write_storage_json(stored_20k());
  for (auto _ : state) {
    auto stored = read_storage_json(json);
    if (!stored) state.SkipWithError(stored.error().describe().c_str());
    auto set = std::make_unique<AnnotationSet>(fixed_clock(), moby_offsets().cp_length());
    auto report = set->merge(std::move(stored->annotations), stored->tombstones);
    if (!report) state.SkipWithError(report.error().describe().c_str());
    benchmark::DoNotOptimize(set->size());
    state.PauseTiming();
    set.reset();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_LoadStorage20k)->Unit(benchmark::kMillisecond);

// Narrow letters, wide capitals and CJK: enough variety that lines end in different places.
class ProportionalMetrics : public FontMetrics {
 public:
  float measure(std::u32string_view run, TextStyle) const override {
    float width = 0;
    for (char32_t cp : run) width += advance(cp);
    return width;
  }
  static float advance(char32_t cp) {
    if (cp >= 0x2E80) return 2.0f;
    if (cp == 'i' || cp == 'l' || cp == ' ' || cp == '.' || cp == ',') return 0.5f;
    return cp >= 'A' && cp <= 'Z' ? 1.25f : 1.0f;
  }
  float line_height(TextStyle) const override { return 2; }
};

// Moby-Dick's paragraphs (separated by blank lines), each hard-wrapped line joined.
const std::vector<std::u32string>& moby_paragraphs() {
  static const std::vector<std::u32string> paragraphs = [] {
    std::vector<std::u32string> out;
    std::u32string current;
    const std::u32string text = to_utf32(moby_dick());
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t end = text.find(U'\n', at);
      if (end == std::u32string::npos) end = text.size();
      std::u32string line = text.substr(at, end - at);
      if (!line.empty() && line.back() == U'\r') line.pop_back();
      if (line.empty()) {
        if (!current.empty()) out.push_back(std::move(current));
        current.clear();
      } else {
        if (!current.empty()) current += U' ';
        current += line;
      }
      at = end + 1;
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
  }();
  return paragraphs;
}

void BM_BreakLinesMobyDick(benchmark::State& state) {
  const ProportionalMetrics metrics;
  std::size_t lines = 0;
  for (auto _ : state) {
    lines = 0;
    for (const auto& p : moby_paragraphs()) lines += break_lines(p, metrics, TextStyle::body, 60).size();
    benchmark::DoNotOptimize(lines);
  }
  state.counters["lines"] = static_cast<double>(lines);
}
BENCHMARK(BM_BreakLinesMobyDick)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace scholion

BENCHMARK_MAIN();
