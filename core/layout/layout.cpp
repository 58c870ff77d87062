// Building a layout: the page's columns, block styles and spacing, and the lines of
// every block (line_breaking.hpp). Geometry queries live in layout_geometry.cpp.
#include "core/layout/layout.hpp"

#include <algorithm>

#include "core/layout/line_breaking.hpp"
#include "core/text/bidi_reorder.hpp"
#include "core/text/utf8.hpp"

namespace scholion {
namespace {

// Indents and spacing, in average characters (ch) and body line heights.
constexpr float kQuoteIndentCh = 4;
constexpr float kListIndentCh = 3;
constexpr float kMarkerGapCh = 1;
constexpr float kGapBeforeHeading = 1.0f;
constexpr float kGapAfterHeading = 0.35f;
constexpr float kGapBetweenBlocks = 0.6f;

constexpr std::string_view kListMarker = "\u2022";  // •
constexpr char32_t kListMarkerCode = 0x2022;

// why a pangram: the measure should count the letters and spaces of running text, not
// the widest or narrowest glyph of a font.
constexpr std::u32string_view kSample = U"the quick brown fox jumps over the lazy dog";

float block_gap(const Block& block, const Block& previous, float body_line) {
  if (block.kind == BlockKind::heading) return body_line * kGapBeforeHeading;
  if (previous.kind == BlockKind::heading) return body_line * kGapAfterHeading;
  return body_line * kGapBetweenBlocks;
}

}  // namespace

float visible_count(std::u32string_view run) {
  return static_cast<float>(std::count_if(run.begin(), run.end(), [](char32_t c) { return !is_invisible(c); }));
}

bool is_invisible(char32_t cp) {
  return is_line_feed(cp) || cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

TextStyle style_for(const Block& block) {
  if (block.kind != BlockKind::heading) return TextStyle::body;
  if (block.level == 1) return TextStyle::heading1;
  if (block.level == 2) return TextStyle::heading2;
  return TextStyle::heading3;
}

float average_char_width(const FontMetrics& metrics, TextStyle style) {
  float sum = 0;
  for (char32_t cp : kSample) sum += advance_of(metrics, cp, style);
  return sum / static_cast<float>(kSample.size());
}

Layout::Layout(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options,
               const BreakOpportunities* words)
    : doc_(doc), metrics_(&metrics), width_(options.width) {
  const float body_line = metrics.line_height(TextStyle::body);
  const float ch = average_char_width(metrics);

  // Columns: the measure, centred; the notes column to its right if there is room.
  const float available = std::max(options.width - 2 * options.margin, 1.0f);
  float measure = options.measure_ch * ch;
  if (options.max_measure_em > 0) measure = std::min(measure, options.max_measure_em * body_line);
  column_width_ = std::clamp(measure, 1.0f, available);
  const float notes = options.margin_column_ch * ch;
  const float gap = options.margin_gap_ch * ch;
  // Short of room for both, the measure gives way to the notes column down to its minimum.
  if (notes > 0 && available < column_width_ + gap + notes &&
      available - gap - notes >= options.min_measure_ch * ch) {
    column_width_ = available - gap - notes;
  }
  if (notes > 0 && available >= column_width_ + gap + notes) {
    const float right_edge = options.width - options.margin;
    column_left_ = std::min((options.width - column_width_) / 2, right_edge - notes - gap - column_width_);
    column_left_ = std::max(column_left_, options.margin);
    margin_left_ = column_left_ + column_width_ + gap;
    margin_width_ = notes;
  } else {
    column_left_ = std::max(options.margin, (options.width - column_width_) / 2);
  }

  float y = options.margin;
  const auto& blocks = doc.blocks();
  blocks_.reserve(blocks.size());
  for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
    const Block& block = blocks[bi];
    const TextStyle style = style_for(block);
    const float line_height = metrics.line_height(style);
    float indent = 0;
    if (block.kind == BlockKind::quote) indent = kQuoteIndentCh * ch;
    if (block.kind == BlockKind::list_item) indent = kListIndentCh * ch;
    const std::u32string text = to_utf32(block.text);
    const BidiParagraph bidi = options.direction == BidiDirection::rtl || needs_bidi(text) ? resolve_bidi_paragraph(text, options.direction)
                                                                   : BidiParagraph{};
    const bool rtl = bidi.direction() == BidiDirection::rtl;
    // A right-to-left block is indented from the right.
    const float x = rtl ? column_left_ : column_left_ + indent;
    const float width = std::max(column_width_ - indent, 1.0f);
    if (bi > 0) y += block_gap(block, blocks[bi - 1], body_line);

    BlockBox box;
    box.block = static_cast<uint32_t>(bi);
    box.first_line = static_cast<uint32_t>(lines_.size());
    box.top = y;
    box.x = x;
    box.width = width;
    if (block.kind == BlockKind::list_item) {
      box.marker = kListMarker;
      box.marker_x = rtl ? x + width + kMarkerGapCh * ch
                         : x - kMarkerGapCh * ch - advance_of(metrics, kListMarkerCode, style);
    }

    const uint32_t base = doc.block_start(bi);
    const BrokenParagraph broken = break_paragraph(text, bidi.levels, metrics, style, width, words);
    const std::vector<LineSpan>& spans = broken.lines;
    for (std::size_t k = 0; k < spans.size(); ++k) {
      const LineSpan& s = spans[k];
      Line line;
      line.start = base + s.start;
      line.end = base + s.end;
      line.block = static_cast<uint32_t>(bi);
      line.style = style;
      line.x = rtl ? x + width - s.width : x;
      line.y = y;
      line.rtl = rtl;
      line.first_run = static_cast<uint32_t>(runs_.size());
      place_line_runs(broken, k, bidi, base, line.x, runs_);
      line.end_run = static_cast<uint32_t>(runs_.size());
      line.height = line_height;
      line.content_end = base + s.content_end;
      line.width = s.width;
      line.wraps = !s.hard && k + 1 < spans.size();
      lines_.push_back(line);
      y += line_height;
    }
    box.end_line = static_cast<uint32_t>(lines_.size());
    box.bottom = y;
    blocks_.push_back(box);
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
