#include "core/layout/note_layout.hpp"

#include <algorithm>

#include "core/layout/line_breaking.hpp"
#include "core/text/bidi.hpp"
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
    const float line_width = std::max(0.0f, width - x);
    const std::u32string text = to_utf32(block.text);
    const BidiParagraph bidi = needs_bidi(text) ? resolve_bidi_paragraph(text) : BidiParagraph{};
    const BrokenParagraph broken = break_paragraph(text, bidi.levels, metrics, style, line_width, words);
    for (std::size_t k = 0; k < broken.lines.size(); ++k) {
      const LineSpan& span = broken.lines[k];
      const float left = bidi.direction() == BidiDirection::rtl ? x + line_width - span.width : x;
      layout.lines.push_back({b, span.start, span.end, left, y, k == 0, span.width});
      const auto first_run = static_cast<uint32_t>(layout.runs.size());
      place_line_runs(broken, k, bidi, 0, left, layout.runs);
      layout.run_ranges.emplace_back(first_run, static_cast<uint32_t>(layout.runs.size()));
      y += layout.line_height;
    }
  }
  layout.height = y;
  return layout;
}

}  // namespace scholion
