#include "core/text/bidi_properties.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

// Generated into the build directory (scripts/gen_bidi_tables.py).
#include "bidi_tables.hpp"

namespace scholion {
namespace {

namespace bt = bidi_tables;

// The next base-128 number of `data` at `at` (seven bits a byte, the high bit on all but
// the last).
char32_t next_base128(const unsigned char* data, std::size_t& at) {
  char32_t n = 0;
  for (int shift = 0;; shift += 7) {
    const unsigned char byte = data[at++];
    n |= static_cast<char32_t>(byte & 0x7F) << shift;
    if (byte < 0x80) return n;
  }
}

char32_t unzigzag_add(char32_t base, char32_t zigzag) {
  const int32_t delta = (zigzag & 1) ? -static_cast<int32_t>(zigzag >> 1) - 1 : static_cast<int32_t>(zigzag >> 1);
  return static_cast<char32_t>(static_cast<int32_t>(base) + delta);
}

// Decoded on first use, never as constant initializers: those would put the decoded
// (larger) tables back into the download.
struct ClassTable {
  std::array<char32_t, bt::kBidiClassRunCount> starts{};
  std::array<BidiClass, bt::kBidiClassRunCount> classes{};
  std::array<BidiClass, 256> latin1{};  // why: nearly every character of most articles
};

ClassTable decode_classes() {
  ClassTable t;
  std::size_t at = 0;
  char32_t start = 0;
  for (std::size_t i = 0; i < bt::kBidiClassRunCount; ++i) {
    const char32_t run = next_base128(bt::kBidiClassRuns, at);
    t.starts[i] = start;
    t.classes[i] = static_cast<BidiClass>(run & 31);
    start += run >> 5;
  }
  std::size_t run = 0;
  for (char32_t cp = 0; cp < 256; ++cp) {
    while (run + 1 < t.starts.size() && t.starts[run + 1] <= cp) ++run;
    t.latin1[cp] = t.classes[run];
  }
  return t;
}

const ClassTable& class_table() {
  static const ClassTable table = decode_classes();
  return table;
}

struct Mapping {
  char32_t from;
  char32_t to;
};

// Every mapping, both ways, sorted by source.
std::array<Mapping, bt::kMirroringCount> decode_mirroring() {
  std::array<Mapping, bt::kMirroringCount> out{};
  std::size_t at = 0;
  std::size_t count = 0;
  char32_t from = 0;
  for (std::size_t e = 0; e < bt::kMirroringEntryCount; ++e) {
    from += next_base128(bt::kMirroringData, at);
    const char32_t flagged = next_base128(bt::kMirroringData, at);
    const char32_t to = unzigzag_add(from, flagged >> 1);
    out[count++] = {from, to};
    if ((flagged & 1) == 0) out[count++] = {to, from};
  }
  std::sort(out.begin(), out.end(), [](const Mapping& a, const Mapping& b) { return a.from < b.from; });
  return out;
}

struct Bracket {
  char32_t cp;
  PairedBracket bracket;
};

// Opening and closing brackets, sorted by code point.
std::array<Bracket, 2 * bt::kBracketPairCount> decode_brackets() {
  std::array<Bracket, 2 * bt::kBracketPairCount> out{};
  std::size_t at = 0;
  char32_t open = 0;
  for (std::size_t i = 0; i < bt::kBracketPairCount; ++i) {
    open += next_base128(bt::kBracketData, at);
    const char32_t close = unzigzag_add(open, next_base128(bt::kBracketData, at));
    out[2 * i] = {open, {close, BracketType::open}};
    out[2 * i + 1] = {close, {open, BracketType::close}};
  }
  std::sort(out.begin(), out.end(), [](const Bracket& a, const Bracket& b) { return a.cp < b.cp; });
  return out;
}

}  // namespace

BidiClass bidi_class(char32_t cp) {
  const ClassTable& t = class_table();
  if (cp < 256) return t.latin1[cp];
  if (cp > 0x10FFFF) return BidiClass::l;
  const auto after = std::upper_bound(t.starts.begin(), t.starts.end(), cp);
  return t.classes[static_cast<std::size_t>(after - t.starts.begin()) - 1];
}

PairedBracket paired_bracket(char32_t cp) {
  static const auto brackets = decode_brackets();
  const auto it = std::lower_bound(brackets.begin(), brackets.end(), cp,
                                   [](const Bracket& b, char32_t c) { return b.cp < c; });
  if (it == brackets.end() || it->cp != cp) return {};
  return it->bracket;
}

char32_t mirrored(char32_t cp) {
  static const auto mappings = decode_mirroring();
  const auto it = std::lower_bound(mappings.begin(), mappings.end(), cp,
                                   [](const Mapping& m, char32_t c) { return m.from < c; });
  return it != mappings.end() && it->from == cp ? it->to : cp;
}

std::string_view bidi_class_name(BidiClass c) {
  static constexpr std::string_view names[] = {
      "L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S",
      "WS", "ON", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"};
  return names[static_cast<std::size_t>(c)];
}

}  // namespace scholion
