#include "core/text/unicode_properties.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>

// Generated into the build directory; names the enumerations declared above.
#include "unicode_tables.hpp"

namespace scholion {
namespace {

namespace ut = unicode_tables;

// The next base-128 number of `data` at `at`.
inline char32_t next_base128(const unsigned char* data, std::size_t& at) {
  char32_t n = 0;
  for (int shift = 0;; shift += 7) {
    const unsigned char byte = data[at++];
    n |= static_cast<char32_t>(byte & 0x7F) << shift;
    if (byte < 0x80) return n;
  }
}

// The run starts of a table, decoded on first use from the generated deltas (each a
// little-endian base-128 number: seven bits a byte, the high bit on all but the last).
// Not constexpr, on purpose: a constant initializer would put the decoded table back
// into the binary, which is what the deltas are there to avoid.
template <const auto& deltas, std::size_t count>
std::array<char32_t, count> decode_starts() {
  std::array<char32_t, count> out{};
  std::size_t at = 0;
  char32_t previous = 0;
  for (char32_t& start : out) start = previous += next_base128(deltas, at);
  return out;
}

template <const auto& deltas, std::size_t count>
const std::array<char32_t, count>& starts() {
  static const std::array<char32_t, count> decoded = decode_starts<deltas, count>();
  return decoded;
}

// The lower-casing groups, decoded on first use (not constexpr: see decode_starts).
std::array<ut::LowercaseGroup, ut::kLowercaseCount> decode_lowercase() {
  std::array<ut::LowercaseGroup, ut::kLowercaseCount> out{};
  std::size_t at = 0;
  char32_t first = 0;
  for (auto& g : out) {
    first += next_base128(ut::kLowercaseData, at);
    g.first = first;
    g.last = first + next_base128(ut::kLowercaseData, at);
    const char32_t zigzag = next_base128(ut::kLowercaseData, at);
    g.delta = (zigzag & 1) ? -static_cast<int32_t>(zigzag >> 1) - 1 : static_cast<int32_t>(zigzag >> 1);
    g.stride = static_cast<uint8_t>(next_base128(ut::kLowercaseData, at));
  }
  return out;
}

// The first start of a table, at compile time.
template <std::size_t N>
constexpr char32_t first_start(const unsigned char (&deltas)[N]) {
  char32_t value = 0;
  for (std::size_t i = 0, shift = 0; i < N; ++i, shift += 7) {
    value |= static_cast<char32_t>(deltas[i] & 0x7F) << shift;
    if (deltas[i] < 0x80) break;
  }
  return value;
}

// Index of the run containing `cp` in a table of run starts beginning at 0.
template <std::size_t N>
std::size_t run_index(const std::array<char32_t, N>& starts, char32_t cp) {
  return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), cp) - starts.begin()) - 1;
}

// How many run starts are at or below `cp` (odd: inside a boolean property).
template <std::size_t N>
std::size_t starts_up_to(const std::array<char32_t, N>& starts, char32_t cp) {
  return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), cp) - starts.begin());
}

static_assert(first_start(ut::kGraphemeBreakStartDeltas) == 0 && first_start(ut::kWordBreakStartDeltas) == 0,
              "run tables must start at U+0000");
static_assert(first_start(ut::kExtendedPictographicStartDeltas) >= 0xA9,
              "is_extended_pictographic's shortcut assumes nothing below U+00A9");

}  // namespace

GraphemeBreak grapheme_break(char32_t cp) {
  // Why the shortcut: nearly every character of an English article is ASCII.
  if (cp >= 0x20 && cp < 0x7F) return GraphemeBreak::other;
  return ut::kGraphemeBreakValues[run_index(starts<ut::kGraphemeBreakStartDeltas, ut::kGraphemeBreakStartCount>(), cp)];
}

WordBreak word_break(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return WordBreak::aletter;
  return ut::kWordBreakValues[run_index(starts<ut::kWordBreakStartDeltas, ut::kWordBreakStartCount>(), cp)];
}

bool is_extended_pictographic(char32_t cp) {
  if (cp < 0xA9) return false;  // the first one is U+00A9 COPYRIGHT SIGN
  // Runs alternate inside / outside, starting inside.
  return starts_up_to(starts<ut::kExtendedPictographicStartDeltas, ut::kExtendedPictographicStartCount>(), cp) % 2 == 1;
}

bool is_letter_or_number(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  return starts_up_to(starts<ut::kLetterOrNumberStartDeltas, ut::kLetterOrNumberStartCount>(), cp) % 2 == 1;
}

char32_t simple_lowercase(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  static const auto groups = decode_lowercase();
  const auto after = std::upper_bound(std::begin(groups), std::end(groups), cp,
                                      [](char32_t c, const auto& g) { return c < g.first; });
  if (after == std::begin(groups)) return cp;
  const auto& g = *(after - 1);
  if (cp > g.last || (cp - g.first) % g.stride != 0) return cp;
  return static_cast<char32_t>(static_cast<int32_t>(cp) + g.delta);
}

std::string_view unicode_data_version() { return ut::kUnicodeVersion; }

}  // namespace scholion
