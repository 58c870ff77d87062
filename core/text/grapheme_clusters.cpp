#include "core/text/grapheme_clusters.hpp"

#include <algorithm>
#include <utility>

#include "core/text/code_point_text.hpp"
#include "core/text/unicode_properties.hpp"

namespace scholion {
namespace {

using GB = GraphemeBreak;

bool is_control_like(GB p) { return p == GB::control || p == GB::cr || p == GB::lf; }

// UAX #29 rules GB3-GB999 between code points cp-1 and cp, for 0 < cp < size.
template <class Text>
bool boundary_inside(const Text& text, uint32_t cp) {
  const char32_t before = text.at(cp - 1);
  const char32_t after = text.at(cp);
  const GB b = grapheme_break(before);
  const GB a = grapheme_break(after);

  if (b == GB::cr && a == GB::lf) return false;                                    // GB3
  if (is_control_like(b) || is_control_like(a)) return true;                       // GB4, GB5
  if (b == GB::l && (a == GB::l || a == GB::v || a == GB::lv || a == GB::lvt)) {   // GB6
    return false;
  }
  if ((b == GB::lv || b == GB::v) && (a == GB::v || a == GB::t)) return false;     // GB7
  if ((b == GB::lvt || b == GB::t) && a == GB::t) return false;                    // GB8
  if (a == GB::extend || a == GB::zwj) return false;                               // GB9
  if (a == GB::spacing_mark) return false;                                         // GB9a
  if (b == GB::prepend) return false;                                              // GB9b

  // GB11: Extended_Pictographic Extend* ZWJ × Extended_Pictographic. The look-back
  // crosses only the Extend run between the pictograph and the ZWJ.
  if (b == GB::zwj && is_extended_pictographic(after)) {
    uint32_t k = cp - 1;  // the ZWJ
    while (k > 0 && grapheme_break(text.at(k - 1)) == GB::extend) --k;
    return !(k > 0 && is_extended_pictographic(text.at(k - 1)));
  }

  // GB12, GB13: regional indicators pair from the start of their run, so an odd
  // number of them before cp means cp falls inside a pair.
  if (b == GB::regional_indicator && a == GB::regional_indicator) {
    uint32_t run_start = cp - 1;
    while (run_start > 0 && grapheme_break(text.at(run_start - 1)) == GB::regional_indicator) {
      --run_start;
    }
    return (cp - run_start) % 2 == 0;
  }
  return true;  // GB999
}

// The ends of the text are boundaries (GB1, GB2).
template <class Text>
bool is_boundary(const Text& text, uint32_t cp) {
  return detail::is_boundary_by(text, cp, [](const Text& t, uint32_t p) { return boundary_inside(t, p); });
}

template <class Text>
uint32_t next_boundary(const Text& text, uint32_t cp) {
  return detail::next_boundary_by(text, cp, [](const Text& t, uint32_t p) { return boundary_inside(t, p); });
}

template <class Text>
uint32_t prev_boundary(const Text& text, uint32_t cp) {
  return detail::prev_boundary_by(text, cp, [](const Text& t, uint32_t p) { return boundary_inside(t, p); });
}

template <class Text>
CodePointRange snap(const Text& text, uint32_t start, uint32_t end) {
  const uint32_t n = text.size();
  start = std::min(start, n);
  end = std::min(end, n);
  if (start > end) std::swap(start, end);
  if (!is_boundary(text, start)) start = prev_boundary(text, start);
  if (!is_boundary(text, end)) end = next_boundary(text, end);
  return {start, end};
}

}  // namespace

bool is_grapheme_boundary(std::u32string_view text, uint32_t cp) {
  return is_boundary(detail::Utf32Text(text), cp);
}
bool is_grapheme_boundary(const TextOffsets& text, uint32_t cp) {
  return is_boundary(detail::Utf8Text(text), cp);
}

uint32_t next_grapheme_boundary(std::u32string_view text, uint32_t cp) {
  return next_boundary(detail::Utf32Text(text), cp);
}
uint32_t next_grapheme_boundary(const TextOffsets& text, uint32_t cp) {
  return next_boundary(detail::Utf8Text(text), cp);
}

uint32_t prev_grapheme_boundary(std::u32string_view text, uint32_t cp) {
  return prev_boundary(detail::Utf32Text(text), cp);
}
uint32_t prev_grapheme_boundary(const TextOffsets& text, uint32_t cp) {
  return prev_boundary(detail::Utf8Text(text), cp);
}

CodePointRange snap_to_graphemes(std::u32string_view text, uint32_t start, uint32_t end) {
  return snap(detail::Utf32Text(text), start, end);
}
CodePointRange snap_to_graphemes(const TextOffsets& text, uint32_t start, uint32_t end) {
  return snap(detail::Utf8Text(text), start, end);
}

}  // namespace scholion
