#include "core/layout.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace scholion {
namespace {

// Characters that glue their neighbours: no line break next to them.
bool is_glue(char32_t cp) { return cp == 0x00A0 || cp == 0x2060 || cp == 0x202F || cp == 0xFEFF; }

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t'; }

// A break is allowed after these (hyphen, en dash, em dash) when followed by a letter.
bool breaks_after(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014; }

// Code points that extend the previous character and must stay on its line.
bool is_extending(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F);
}

float block_gap(const Block& b, float body_line) {
  return b.kind == BlockKind::heading ? body_line * 0.9f : body_line * 0.6f;
}

}  // namespace

bool is_invisible(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

TextStyle style_for(const Block& block) {
  if (block.kind != BlockKind::heading) return TextStyle::body;
  if (block.level == 1) return TextStyle::heading1;
  if (block.level == 2) return TextStyle::heading2;
  return TextStyle::heading3;
}

Layout::Layout(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options) {
  const float body_line = metrics.line_height(TextStyle::body);
  const float avail = std::max(options.width - 2 * options.margin, 1.0f);
  column_width_ = std::min(avail, options.max_measure_em * body_line);
  column_left_ = std::max(options.margin, (options.width - column_width_) / 2);

  float y = options.margin;
  const auto& blocks = doc.blocks();
  for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
    const Block& block = blocks[bi];
    const TextStyle style = style_for(block);
    const float line_h = metrics.line_height(style);
    const bool indented = block.kind == BlockKind::quote || block.kind == BlockKind::list_item;
    const float indent = indented ? body_line * 1.5f : 0;
    const float x = column_left_ + indent;
    const float width = column_width_ - indent;
    if (bi > 0) y += block_gap(block, body_line);

    const std::u32string text = to_utf32(block.text);
    const uint32_t base = doc.block_start(bi);
    const auto n = static_cast<uint32_t>(text.size());
    uint32_t line_start = 0;
    while (line_start < n || (n == 0 && line_start == 0)) {
      // Greedy: take characters while they fit; remember the last break opportunity.
      float pen = 0;
      uint32_t i = line_start;
      uint32_t last_break = 0;  // index after which the line may end (0: none)
      while (i < n) {
        const char32_t cp = text[i];
        if (cp == '\n') break;
        const float adv = is_invisible(cp) ? 0 : metrics.advance(cp, style);
        if (pen + adv > width && !is_space(cp) && i > line_start) break;
        pen += adv;
        ++i;
        const bool next_glued = i < n && is_glue(text[i]);
        if (!next_glued && !is_glue(cp) &&
            (is_space(cp) || (breaks_after(cp) && i < n && !is_space(text[i])))) {
          last_break = i;
        }
      }
      uint32_t end = i;
      uint32_t next = i;
      if (i < n && text[i] == '\n') {
        next = i + 1;
      } else if (i < n) {
        if (last_break > line_start) {
          end = next = last_break;
        } else {
          // A word longer than the line: break inside it, but not inside a cluster.
          while (end > line_start + 1 && is_extending(text[end])) --end;
          next = end;
        }
      }
      uint32_t drawn_end = end;
      while (drawn_end > line_start && is_space(text[drawn_end - 1])) --drawn_end;
      lines_.push_back(Line{base + line_start, base + drawn_end, static_cast<uint32_t>(bi),
                            style, x, y, line_h});
      y += line_h;
      if (n == 0) break;
      line_start = next;
    }
  }
  height_ = y + options.margin;
}

std::pair<std::size_t, std::size_t> Layout::visible(float top, float bottom) const {
  auto first = std::partition_point(lines_.begin(), lines_.end(),
                                    [&](const Line& l) { return l.y + l.height <= top; });
  auto last = std::partition_point(first, lines_.end(),
                                   [&](const Line& l) { return l.y < bottom; });
  return {static_cast<std::size_t>(first - lines_.begin()),
          static_cast<std::size_t>(last - lines_.begin())};
}

}  // namespace scholion
