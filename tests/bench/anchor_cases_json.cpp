// Writes issue 4's anchoring benchmark cases (anchor_cases.hpp) as JSON, so that every
// matcher of the side-by-side comparison (`make bench-anchor`: Scholion native, Scholion
// in wasm under node, Hypothesis's approach in node) anchors the very same data.
//
//   anchor_cases_json OUT_FILE
//
// The file holds the text's path and lengths, the edit budget and threshold in force, and
// for each case: the recorded selectors (the edited quote, its prefix and suffix, the
// recorded position) and the true range, positions in code points and in UTF-16 code
// units (what JavaScript strings index).
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "../unit/test_support.hpp"
#include "anchor_cases.hpp"
#include "core/anchoring/anchoring.hpp"
#include "core/text/utf8.hpp"

namespace {

using nlohmann::json;
using namespace scholion;

// UTF-16 offset of every code point offset of `text` (one more entry than code points).
std::vector<uint32_t> utf16_offsets(std::u32string_view text) {
  std::vector<uint32_t> out(text.size() + 1);
  uint32_t u = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out[i] = u;
    u += text[i] > 0xFFFF ? 2 : 1;
  }
  out[text.size()] = u;
  return out;
}

uint32_t utf16_length(std::string_view utf8) {
  uint32_t n = 0;
  for (char32_t c : to_utf32(utf8)) n += c > 0xFFFF ? 2 : 1;
  return n;
}

json range(uint32_t start, uint32_t end) { return {{"start", start}, {"end", end}}; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: anchor_cases_json OUT_FILE\n";
    return 2;
  }
  const std::filesystem::path text_path = test::shared_dir() / bench::kMobyDickPath;
  Result<AnchorText> loaded = AnchorText::from_utf8(test::read_file(text_path));
  if (!loaded) {
    std::cerr << "anchor_cases_json: " << text_path.string() << ": " << loaded.error().message << "\n";
    return 2;
  }
  const AnchorText& text = loaded.value();
  const std::vector<uint32_t> u16 = utf16_offsets(text.code_points());
  const AnchorOptions options;

  json cases = json::array();
  const std::vector<bench::AnchorCase> all = bench::make_anchor_cases(text);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const bench::AnchorCase& c = all[i];
    const TextQuote& q = *c.selectors.quote;
    const CodePointRange& p = *c.selectors.position;
    cases.push_back({
        {"id", i},
        {"exact", q.exact},
        {"prefix", q.prefix},
        {"suffix", q.suffix},
        {"exact_length", {{"code_points", to_utf32(q.exact).size()}, {"utf16", utf16_length(q.exact)}}},
        {"edits", c.edits},
        {"position", range(p.start, p.end)},
        {"position_utf16", range(u16[p.start], u16[p.end])},
        {"truth", range(c.start, c.end)},
        {"truth_utf16", range(u16[c.start], u16[c.end])},
        {"slack", bench::anchor_slack(c.start, c.end)},
    });
  }

  const json doc = {
      {"description",
       "Issue 4's anchoring benchmark: quotes of 20-300 code points from Moby-Dick with 32 code points of "
       "context, the recorded quote carrying random edits of 0-10 % of its characters, to be anchored in the "
       "unchanged book. Positions: code points, and UTF-16 code units in the *_utf16 fields. Judging: anchored "
       "with both edges within `slack` of the true range's is right, anchored elsewhere is wrong."},
      {"seed", bench::kAnchorCaseSeed},
      {"text",
       {{"path", std::filesystem::absolute(text_path).string()},
        {"code_points", text.length()},
        {"utf16", u16.back()},
        {"leading_bom_kept", !text.code_points().empty() && text.code_points()[0] == 0xFEFF}}},
      {"context_code_points", kQuoteContext},
      {"max_error_rate", options.max_error_rate},
      {"threshold", options.threshold},
      {"cases", std::move(cases)},
  };
  std::ofstream out(argv[1], std::ios::binary);
  out << doc.dump(1) << "\n";
  if (!out) {
    std::cerr << "anchor_cases_json: cannot write " << argv[1] << "\n";
    return 2;
  }
  std::cout << "anchor_cases_json: " << all.size() << " cases over " << text.length() << " code points -> "
            << argv[1] << "\n";
  return 0;
}
