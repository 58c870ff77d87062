#include "core/layout/line_breaking.hpp"

#include <algorithm>

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

namespace {

// Cuts `text` into pieces (see TextPiece).
std::vector<TextPiece> cut_pieces(std::u32string_view text, std::span<const LineBreak> breaks,
                                  std::span<const BidiLevel> levels, const FontMetrics& metrics, TextStyle style) {
  std::vector<TextPiece> pieces;
  const auto n = static_cast<uint32_t>(text.size());
  const auto level_at = [&](uint32_t i) { return levels.empty() ? BidiLevel{0} : levels[i]; };
  for (uint32_t i = 0; i < n;) {
    TextPiece piece{i, i + 1, 0, level_at(i), is_space(text[i]), is_line_feed(text[i])};
    if (piece.feed) {
      if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') piece.end = i + 2;
      pieces.push_back(piece);
      i = piece.end;
      continue;
    }
    uint32_t j = i + 1;
    for (; j < n; ++j) {
      if (!is_grapheme_boundary(text, j)) continue;
      if (breaks[j] != LineBreak::none || is_line_feed(text[j]) || is_space(text[j]) != piece.space ||
          level_at(j) != piece.level || j - i >= kMaxPieceLength) {
        break;
      }
    }
    piece.end = j;
    piece.width = metrics.measure(text.substr(i, j - i), style);
    pieces.push_back(piece);
    i = j;
  }
  return pieces;
}

// Splits pieces[p] (wider than `limit`) after the most whole clusters that fit, at least
// one.
void split_piece(std::u32string_view text, std::vector<TextPiece>& pieces, std::size_t p, const FontMetrics& metrics,
                 TextStyle style, float limit) {
  const TextPiece whole = pieces[p];
  uint32_t cut = next_grapheme_boundary(text, whole.start);
  float width = metrics.measure(text.substr(whole.start, cut - whole.start), style);
  while (cut < whole.end) {
    const uint32_t next = next_grapheme_boundary(text, cut);
    const float w = metrics.measure(text.substr(whole.start, next - whole.start), style);
    if (w > limit) break;
    cut = next;
    width = w;
  }
  if (cut >= whole.end) return;
  TextPiece rest = whole;
  rest.start = cut;
  rest.width = metrics.measure(text.substr(cut, whole.end - cut), style);
  pieces[p].end = cut;
  pieces[p].width = width;
  pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(p) + 1, rest);
}

}  // namespace

BrokenParagraph break_paragraph(std::u32string_view text, std::span<const BidiLevel> levels,
                                const FontMetrics& metrics, TextStyle style, float width,
                                const BreakOpportunities* words) {
  const std::vector<LineBreak> breaks = line_breaks(text, words);
  BrokenParagraph out;
  out.pieces = cut_pieces(text, breaks, levels, metrics, style);
  std::vector<TextPiece>& pieces = out.pieces;
  // why the tolerance: advances are summed in a different order than a caller may sum
  // them, and a line exactly as wide as the measure must fit.
  const float limit = width + width * 1e-6f;
  const auto n = static_cast<uint32_t>(text.size());
  std::size_t p = 0;
  uint32_t start = 0;
  const auto push = [&](const LineSpan& line, std::size_t first_piece, std::size_t end_piece) {
    out.lines.push_back(line);
    // The pieces drawn: those inside [start, end) (not the trailing spaces or the feed).
    std::size_t last = first_piece;
    while (last < end_piece && pieces[last].end <= line.end && !pieces[last].feed) ++last;
    out.piece_ranges.emplace_back(static_cast<uint32_t>(first_piece), static_cast<uint32_t>(last));
  };
  for (;;) {
    const std::size_t first = p;
    LineSpan line{start, start, start, 0, false};
    LineSpan at_break{};  // the line as it would be if it ended at the last opportunity
    std::size_t after_break = 0;
    bool have_break = false;
    float pen = 0;  // advance of the pieces so far, trailing spaces included
    bool ended = false;
    while (p < pieces.size()) {
      const TextPiece& piece = pieces[p];
      if (piece.feed) {
        line.content_end = piece.end;
        line.hard = true;
        push(line, first, p);
        start = piece.end;
        ++p;
        ended = true;
        break;
      }
      if (!piece.space && pen + piece.width > limit) {
        if (have_break) {
          push(at_break, first, after_break);
          p = after_break;
          start = at_break.content_end;
          ended = true;
          break;
        }
        if (line.end == line.start && pen == 0 && piece.end - piece.start > 1 &&
            next_grapheme_boundary(text, piece.start) < piece.end) {
          split_piece(text, pieces, p, metrics, style, limit);
          continue;  // the first part fits now (or is one cluster)
        }
        if (line.end > line.start || pen > 0) {  // a word wider than the line: break before
          line.content_end = piece.start;
          push(line, first, p);
          start = piece.start;
          ended = true;
          break;
        }
      }
      if (!piece.space) {
        line.end = piece.end;
        line.width = pen + piece.width;
      }
      pen += piece.width;
      ++p;
      if (piece.end < n && breaks[piece.end] == LineBreak::allowed) {
        at_break = line;
        at_break.content_end = piece.end;
        after_break = p;
        have_break = true;
      }
    }
    if (!ended) {  // the text ran out
      line.content_end = n;
      push(line, first, p);
      return out;
    }
  }
}

void place_line_runs(const BrokenParagraph& broken, std::size_t k, const BidiParagraph& bidi, uint32_t base,
                     float left, std::vector<GlyphRun>& out) {
  const auto [first, last] = broken.piece_ranges[k];
  const auto piece_run = [&](const TextPiece& p, bool rtl) {
    return GlyphRun{base + p.start, base + p.end, 0, p.width, rtl};
  };
  const std::size_t begin = out.size();
  if (bidi.levels.empty()) {
    for (uint32_t p = first; p < last; ++p) out.push_back(piece_run(broken.pieces[p], false));
  } else {
    const LineSpan& line = broken.lines[k];
    for (const BidiRun& level_run : visual_runs(bidi, line.start, line.end)) {
      const bool rtl = level_run.direction() == BidiDirection::rtl;
      const std::size_t at = out.size();
      for (uint32_t p = first; p < last; ++p) {
        const TextPiece& piece = broken.pieces[p];
        // A piece has one paragraph level; rule L1 may still reset part of the line, so a
        // piece goes with the level run its first code point is in.
        if (piece.start >= level_run.start && piece.start < level_run.end) out.push_back(piece_run(piece, rtl));
      }
      if (rtl) std::reverse(out.begin() + static_cast<std::ptrdiff_t>(at), out.end());
    }
  }
  for (std::size_t r = begin; r < out.size(); ++r) {
    out[r].x = left;
    left += out[r].width;
  }
}

std::vector<LineSpan> break_lines(std::u32string_view text, const FontMetrics& metrics, TextStyle style, float width,
                                  const BreakOpportunities* words) {
  return break_paragraph(text, {}, metrics, style, width, words).lines;
}

}  // namespace scholion
