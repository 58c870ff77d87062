#include "core/layout/line_breaking.hpp"

#include "core/text/grapheme_clusters.hpp"

namespace scholion {
namespace {

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007) ||
         cp == 0x205F || cp == 0x3000;
}

// Hyphens and dashes a line may end after.
bool is_dash(char32_t cp) { return cp == '-' || cp == 0x2010 || (cp >= 0x2012 && cp <= 0x2014); }

// Closing punctuation, exclamation/interrogation and infix separators (UAX #14 CL, CP,
// EX, IS, IN): never at the start of a line, not even after a space.
bool is_closing(char32_t cp) {
  switch (cp) {
    case ')': case ']': case '}': case '.': case ',': case ';': case ':': case '!': case '?':
    case '/': case 0x2026: case 0x203A: case 0x00BB:
    case 0x3001: case 0x3002: case 0x3009: case 0x300B: case 0x300D: case 0x300F: case 0x3011:
    case 0xFF01: case 0xFF09: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF1F:
      return true;
    default:
      return false;
  }
}

// Opening punctuation (UAX #14 OP): never at the end of a line.
bool is_opening(char32_t cp) {
  switch (cp) {
    case '(': case '[': case '{': case 0x00AB: case 0x2039:
    case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x3010: case 0xFF08:
      return true;
    default:
      return false;
  }
}

// Quotation marks (UAX #14 QU): no break on either side, except after a space.
bool is_quote(char32_t cp) {
  return cp == '"' || cp == '\'' || (cp >= 0x2018 && cp <= 0x201F);
}

// Ideographs and kana: a line may break between any two of them.
bool is_ideographic(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

bool dash_may_end_line(std::u32string_view text, uint32_t p) {
  // A word-initial hyphen (" -x", "-x") stays with its word.
  if (p < 2) return false;
  // (A word joiner before the dash only glues the dash to what precedes it.)
  const char32_t before = text[p - 2];
  if (is_space(before) || is_line_feed(before) || before == 0x00A0 || before == 0x202F) return false;
  const char32_t after = text[p];
  if (is_closing(after) || is_quote(after) || is_dash(after)) return false;
  return !(text[p - 1] == '-' && is_digit(after));  // "-5" keeps its sign
}

}  // namespace

bool is_line_feed(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x0085 || cp == 0x2028 ||
         cp == 0x2029;
}

bool is_line_glue(char32_t cp) {
  return cp == 0x00A0 || cp == 0x2060 || cp == 0x202F || cp == 0xFEFF || cp == 0x2007 ||
         cp == 0x2011;
}

LineBreak line_break_at(std::u32string_view text, uint32_t p) {
  if (p == 0 || p >= text.size()) return LineBreak::none;
  if (!is_grapheme_boundary(text, p)) return LineBreak::none;  // also keeps CR LF together
  const char32_t a = text[p - 1];
  const char32_t b = text[p];
  if (is_line_feed(a)) return LineBreak::mandatory;
  if (is_line_glue(a) || is_line_glue(b) || is_space(b)) return LineBreak::none;
  if (is_space(a)) return is_closing(b) ? LineBreak::none : LineBreak::allowed;
  if (a == 0x200B) return LineBreak::allowed;
  if (is_dash(a)) return dash_may_end_line(text, p) ? LineBreak::allowed : LineBreak::none;
  if (is_ideographic(a) && !is_closing(b) && !is_quote(b)) return LineBreak::allowed;
  if (is_ideographic(b) && !is_opening(a) && !is_quote(a)) return LineBreak::allowed;
  return LineBreak::none;
}

std::vector<LineSpan> break_lines(std::u32string_view text, const FontMetrics& metrics,
                                  TextStyle style, float width) {
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
      if (i < n && line_break_at(text, i) == LineBreak::allowed) {
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
