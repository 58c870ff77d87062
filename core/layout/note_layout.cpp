#include "core/layout/note_layout.hpp"

#include <algorithm>

#include "core/layout/line_breaking.hpp"
#include "core/text/utf8.hpp"

namespace scholion {

NoteLayout layout_note(const std::vector<NoteBlock>& blocks, const FontMetrics& metrics,
                       float width, float list_indent, TextStyle style,
                       const BreakOpportunities* words) {
  NoteLayout layout;
  layout.line_height = metrics.line_height(style);
  float y = 0;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const NoteBlock& block = blocks[b];
    const bool item = block.kind != NoteBlock::Kind::paragraph;
    if (b > 0) {
      const bool follows_item = blocks[b - 1].kind != NoteBlock::Kind::paragraph;
      if (!(item && follows_item)) y += layout.line_height / 2;
    }
    const float x = item ? list_indent : 0;
    const std::u32string text = to_utf32(block.text);
    bool first = true;
    for (const LineSpan& span : break_lines(text, metrics, style, std::max(0.0f, width - x), words)) {
      layout.lines.push_back({b, span.start, span.end, x, y, first, span.width});
      first = false;
      y += layout.line_height;
    }
  }
  layout.height = y;
  return layout;
}

}  // namespace scholion
