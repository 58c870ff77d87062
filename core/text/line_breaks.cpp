#include "core/text/line_breaks.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <initializer_list>


// Generated into the build directory; names LineBreakClass.
#include "line_break_tables.hpp"

namespace scholion {
namespace {

namespace lt = line_break_tables;
using C = LineBreakClass;

// The run starts, decoded from the generated base-128 deltas. Not constexpr (nor a
// lambda, which would be implicitly constexpr), on purpose: a constant initializer would
// put the decoded table back into the binary, which is what the deltas are there to avoid.
std::array<char32_t, lt::kStartCount> decode_run_starts() {
  std::array<char32_t, lt::kStartCount> out{};
  std::size_t at = 0;
  char32_t previous = 0;
  for (char32_t& start : out) {
    char32_t delta = 0;
    for (int shift = 0;; shift += 7) {
      const unsigned char byte = lt::kStartDeltas[at++];
      delta |= static_cast<char32_t>(byte & 0x7F) << shift;
      if (byte < 0x80) break;
    }
    start = previous += delta;
  }
  return out;
}

const std::array<char32_t, lt::kStartCount>& run_starts() {
  static const std::array<char32_t, lt::kStartCount> starts = decode_run_starts();  // on first use
  return starts;
}

// The table's byte for `cp`: class and flags (see scripts/gen_line_break_tables.py).
unsigned char entry_of(char32_t cp) {
  // Why the shortcut: nearly every character of an English article is ASCII.
  if (cp < 0x80) return lt::kAscii[cp];
  const auto& starts = run_starts();
  const auto run = std::upper_bound(starts.begin(), starts.end(), cp) - starts.begin() - 1;
  return lt::kValues[static_cast<std::size_t>(run)];
}

C class_of(unsigned char entry) { return static_cast<C>(entry & lt::kClassMask); }

// A code point as the pair rules see it: its class after rule LB1, and the flags rules
// LB30 and LB30b read.
struct Unit {
  C cls = C::xx;
  bool wide = false;                    // East_Asian_Width F/W/H (OP and CP only)
  bool unassigned_pictograph = false;   // Extended_Pictographic and Cn (LB30b)
};

Unit resolved(char32_t cp) {
  const unsigned char e = entry_of(cp);
  const C c = class_of(e);
  const bool extra = (e & lt::kExtra) != 0;
  switch (c) {
    case C::ai: case C::sg: case C::xx: return {C::al};            // LB1
    case C::sa: return {extra ? C::cm : C::al};                    // LB1: Mn, Mc -> CM
    case C::cj: return {C::ns};                                    // LB1
    default: return {c, (e & lt::kWide) != 0, extra};
  }
}

// Class sets as bit masks: a rule's test is one AND.
constexpr uint64_t set_of(std::initializer_list<C> classes) {
  uint64_t bits = 0;
  for (const C c : classes) bits |= uint64_t{1} << static_cast<unsigned>(c);
  return bits;
}
static_assert(static_cast<unsigned>(C::xx) < 64);

bool is_any(C c, uint64_t set) { return ((set >> static_cast<unsigned>(c)) & 1) != 0; }

bool is_hard_break(C c) { return c == C::bk || c == C::cr || c == C::lf || c == C::nl; }

// What LB9 will not attach a combining mark to.
bool takes_no_marks(C c) { return is_hard_break(c) || c == C::sp || c == C::zw; }

bool is_mark(C c) { return c == C::cm || c == C::zwj; }

// Where a run of numbers stands (LB25's regular expressions):
//   NU (NU | SY | IS)*           -> in_number
//   NU (NU | SY | IS)* (CL | CP)  -> closed
enum class Number : uint8_t { none, in_number, closed };

// The text before a position, as far as the rules look back. A "unit" is a code point
// with the combining marks LB9 attaches to it; its class is the effective one (LB10
// applied).
struct Context {
  C last_raw = C::xx;       // the class (after LB1) of the code point just before
  Unit last;                // the unit just before
  C before_last = C::xx;    // the unit before that (xx: none)
  C before_spaces = C::xx;  // the last unit that is not SP (xx: none)
  Number number = Number::none;
  uint32_t regional_run = 0;  // regional indicators ending at the last unit

  void push(C raw, Unit unit) {
    if (is_mark(raw) && !takes_no_marks(last_raw)) {  // LB9: part of the last unit
      last_raw = raw;
      return;
    }
    if (is_mark(raw)) unit = {C::al};  // LB10
    last_raw = raw;
    const C c = unit.cls;
    if (c == C::nu) {
      number = Number::in_number;
    } else if (number == Number::in_number && (c == C::sy || c == C::is)) {
      // still in the number
    } else if (number == Number::in_number && (c == C::cl || c == C::cp)) {
      number = Number::closed;
    } else {
      number = Number::none;
    }
    regional_run = c == C::ri ? regional_run + 1 : 0;
    before_last = last.cls;
    last = unit;
    if (c != C::sp) before_spaces = c;
  }
};

// The class after LB1 of the unit starting at `at` is NU, for the look-ahead of
// LB25's (PR | PO) × (OP | HY) NU. Skips the marks LB9 attaches to the OP or HY.
bool number_follows(std::u32string_view text, std::size_t at) {
  std::size_t k = at + 1;
  while (k < text.size() && is_mark(resolved(text[k]).cls)) ++k;
  return k < text.size() && resolved(text[k]).cls == C::nu;
}

// Rules LB4-LB31 at position `at` (0 < at < size), between the context and `next`.
LineBreak decide(const Context& x, C next_raw, Unit next, std::u32string_view text, std::size_t at) {
  using B = LineBreak;
  const C ar = x.last_raw;
  // The commonest case in prose, two letters (LB28), ahead of the rules it cannot match.
  if ((ar == C::al || ar == C::hl) && (next_raw == C::al || next_raw == C::hl)) return B::none;
  if (ar == C::bk) return B::mandatory;                                       // LB4
  if (ar == C::cr && next_raw == C::lf) return B::none;                       // LB5
  if (ar == C::cr || ar == C::lf || ar == C::nl) return B::mandatory;
  if (is_hard_break(next_raw)) return B::none;                                // LB6
  if (next_raw == C::sp || next_raw == C::zw) return B::none;                 // LB7
  const C a = x.last.cls;
  if (x.before_spaces == C::zw && (a == C::zw || a == C::sp)) return B::allowed;  // LB8
  if (ar == C::zwj) return B::none;                                           // LB8a
  if (is_mark(next_raw)) {
    if (!takes_no_marks(ar)) return B::none;                                  // LB9
    next = {C::al};                                                           // LB10
  }
  const C b = next.cls;
  if (a == C::wj || b == C::wj) return B::none;                               // LB11
  if (a == C::gl) return B::none;                                             // LB12
  if (b == C::gl && !is_any(a, set_of({C::sp, C::ba, C::hy}))) return B::none;       // LB12a
  if (is_any(b, set_of({C::cl, C::cp, C::ex, C::is, C::sy}))) return B::none;         // LB13
  // LB14-LB17 look back over spaces; before_spaces is `a` itself when a is not SP.
  const C s = x.before_spaces;
  if (s == C::op) return B::none;                                             // LB14
  if (s == C::qu && b == C::op) return B::none;                               // LB15
  if ((s == C::cl || s == C::cp) && b == C::ns) return B::none;               // LB16
  if (s == C::b2 && b == C::b2) return B::none;                               // LB17
  if (a == C::sp) return B::allowed;                                          // LB18
  if (a == C::qu || b == C::qu) return B::none;                               // LB19
  if (a == C::cb || b == C::cb) return B::allowed;                            // LB20
  if (is_any(b, set_of({C::ba, C::hy, C::ns})) || a == C::bb) return B::none;         // LB21
  if ((a == C::hy || a == C::ba) && x.before_last == C::hl) return B::none;   // LB21a
  if (a == C::sy && b == C::hl) return B::none;                               // LB21b
  if (b == C::in) return B::none;                                             // LB22
  const bool a_letter = a == C::al || a == C::hl;
  const bool b_letter = b == C::al || b == C::hl;
  if ((a_letter && b == C::nu) || (a == C::nu && b_letter)) return B::none;   // LB23
  if (a == C::pr && is_any(b, set_of({C::id, C::eb, C::em}))) return B::none;         // LB23a
  if (is_any(a, set_of({C::id, C::eb, C::em})) && b == C::po) return B::none;
  const bool a_affix = a == C::pr || a == C::po;
  if ((a_affix && b_letter) || (a_letter && (b == C::pr || b == C::po))) return B::none;  // LB24
  // LB25, as regular expressions (UAX #14, Example 7).
  if (a_affix && b == C::nu) return B::none;                                  // (PR|PO) × NU
  if (a_affix && (b == C::op || b == C::hy) && number_follows(text, at)) return B::none;  // (PR|PO) × (OP|HY) NU
  if ((a == C::op || a == C::hy) && b == C::nu) return B::none;               // (OP|HY) × NU
  if (x.number == Number::in_number && is_any(b, set_of({C::nu, C::sy, C::is, C::cl, C::cp}))) {
    return B::none;                                                           // NU (NU|SY|IS)* × (NU|SY|IS|CL|CP)
  }
  if (x.number != Number::none && (b == C::po || b == C::pr)) return B::none;  // ... (CL|CP)? × (PO|PR)
  if (a == C::jl && is_any(b, set_of({C::jl, C::jv, C::h2, C::h3}))) return B::none;  // LB26
  if ((a == C::jv || a == C::h2) && (b == C::jv || b == C::jt)) return B::none;
  if ((a == C::jt || a == C::h3) && b == C::jt) return B::none;
  const bool a_hangul = is_any(a, set_of({C::jl, C::jv, C::jt, C::h2, C::h3}));
  const bool b_hangul = is_any(b, set_of({C::jl, C::jv, C::jt, C::h2, C::h3}));
  if ((a_hangul && b == C::po) || (a == C::pr && b_hangul)) return B::none;   // LB27
  if (a_letter && b_letter) return B::none;                                   // LB28
  if (a == C::is && b_letter) return B::none;                                 // LB29
  if ((a_letter || a == C::nu) && b == C::op && !next.wide) return B::none;   // LB30
  if (a == C::cp && !x.last.wide && (b_letter || b == C::nu)) return B::none;
  if (a == C::ri && b == C::ri && x.regional_run % 2 == 1) return B::none;    // LB30a
  if (b == C::em && (a == C::eb || x.last.unassigned_pictograph)) return B::none;  // LB30b
  return B::allowed;                                                          // LB31
}

}  // namespace

LineBreakClass line_break_class(char32_t cp) { return class_of(entry_of(cp)); }

void line_break_opportunities(std::u32string_view text, std::span<LineBreak> out) {
  assert(out.size() == text.size() + 1);
  const std::size_t n = text.size();
  out[0] = LineBreak::none;  // LB2
  if (n == 0) return;
  Context x;
  x.last_raw = C::bk;  // the start of the text takes no marks either (LB10)
  {
    const Unit first = resolved(text[0]);
    x.push(first.cls, first);
    x.before_last = C::xx;
  }
  for (std::size_t at = 1; at < n; ++at) {
    const Unit next = resolved(text[at]);
    out[at] = decide(x, next.cls, next, text, at);
    x.push(next.cls, next);
  }
  out[n] = LineBreak::mandatory;  // LB3
}

std::vector<LineBreak> line_break_opportunities(std::u32string_view text) {
  std::vector<LineBreak> out(text.size() + 1);
  line_break_opportunities(text, out);
  return out;
}

std::string_view line_break_data_version() { return lt::kUnicodeVersion; }

}  // namespace scholion
