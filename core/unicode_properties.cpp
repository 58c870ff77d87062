#include "core/unicode_properties.hpp"

#include <algorithm>
#include <iterator>

// Generated into the build directory; names the enumerations declared above.
#include "unicode_tables.hpp"

namespace scholion {
namespace {

// Index of the run containing `cp` in a table of run starts beginning at 0.
template <std::size_t N>
std::size_t run_index(const char32_t (&starts)[N], char32_t cp) {
  return static_cast<std::size_t>(std::upper_bound(std::begin(starts), std::end(starts), cp) -
                                  std::begin(starts)) - 1;
}

static_assert(unicode_tables::kGraphemeBreakStarts[0] == 0 &&
              unicode_tables::kWordBreakStarts[0] == 0,
              "run tables must start at U+0000");
static_assert(unicode_tables::kExtendedPictographic[0] >= 0xA9,
              "is_extended_pictographic's shortcut assumes nothing below U+00A9");

}  // namespace

GraphemeBreak grapheme_break(char32_t cp) {
  // Why the shortcut: nearly every character of an English article is ASCII.
  if (cp >= 0x20 && cp < 0x7F) return GraphemeBreak::other;
  return unicode_tables::kGraphemeBreakValues[run_index(unicode_tables::kGraphemeBreakStarts, cp)];
}

WordBreak word_break(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return WordBreak::aletter;
  return unicode_tables::kWordBreakValues[run_index(unicode_tables::kWordBreakStarts, cp)];
}

bool is_extended_pictographic(char32_t cp) {
  if (cp < 0xA9) return false;  // the first one is U+00A9 COPYRIGHT SIGN
  const auto& starts = unicode_tables::kExtendedPictographic;
  const auto after = std::upper_bound(std::begin(starts), std::end(starts), cp) - std::begin(starts);
  return after % 2 == 1;  // runs alternate inside / outside, starting inside
}

bool is_letter_or_number(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  const auto& starts = unicode_tables::kLetterOrNumber;
  const auto after = std::upper_bound(std::begin(starts), std::end(starts), cp) - std::begin(starts);
  return after % 2 == 1;
}

char32_t simple_lowercase(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  const auto& groups = unicode_tables::kLowercase;
  const auto after = std::upper_bound(std::begin(groups), std::end(groups), cp,
                                      [](char32_t c, const auto& g) { return c < g.first; });
  if (after == std::begin(groups)) return cp;
  const auto& g = *(after - 1);
  if (cp > g.last || (cp - g.first) % g.stride != 0) return cp;
  return static_cast<char32_t>(static_cast<int32_t>(cp) + g.delta);
}

std::string_view unicode_data_version() { return unicode_tables::kUnicodeVersion; }

}  // namespace scholion
