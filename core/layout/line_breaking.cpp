#include "core/layout/line_breaking.hpp"

#include "core/text/grapheme_clusters.hpp"

namespace scholion {
namespace {

using C = LineBreakClass;

// The spaces that hang at the end of a line (drawn nowhere, measured in no line's width).
bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007) ||
         cp == 0x205F || cp == 0x3000;
}

// What LB20a lets a word-initial hyphen follow: the start of the text, a space or break.
bool starts_a_word(C c) {
  return c == C::bk || c == C::cr || c == C::lf || c == C::nl || c == C::sp || c == C::zw ||
         c == C::cb || c == C::gl;
}

// AL and HL after rule LB1 (SA counts: it acts as AL).
bool is_letter(C c) { return c == C::al || c == C::hl || c == C::ai || c == C::xx || c == C::sa || c == C::sg; }

// LB20a: ( sot | BK | CR | LF | NL | SP | ZW | CB | GL ) ( HY | U+2010 ) × ( AL | HL ).
bool after_word_initial_hyphen(std::u32string_view text, std::size_t p) {
  const char32_t hyphen = text[p - 1];
  if (hyphen != 0x2010 && line_break_class(hyphen) != C::hy) return false;
  if (p >= 2 && !starts_a_word(line_break_class(text[p - 2]))) return false;
  return is_letter(line_break_class(text[p]));
}

// Opens the runs of SA text to `words`: allows a break at each word start it reports.
void add_word_starts(std::u32string_view text, const BreakOpportunities& words, std::vector<LineBreak>& out) {
  std::vector<uint32_t> starts;
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    if (line_break_class(text[i]) != C::sa) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < n && line_break_class(text[end]) == C::sa) ++end;
    starts.clear();
    words.word_starts(text.substr(i, end - i), starts);
    for (const uint32_t k : starts) {
      if (k == 0 || k >= end - i) continue;
      const auto p = static_cast<uint32_t>(i + k);
      if (out[p] == LineBreak::none && is_grapheme_boundary(text, p)) out[p] = LineBreak::allowed;
    }
    i = end;
  }
}

}  // namespace

bool is_line_feed(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x0085 || cp == 0x2028 ||
         cp == 0x2029;
}

std::vector<LineBreak> line_breaks(std::u32string_view text, const BreakOpportunities* words) {
  std::vector<LineBreak> out = line_break_opportunities(text);
  for (std::size_t p = 1; p < text.size(); ++p) {
    if (out[p] != LineBreak::allowed) continue;
    const auto cp = static_cast<uint32_t>(p);
    if (!is_grapheme_boundary(text, cp) || after_word_initial_hyphen(text, p)) out[p] = LineBreak::none;
  }
  if (words) add_word_starts(text, *words, out);
  return out;
}

std::vector<LineSpan> break_lines(std::u32string_view text, const FontMetrics& metrics,
                                  TextStyle style, float width, const BreakOpportunities* words) {
  const std::vector<LineBreak> breaks = line_breaks(text, words);
  // why the tolerance: advances are summed in a different order than a caller may sum
  // them, and a line exactly as wide as the measure must fit.
  const float limit = width + width * 1e-6f;
  const auto n = static_cast<uint32_t>(text.size());
  std::vector<LineSpan> lines;

  uint32_t start = 0;
  for (;;) {
    LineSpan line{start, start, start, 0, false};
    LineSpan at_break{};  // the line as it would be if it ended at the last opportunity
    bool have_break = false;
    float pen = 0;  // advance of [start, i), trailing spaces included
    uint32_t i = start;
    bool ended = false;
    while (i < n) {
      if (is_line_feed(text[i])) {
        const uint32_t after = text[i] == '\r' && i + 1 < n && text[i + 1] == '\n' ? i + 2 : i + 1;
        line.content_end = after;
        line.hard = true;
        lines.push_back(line);
        start = after;
        ended = true;
        break;
      }
      const uint32_t next = next_grapheme_boundary(text, i);
      float advance = 0;
      for (uint32_t k = i; k < next; ++k) advance += advance_of(metrics, text[k], style);
      if (!is_space(text[i])) {
        if (i > start && pen + advance > limit) {
          if (have_break) {
            line = at_break;
          } else {  // a word wider than the line: break it before this cluster
            line.content_end = i;
          }
          lines.push_back(line);
          start = line.content_end;
          ended = true;
          break;
        }
        line.end = next;
        line.width = pen + advance;
      }
      pen += advance;
      i = next;
      if (i < n && breaks[i] == LineBreak::allowed) {
        at_break = line;
        at_break.content_end = i;
        have_break = true;
      }
    }
    if (!ended) {  // the text ran out
      line.content_end = n;
      lines.push_back(line);
      return lines;
    }
  }
}

}  // namespace scholion
