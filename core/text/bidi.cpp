#include "core/text/bidi.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

// [SECTION] Paragraph direction (P2-P3)
// [SECTION] Explicit levels (X1-X8)
// [SECTION] Isolating run sequences (X9-X10)
// [SECTION] Weak types (W1-W7)
// [SECTION] Bracket pairs (N0)
// [SECTION] Neutrals and implicit levels (N1-N2, I1-I2)
// [SECTION] The whole paragraph

namespace scholion {
namespace {

using C = BidiClass;
constexpr uint32_t kNone = UINT32_MAX;

constexpr bool is_strong(C c) { return c == C::l || c == C::r || c == C::al; }

// Neutral or isolate formatting character, as rules N1-N2 see it (NI).
constexpr bool is_ni(C c) {
  return c == C::b || c == C::s || c == C::ws || c == C::on || c == C::lri || c == C::rli || c == C::fsi ||
         c == C::pdi;
}

// The direction a resolved type counts as in N0-N2: EN and AN count as R.
constexpr C strong_direction(C c) {
  if (c == C::l) return C::l;
  if (c == C::r || c == C::al || c == C::en || c == C::an) return C::r;
  return C::on;
}

constexpr C class_of_level(uint32_t level) { return level % 2 == 0 ? C::l : C::r; }

// [SECTION] Paragraph direction (P2-P3) -----------------------------------------------

// BD9: the matching PDI of every isolate initiator (kNone if it has none), in one pass.
std::vector<uint32_t> matching_pdis(std::span<const C> classes) {
  std::vector<uint32_t> match(classes.size(), kNone);
  std::vector<uint32_t> open;
  for (uint32_t i = 0; i < classes.size(); ++i) {
    if (is_isolate_initiator(classes[i])) {
      open.push_back(i);
    } else if (classes[i] == C::pdi && !open.empty()) {
      match[open.back()] = i;
      open.pop_back();
    } else if (classes[i] == C::b) {
      open.clear();
    }
  }
  return match;
}

// P2-P3 over [from, to): the first strong class outside isolates, jumping over each
// isolate to its matching PDI. C::on if there is none.
C first_strong(std::span<const C> classes, std::span<const uint32_t> match, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i) {
    const C c = classes[i];
    if (c == C::l) return C::l;
    if (c == C::r || c == C::al) return C::r;
    if (c == C::b) break;
    if (is_isolate_initiator(c)) {
      if (match[i] == kNone) break;  // the isolate runs to the end of the paragraph
      i = match[i];
    }
  }
  return C::on;
}

// [SECTION] Explicit levels (X1-X8) ----------------------------------------------------

struct StatusEntry {
  BidiLevel level;
  C override_class;  // l or r under an override, on otherwise
  bool isolate;
};

// Rules X1-X8: the explicit level of every code point, overridden classes written into
// `types`. Removed characters (X9) get the level of the embedding around them.
void resolve_explicit(std::span<const C> classes, std::span<const uint32_t> match, BidiLevel paragraph_level,
                      std::span<C> types, std::span<BidiLevel> levels) {
  std::array<StatusEntry, kMaxBidiDepth + 2> stack{};
  std::size_t depth = 0;
  stack[depth++] = {paragraph_level, C::on, false};
  uint32_t overflow_isolates = 0;
  uint32_t overflow_embeddings = 0;
  uint32_t valid_isolates = 0;
  const auto n = static_cast<uint32_t>(classes.size());

  for (uint32_t i = 0; i < n; ++i) {
    const StatusEntry& top = stack[depth - 1];
    const C c = classes[i];
    switch (c) {
      case C::rle:
      case C::lre:
      case C::rlo:
      case C::lro: {  // X2-X5
        levels[i] = top.level;
        const bool rtl = c == C::rle || c == C::rlo;
        const auto next = static_cast<BidiLevel>(rtl ? (top.level + 1) | 1 : (top.level + 2) & ~1);
        if (next <= kMaxBidiDepth && overflow_isolates == 0 && overflow_embeddings == 0) {
          const C override_class = c == C::rlo ? C::r : c == C::lro ? C::l : C::on;
          stack[depth++] = {next, override_class, false};
        } else if (overflow_isolates == 0) {
          ++overflow_embeddings;
        }
        break;
      }
      case C::rli:
      case C::lri:
      case C::fsi: {  // X5a-X5c
        levels[i] = top.level;
        if (top.override_class != C::on) types[i] = top.override_class;
        bool rtl = c == C::rli;
        if (c == C::fsi) rtl = first_strong(classes, match, i + 1, match[i] == kNone ? n : match[i]) == C::r;
        const auto next = static_cast<BidiLevel>(rtl ? (top.level + 1) | 1 : (top.level + 2) & ~1);
        if (next <= kMaxBidiDepth && overflow_isolates == 0 && overflow_embeddings == 0) {
          ++valid_isolates;
          stack[depth++] = {next, C::on, true};
        } else {
          ++overflow_isolates;
        }
        break;
      }
      case C::pdi: {  // X6a
        if (overflow_isolates > 0) {
          --overflow_isolates;
        } else if (valid_isolates > 0) {
          overflow_embeddings = 0;
          while (!stack[depth - 1].isolate) --depth;
          --depth;
          --valid_isolates;
        }
        const StatusEntry& now = stack[depth - 1];
        levels[i] = now.level;
        if (now.override_class != C::on) types[i] = now.override_class;
        break;
      }
      case C::pdf:  // X7
        levels[i] = top.level;
        if (overflow_isolates > 0) {
        } else if (overflow_embeddings > 0) {
          --overflow_embeddings;
        } else if (!top.isolate && depth >= 2) {
          --depth;
        }
        break;
      case C::b:  // X8: a paragraph separator ends every embedding, override and isolate
        levels[i] = paragraph_level;
        depth = 1;
        overflow_isolates = overflow_embeddings = valid_isolates = 0;
        break;
      case C::bn:  // X9 removes it
        levels[i] = top.level;
        break;
      default:  // X6
        levels[i] = top.level;
        if (top.override_class != C::on) types[i] = top.override_class;
        break;
    }
  }
}

// [SECTION] Isolating run sequences (X9-X10) -------------------------------------------

// One isolating run sequence being resolved: its code points (paragraph offsets, in
// order, X9-removed characters left out), its level and its sos / eos classes.
struct Sequence {
  std::span<const uint32_t> at;
  BidiLevel level;
  C sos;
  C eos;
};

// [SECTION] Weak types (W1-W7) ---------------------------------------------------------

void resolve_weak(const Sequence& seq, std::span<C> types) {
  const std::size_t n = seq.at.size();
  auto t = [&](std::size_t k) -> C& { return types[seq.at[k]]; };

  // W1: a nonspacing mark takes the class before it (ON after an isolate boundary).
  for (std::size_t k = 0; k < n; ++k) {
    if (t(k) != C::nsm) continue;
    if (k == 0) {
      t(k) = seq.sos;
    } else {
      const C before = t(k - 1);
      t(k) = is_isolate_initiator(before) || before == C::pdi ? C::on : before;
    }
  }
  // W2: a European number after an Arabic letter is an Arabic number. W3: AL is R.
  C last_strong = seq.sos;
  for (std::size_t k = 0; k < n; ++k) {
    C& c = t(k);
    if (is_strong(c)) last_strong = c;
    if (c == C::en && last_strong == C::al) c = C::an;
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (t(k) == C::al) t(k) = C::r;
  }
  // W4: one separator between two numbers of a kind joins them.
  for (std::size_t k = 1; k + 1 < n; ++k) {
    C& c = t(k);
    const C before = t(k - 1);
    const C after = t(k + 1);
    if (c == C::es && before == C::en && after == C::en) c = C::en;
    else if (c == C::cs && before == C::en && after == C::en) c = C::en;
    else if (c == C::cs && before == C::an && after == C::an) c = C::an;
  }
  // W5: terminators next to a European number are part of it. W6: other separators and
  // terminators are neutral.
  for (std::size_t k = 0; k < n;) {
    if (t(k) != C::et) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < n && t(end) == C::et) ++end;
    const bool number = (k > 0 && t(k - 1) == C::en) || (end < n && t(end) == C::en);
    for (; k < end; ++k) t(k) = number ? C::en : C::on;
  }
  for (std::size_t k = 0; k < n; ++k) {
    C& c = t(k);
    if (c == C::es || c == C::et || c == C::cs) c = C::on;
  }
  // W7: a European number in left-to-right context is L.
  last_strong = seq.sos;
  for (std::size_t k = 0; k < n; ++k) {
    C& c = t(k);
    if (c == C::l || c == C::r) last_strong = c;
    if (c == C::en && last_strong == C::l) c = C::l;
  }
}

// [SECTION] Bracket pairs (N0) ---------------------------------------------------------

// U+2329/U+232A are canonically equivalent to U+3008/U+3009 and pair with them (BD16).
constexpr char32_t canonical_bracket(char32_t cp) {
  return cp == 0x2329 ? 0x3008 : cp == 0x232A ? 0x3009 : cp;
}

struct BracketPair {
  uint32_t open;   // index into the sequence
  uint32_t close;  // index into the sequence
};

// BD16: the bracket pairs of a sequence, sorted by their opening bracket.
void find_bracket_pairs(const Sequence& seq, std::span<const C> types, std::u32string_view text,
                        std::vector<BracketPair>& pairs) {
  pairs.clear();
  struct Opener {
    char32_t closing;
    uint32_t at;
  };
  constexpr std::size_t kMaxOpeners = 63;
  std::array<Opener, kMaxOpeners> stack{};
  std::size_t depth = 0;
  for (uint32_t k = 0; k < seq.at.size(); ++k) {
    const uint32_t i = seq.at[k];
    if (types[i] != C::on) continue;  // overridden to L or R: not a bracket any more
    const PairedBracket bracket = paired_bracket(text[i]);
    if (bracket.type == BracketType::open) {
      if (depth == kMaxOpeners) break;  // BD16: stop looking in this sequence
      stack[depth++] = {canonical_bracket(bracket.pair), k};
    } else if (bracket.type == BracketType::close) {
      const char32_t closing = canonical_bracket(text[i]);
      for (std::size_t d = depth; d > 0; --d) {
        if (stack[d - 1].closing == closing) {
          pairs.push_back({stack[d - 1].at, k});
          depth = d - 1;
          break;
        }
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const BracketPair& a, const BracketPair& b) { return a.open < b.open; });
}

void resolve_brackets(const Sequence& seq, std::span<const C> classes, std::span<C> types,
                      std::u32string_view text, std::vector<BracketPair>& pairs) {
  if (text.empty()) return;
  find_bracket_pairs(seq, types, text, pairs);
  const C embedding = class_of_level(seq.level);
  const C opposite = embedding == C::l ? C::r : C::l;
  auto t = [&](std::size_t k) -> C& { return types[seq.at[k]]; };

  for (const BracketPair& pair : pairs) {
    bool inside_embedding = false;
    bool inside_opposite = false;
    for (uint32_t k = pair.open + 1; k < pair.close && !inside_embedding; ++k) {
      const C d = strong_direction(t(k));
      inside_embedding = d == embedding;
      inside_opposite = inside_opposite || d == opposite;
    }
    C resolved;
    if (inside_embedding) {
      resolved = embedding;  // N0 b
    } else if (inside_opposite) {
      C before = seq.sos;  // N0 c: the context before the opening bracket decides
      for (uint32_t k = pair.open; k > 0; --k) {
        const C d = strong_direction(t(k - 1));
        if (d != C::on) {
          before = d;
          break;
        }
      }
      resolved = before == opposite ? opposite : embedding;
    } else {
      continue;  // N0 d: no strong type inside; left to N1-N2
    }
    // Nonspacing marks after a bracket (W1 made them ON) follow it.
    for (const uint32_t bracket : {pair.open, pair.close}) {
      t(bracket) = resolved;
      for (std::size_t k = bracket + 1; k < seq.at.size() && classes[seq.at[k]] == C::nsm; ++k) t(k) = resolved;
    }
  }
}

// [SECTION] Neutrals and implicit levels (N1-N2, I1-I2) --------------------------------

void resolve_neutrals(const Sequence& seq, std::span<C> types) {
  const std::size_t n = seq.at.size();
  const C embedding = class_of_level(seq.level);
  auto t = [&](std::size_t k) -> C& { return types[seq.at[k]]; };
  for (std::size_t k = 0; k < n;) {
    if (!is_ni(t(k))) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < n && is_ni(t(end))) ++end;
    const C before = k == 0 ? seq.sos : strong_direction(t(k - 1));
    const C after = end == n ? seq.eos : strong_direction(t(end));
    const C resolved = before == after ? before : embedding;  // N1, else N2
    for (; k < end; ++k) t(k) = resolved;
  }
}

void resolve_implicit(const Sequence& seq, std::span<const C> types, std::span<BidiLevel> levels) {
  for (const uint32_t i : seq.at) {
    const C c = types[i];
    BidiLevel& level = levels[i];
    if (level % 2 == 0) {
      level = static_cast<BidiLevel>(level + (c == C::r ? 1 : c == C::an || c == C::en ? 2 : 0));  // I1
    } else if (c == C::l || c == C::en || c == C::an) {
      ++level;  // I2
    }
  }
}

}  // namespace

// [SECTION] The whole paragraph --------------------------------------------------------

BidiDirection paragraph_direction(std::u32string_view text, BidiDirection if_none) {
  int isolates = 0;
  for (const char32_t cp : text) {
    const C c = bidi_class(cp);
    if (c == C::b) break;
    if (is_isolate_initiator(c)) {
      ++isolates;
    } else if (c == C::pdi) {
      if (isolates > 0) --isolates;
    } else if (isolates == 0 && is_strong(c)) {
      return c == C::l ? BidiDirection::ltr : BidiDirection::rtl;
    }
  }
  return if_none;
}

BidiParagraph resolve_bidi_paragraph(std::u32string_view text, std::optional<BidiDirection> direction) {
  std::vector<BidiClass> classes(text.size());
  std::transform(text.begin(), text.end(), classes.begin(), bidi_class);
  return resolve_bidi_classes(std::move(classes), text, direction);
}

BidiParagraph resolve_bidi_classes(std::vector<BidiClass> classes, std::u32string_view text,
                                   std::optional<BidiDirection> direction) {
  BidiParagraph p;
  const auto n = static_cast<uint32_t>(classes.size());
  if (!text.empty() && text.size() != n) text = {};  // a caller's mistake: no brackets then
  const std::vector<uint32_t> match = matching_pdis(classes);
  if (direction) {
    p.level = *direction == BidiDirection::rtl ? 1 : 0;
  } else {
    p.level = first_strong(classes, match, 0, n) == C::r ? 1 : 0;
  }
  p.levels.assign(n, p.level);
  std::vector<C> types = classes;
  resolve_explicit(classes, match, p.level, types, p.levels);

  // X9-X10: the code points left after X9, cut into level runs, chained into isolating
  // run sequences across isolates.
  std::vector<uint32_t> kept;
  kept.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!is_removed_by_x9(classes[i])) kept.push_back(i);
  }
  std::vector<uint32_t> run_starts;  // indices into `kept`
  for (uint32_t k = 0; k < kept.size(); ++k) {
    if (k == 0 || p.levels[kept[k]] != p.levels[kept[k - 1]]) run_starts.push_back(k);
  }
  const auto run_count = static_cast<uint32_t>(run_starts.size());
  auto run_end = [&](uint32_t r) { return r + 1 < run_count ? run_starts[r + 1] : static_cast<uint32_t>(kept.size()); };
  // The run after run r in its sequence (kNone if the sequence ends with r), and whether
  // a run continues another.
  std::vector<uint32_t> next_run(run_count, kNone);
  std::vector<bool> continues(run_count, false);
  for (uint32_t r = 0; r < run_count; ++r) {
    const uint32_t last = kept[run_end(r) - 1];
    if (!is_isolate_initiator(classes[last]) || match[last] == kNone) continue;
    const auto pdi = static_cast<uint32_t>(std::lower_bound(kept.begin(), kept.end(), match[last]) - kept.begin());
    const auto run = static_cast<uint32_t>(std::upper_bound(run_starts.begin(), run_starts.end(), pdi) -
                                           run_starts.begin()) - 1;
    if (run_starts[run] != pdi) continue;  // cannot happen: the PDI is back at r's level
    next_run[r] = run;
    continues[run] = true;
  }

  // The explicit level of each run: sos and eos compare with these, not with the levels
  // of sequences already resolved.
  std::vector<BidiLevel> run_levels(run_count);
  for (uint32_t r = 0; r < run_count; ++r) run_levels[r] = p.levels[kept[run_starts[r]]];

  std::vector<uint32_t> at;
  std::vector<BracketPair> pairs;
  for (uint32_t first = 0; first < run_count; ++first) {
    if (continues[first]) continue;
    at.clear();
    uint32_t last_run = first;
    for (uint32_t r = first; r != kNone; r = next_run[r]) {
      at.insert(at.end(), kept.begin() + run_starts[r], kept.begin() + run_end(r));
      last_run = r;
    }
    Sequence seq{at, run_levels[first], C::on, C::on};
    const BidiLevel before = first == 0 ? p.level : run_levels[first - 1];
    BidiLevel after = p.level;
    if (!is_isolate_initiator(classes[at.back()]) && last_run + 1 < run_count) after = run_levels[last_run + 1];
    seq.sos = class_of_level(std::max(before, seq.level));
    seq.eos = class_of_level(std::max(after, seq.level));
    resolve_weak(seq, types);
    resolve_brackets(seq, classes, types, text, pairs);
    resolve_neutrals(seq, types);
    resolve_implicit(seq, types, p.levels);
  }

  // Removed characters draw with the code point before them.
  for (uint32_t i = 0; i < n; ++i) {
    if (is_removed_by_x9(classes[i])) p.levels[i] = i == 0 ? p.level : p.levels[i - 1];
  }
  p.classes = std::move(classes);
  return p;
}

bool needs_bidi(std::u32string_view text) {
  for (char32_t cp : text) {
    if (cp < 0x0590) continue;
    switch (bidi_class(cp)) {
      case BidiClass::r: case BidiClass::al: case BidiClass::an: case BidiClass::lre: case BidiClass::lro:
      case BidiClass::rle: case BidiClass::rlo: case BidiClass::lri: case BidiClass::rli: case BidiClass::fsi:
        return true;
      default: break;
    }
  }
  return false;
}

}  // namespace scholion
