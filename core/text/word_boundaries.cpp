#include "core/text/word_boundaries.hpp"

#include <algorithm>

#include "core/text/code_point_text.hpp"
#include "core/text/grapheme_clusters.hpp"
#include "core/text/unicode_properties.hpp"

namespace scholion {
namespace {

using WB = WordBreak;

bool is_hard_break(WB p) { return p == WB::cr || p == WB::lf || p == WB::newline; }
bool is_ignorable(WB p) { return p == WB::extend || p == WB::format || p == WB::zwj; }
bool is_ahletter(WB p) { return p == WB::aletter || p == WB::hebrew_letter; }
bool is_midnumletq(WB p) { return p == WB::midnumlet || p == WB::single_quote; }
bool is_word_like(WB p) {
  return is_ahletter(p) || p == WB::numeric || p == WB::katakana || p == WB::extendnumlet;
}

constexpr uint32_t kNone = UINT32_MAX;

// Rule WB4 makes Extend, Format and ZWJ invisible: they take the place of the code point
// they follow. Returns the index of the code point the run ending just before `end`
// stands for: the last one that is not ignorable, or, when the run follows the start of
// the text or a line break (which WB4 does not reach across), the run's first member.
template <class Text>
uint32_t resolved_before(const Text& text, uint32_t end) {
  uint32_t k = end - 1;
  while (k > 0 && is_ignorable(word_break(text.at(k))) && !is_hard_break(word_break(text.at(k - 1)))) {
    --k;
  }
  return k;
}

// Index of the first code point at or after `from` that is not ignorable, or kNone.
template <class Text>
uint32_t resolved_from(const Text& text, uint32_t from) {
  for (uint32_t k = from; k < text.size(); ++k) {
    if (!is_ignorable(word_break(text.at(k)))) return k;
  }
  return kNone;
}

// UAX #29 rules WB3-WB999 between code points cp-1 and cp, for 0 < cp < size.
template <class Text>
bool boundary_inside(const Text& text, uint32_t cp) {
  const char32_t raw_before = text.at(cp - 1);
  const char32_t raw_after = text.at(cp);
  const WB rb = word_break(raw_before);
  const WB a = word_break(raw_after);

  if (rb == WB::cr && a == WB::lf) return false;                          // WB3
  if (is_hard_break(rb) || is_hard_break(a)) return true;                 // WB3a, WB3b
  if (rb == WB::zwj && is_extended_pictographic(raw_after)) return false;  // WB3c
  if (rb == WB::wsegspace && a == WB::wsegspace) return false;            // WB3d
  if (is_ignorable(a)) return false;                                      // WB4

  const uint32_t before_at = resolved_before(text, cp);
  const WB b = word_break(text.at(before_at));
  const auto before2 = [&] {  // the code point before `b`, also through WB4
    return before_at == 0 ? WB::other : word_break(text.at(resolved_before(text, before_at)));
  };
  const auto after2 = [&] {  // the code point after `a`, also through WB4
    const uint32_t k = resolved_from(text, cp + 1);
    return k == kNone ? WB::other : word_break(text.at(k));
  };

  if (is_ahletter(b) && is_ahletter(a)) return false;                                 // WB5
  if (is_ahletter(b) && (a == WB::midletter || is_midnumletq(a)) && is_ahletter(after2())) {
    return false;                                                                     // WB6
  }
  if ((b == WB::midletter || is_midnumletq(b)) && is_ahletter(a) && is_ahletter(before2())) {
    return false;                                                                     // WB7
  }
  if (b == WB::hebrew_letter && a == WB::single_quote) return false;                  // WB7a
  if (b == WB::hebrew_letter && a == WB::double_quote && after2() == WB::hebrew_letter) {
    return false;                                                                     // WB7b
  }
  if (b == WB::double_quote && a == WB::hebrew_letter && before2() == WB::hebrew_letter) {
    return false;                                                                     // WB7c
  }
  if (b == WB::numeric && a == WB::numeric) return false;                             // WB8
  if (is_ahletter(b) && a == WB::numeric) return false;                               // WB9
  if (b == WB::numeric && is_ahletter(a)) return false;                               // WB10
  if ((b == WB::midnum || is_midnumletq(b)) && a == WB::numeric && before2() == WB::numeric) {
    return false;                                                                     // WB11
  }
  if (b == WB::numeric && (a == WB::midnum || is_midnumletq(a)) && after2() == WB::numeric) {
    return false;                                                                     // WB12
  }
  if (b == WB::katakana && a == WB::katakana) return false;                           // WB13
  if ((is_ahletter(b) || b == WB::numeric || b == WB::katakana || b == WB::extendnumlet) &&
      a == WB::extendnumlet) {
    return false;                                                                     // WB13a
  }
  if (b == WB::extendnumlet && (is_ahletter(a) || a == WB::numeric || a == WB::katakana)) {
    return false;                                                                     // WB13b
  }
  // WB15, WB16: regional indicators pair from the start of their run (marks between
  // them ignored), so an odd count before cp means cp falls inside a pair.
  if (b == WB::regional_indicator && a == WB::regional_indicator) {
    uint32_t count = 0;
    uint32_t k = before_at;
    while (word_break(text.at(k)) == WB::regional_indicator) {
      ++count;
      if (k == 0) break;
      k = resolved_before(text, k);
    }
    return count % 2 == 0;
  }
  return true;  // WB999
}

// The ends of the text are boundaries (WB1, WB2).
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
bool has_word_character(const Text& text, uint32_t start, uint32_t end) {
  for (uint32_t k = start; k < end; ++k) {
    if (is_word_like(word_break(text.at(k)))) return true;
  }
  return false;
}

template <class Text>
WordRange word_range_at(const Text& text, uint32_t cp) {
  const uint32_t n = text.size();
  cp = std::min(cp, n);
  if (n == 0) return {};
  WordRange found;
  if (cp < n) {
    const uint32_t start = is_boundary(text, cp) ? cp : prev_boundary(text, cp);
    found = {start, next_boundary(text, start), false};
    found.is_word = has_word_character(text, found.start, found.end);
  }
  if (!found.is_word && cp > 0 && is_boundary(text, cp)) {
    const uint32_t start = prev_boundary(text, cp);
    const bool is_word = has_word_character(text, start, cp);
    if (is_word || cp == n) found = {start, cp, is_word};
  }
  return found;
}

}  // namespace

bool is_word_boundary(std::u32string_view text, uint32_t cp) {
  return is_boundary(detail::Utf32Text(text), cp);
}
bool is_word_boundary(const TextOffsets& text, uint32_t cp) {
  return is_boundary(detail::Utf8Text(text), cp);
}

uint32_t next_word_boundary(std::u32string_view text, uint32_t cp) {
  return next_boundary(detail::Utf32Text(text), cp);
}
uint32_t next_word_boundary(const TextOffsets& text, uint32_t cp) {
  return next_boundary(detail::Utf8Text(text), cp);
}

uint32_t prev_word_boundary(std::u32string_view text, uint32_t cp) {
  return prev_boundary(detail::Utf32Text(text), cp);
}
uint32_t prev_word_boundary(const TextOffsets& text, uint32_t cp) {
  return prev_boundary(detail::Utf8Text(text), cp);
}

// Why the grapheme snap: word rules attach Format characters (among them the Arabic
// prepend marks) to what precedes them, grapheme rules to what follows; a selection
// must never split a cluster.
WordRange word_at(std::u32string_view text, uint32_t cp) {
  WordRange w = word_range_at(detail::Utf32Text(text), cp);
  const CodePointRange s = snap_to_graphemes(text, w.start, w.end);
  return {s.start, s.end, w.is_word};
}
WordRange word_at(const TextOffsets& text, uint32_t cp) {
  WordRange w = word_range_at(detail::Utf8Text(text), cp);
  const CodePointRange s = snap_to_graphemes(text, w.start, w.end);
  return {s.start, s.end, w.is_word};
}

}  // namespace scholion
