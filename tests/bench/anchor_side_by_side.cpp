// Scholion's side of the side-by-side anchoring benchmark (`make bench-anchor`), built
// twice from this one file: natively (Release) and to WebAssembly with the shipped wasm
// build's flags (tests/bench/wasm/CMakeLists.txt), then run under node with NODERAWFS.
//
//   anchor_side_by_side CASES_JSON OUT_JSON [--reps N] [--label NAME]
//
// CASES_JSON is written by anchor_cases_json. The text is decoded and its gram index built
// once, outside the timing (as a reader builds them once per document version); its cost
// is reported as prepare_ms. Then, in two modes -
//   position    the recorded selectors as stored (quote, context and position);
//   quote_only  the position dropped, so the whole book is searched -
// every case is anchored once untimed (warm-up: caches, and the JIT tiers of a wasm
// engine), then N timed passes; a case's time is the median of its N timings, and the
// total is the sum of those medians (the pass totals, kept too, suffer more from whatever
// else the machine runs meanwhile). Each case's
// result (status, range in code points, score, method) goes to OUT_JSON, where the
// comparison judges it by the same rule as the peer's (anchor_cases.hpp).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "anchor_cases.hpp"
#include "core/anchoring/anchoring.hpp"

#ifndef SCHOLION_BENCH_BUILD
#define SCHOLION_BENCH_BUILD "unspecified"
#endif

namespace {

using nlohmann::json;
using namespace scholion;
using Timer = std::chrono::steady_clock;

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

double ms_since(Timer::time_point t0, Timer::time_point t1) {
  return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Case {
  FoundSelectors selectors;
  uint32_t true_start, true_end;
  bool edited;
};

json run_mode(const AnchorText& text, const std::vector<Case>& cases, bool with_position, int reps) {
  std::vector<FoundSelectors> selectors;
  for (const Case& c : cases) {
    selectors.push_back(c.selectors);
    if (!with_position) selectors.back().position.reset();
  }
  // Warm-up, and the results (anchoring is deterministic: the timed passes give the same).
  std::vector<AnchorResult> results;
  results.reserve(cases.size());
  for (const FoundSelectors& s : selectors) results.push_back(anchor(s, text));

  std::vector<std::vector<double>> times(cases.size());
  std::vector<double> totals;
  for (int rep = 0; rep < reps; ++rep) {
    double total = 0;
    for (std::size_t i = 0; i < selectors.size(); ++i) {
      const Timer::time_point t0 = Timer::now();
      const AnchorResult r = anchor(selectors[i], text);
      const Timer::time_point t1 = Timer::now();
      if (r.status != results[i].status || r.start != results[i].start || r.end != results[i].end) {
        std::cerr << "anchor_side_by_side: case " << i << " anchored differently on pass " << rep << "\n";
        std::exit(1);
      }
      const double ms = ms_since(t0, t1);
      times[i].push_back(ms);
      total += ms;
    }
    totals.push_back(total);
  }

  json out_cases = json::array();
  std::vector<double> per_case;
  std::size_t right = 0, wrong = 0, orphans = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const AnchorResult& r = results[i];
    const double ms = median(times[i]);
    per_case.push_back(ms);
    json c = {{"status", std::string(anchor_status_name(r.status))},
              {"method", std::string(anchor_method_name(r.method))},
              {"score", r.score},
              {"ms", ms}};
    if (r.anchored()) {
      c["start"] = r.start;
      c["end"] = r.end;
      (bench::anchored_on_target(cases[i].true_start, cases[i].true_end, r.start, r.end) ? right : wrong)++;
    } else {
      c["reason"] = std::string(orphan_reason_name(r.reason));
      ++orphans;
    }
    out_cases.push_back(std::move(c));
  }
  std::vector<double> sorted = per_case;
  std::sort(sorted.begin(), sorted.end());
  double total_of_medians = 0;
  for (double ms : per_case) total_of_medians += ms;
  std::cout << "  " << (with_position ? "position  " : "quote_only") << "  median " << median(per_case)
            << " ms, p95 " << sorted[sorted.size() * 95 / 100] << " ms, total " << total_of_medians
            << " ms; right " << right << ", orphan " << orphans << ", wrong " << wrong << "\n";
  return {{"reps", reps}, {"pass_totals_ms", totals}, {"total_ms", total_of_medians}, {"cases", std::move(out_cases)}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: anchor_side_by_side CASES_JSON OUT_JSON [--reps N] [--label NAME]\n";
    return 2;
  }
  int reps = 5;
  std::string label = "scholion";
  for (int i = 3; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--reps") == 0) reps = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--label") == 0) label = argv[i + 1];
  }

  std::string bytes;
  if (!read_file(argv[1], bytes)) {
    std::cerr << "anchor_side_by_side: cannot read " << argv[1] << "\n";
    return 2;
  }
  const json doc = json::parse(bytes, nullptr, false);
  if (doc.is_discarded() || !doc.contains("cases") || !doc.contains("text")) {
    std::cerr << "anchor_side_by_side: " << argv[1] << " is not a cases file\n";
    return 2;
  }
  std::vector<Case> cases;
  for (const json& c : doc["cases"]) {
    Case k;
    k.selectors.quote = TextQuote{c["exact"].get<std::string>(), c["prefix"].get<std::string>(),
                                  c["suffix"].get<std::string>()};
    k.selectors.position = CodePointRange{c["position"]["start"].get<uint32_t>(), c["position"]["end"].get<uint32_t>()};
    k.true_start = c["truth"]["start"].get<uint32_t>();
    k.true_end = c["truth"]["end"].get<uint32_t>();
    k.edited = c["edits"].get<uint32_t>() > 0;
    cases.push_back(std::move(k));
  }

  const std::string text_path = doc["text"]["path"].get<std::string>();
  std::string utf8;
  if (!read_file(text_path, utf8)) {
    std::cerr << "anchor_side_by_side: cannot read " << text_path << "\n";
    return 2;
  }
  const Timer::time_point t0 = Timer::now();
  Result<AnchorText> loaded = AnchorText::from_utf8(utf8);
  if (!loaded) {
    std::cerr << "anchor_side_by_side: " << text_path << ": " << loaded.error().message << "\n";
    return 2;
  }
  const AnchorText& text = loaded.value();
  text.gram_index();
  const double prepare_ms = ms_since(t0, Timer::now());
  if (text.length() != doc["text"]["code_points"].get<uint32_t>()) {
    std::cerr << "anchor_side_by_side: " << text_path << " is not the text the cases were made from\n";
    return 2;
  }

  std::cout << label << " (" << SCHOLION_BENCH_BUILD << "): " << cases.size() << " cases, " << reps
            << " timed passes; text and index " << prepare_ms << " ms\n";
  json modes;
  modes["position"] = run_mode(text, cases, true, reps);
  modes["quote_only"] = run_mode(text, cases, false, reps);
  const AnchorOptions options;
  const json out = {{"matcher", label},
                    {"build", SCHOLION_BENCH_BUILD},
                    {"max_error_rate", options.max_error_rate},
                    {"threshold", options.threshold},
                    {"prepare_ms", prepare_ms},
                    {"modes", modes}};
  std::ofstream file(argv[2], std::ios::binary);
  file << out.dump() << "\n";
  if (!file) {
    std::cerr << "anchor_side_by_side: cannot write " << argv[2] << "\n";
    return 2;
  }
  return 0;
}
