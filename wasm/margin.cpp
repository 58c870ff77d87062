#include "wasm/margin.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "core/layout/margin_layout.hpp"
#include "core/model/note_markdown.hpp"
#include "core/text/utf8.hpp"
#include "wasm/palette.hpp"

namespace scholion::web {
namespace {

constexpr ImU32 kCard = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
constexpr ImU32 kCardBorder = IM_COL32(0x1F, 0x23, 0x28, 0x24);
constexpr ImU32 kCardBorderStrong = IM_COL32(0x1F, 0x23, 0x28, 0x90);
constexpr ImU32 kEmphasis = IM_COL32(0x6F, 0x42, 0xC1, 0xFF);
constexpr ImU32 kLink = IM_COL32(0x09, 0x69, 0xDA, 0xFF);
constexpr ImU32 kTag = IM_COL32(0x1A, 0x7F, 0x37, 0xFF);
constexpr ImU32 kCode = IM_COL32(0x57, 0x60, 0x6A, 0xFF);
constexpr ImU32 kCodeBg = IM_COL32(0xAF, 0xB8, 0xC1, 0x40);


constexpr float kPadCss = 8;
constexpr float kEdgeCss = 3;

ImU32 with_alpha(ImU32 colour, int alpha) {
  return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

ImU32 style_colour(NoteStyle style) {
  switch (style) {
    case NoteStyle::emphasis: return kEmphasis;
    case NoteStyle::link_url: return kLink;
    case NoteStyle::tag: return kTag;
    case NoteStyle::code: return kCode;
    default: return kInk;
  }
}

}  // namespace

void Margin::rebuild(Reader& reader, const AnnotationSet& set, const BrowserText& fonts) {
  const Layout& layout = reader.layout();
  cards_.clear();
  generation_ = reader.layout_generation();
  left_ = layout.margin_column_left();
  width_ = layout.margin_column_width();
  valid_ = true;
  placed_around_ = "\x01";
  if (!layout.has_margin_column()) return;
  const float s = fonts.scale();
  const float inner = width_ - 2 * kPadCss * s - kEdgeCss * s;
  const float indent = advance_of(fonts, U'0', TextStyle::caption) * 2.5f;
  std::vector<Rect> rects;
  for (const Annotation* a : set.all()) {
    if (a->note.empty()) continue;
    Card card;
    card.id = a->id;
    card.color = a->color;
    rects.clear();
    layout.selection_rects(a->start, a->end, rects);
    if (rects.empty()) continue;
    card.anchor_top = rects.front().y;
    card.anchor_bottom = rects.front().bottom();
    card.anchor_right = rects.front().right();
    card.blocks = parse_note_markdown(a->note);
    for (const NoteBlock& block : card.blocks) card.texts.push_back(to_utf32(block.text));
    card.text = layout_note(card.blocks, fonts, inner, indent, TextStyle::caption);
    card.height = card.text.height + 2 * kPadCss * s;
    cards_.push_back(std::move(card));
  }
}

void Margin::place(float gap, const std::string& selected) {
  std::vector<MarginCard> wanted;
  wanted.reserve(cards_.size());
  std::optional<std::size_t> focused;
  for (std::size_t i = 0; i < cards_.size(); ++i) {
    wanted.push_back({cards_[i].anchor_top, cards_[i].height});
    if (cards_[i].id == selected) focused = i;
  }
  const auto tops = place_margin_cards(wanted, gap, 0, focused);
  for (std::size_t i = 0; i < cards_.size(); ++i) cards_[i].top = tops[i];
  placed_around_ = selected;
}

void Margin::draw(ImDrawList* list, Reader& reader, const AnnotationSet& set, const BrowserText& text,
                  GlyphCache& glyphs, const std::string& emphasised, const std::string& selected) {
  if (!reader.has_layout()) return;
  const Layout& layout = reader.layout();
  if (!valid_ || generation_ != reader.layout_generation()) rebuild(reader, set, text);
  if (cards_.empty()) return;
  const float s = text.scale();
  if (placed_around_ != selected) place(8 * s, selected);

  const float ascent = text.ascent(Face::caption), descent = text.descent(Face::caption);
  const float top = reader.scroll();
  const float bottom = top + reader.viewport_height();
  const float text_right = layout.margin_column_left() - 4 * s;
  for (const Card& card : cards_) {
    const float line_h = card.text.line_height;
    const bool strong = card.id == emphasised || card.id == selected;
    const ImU32 edge = tone(card.color);
    // The connector runs from the end of the highlight's first line to the card.
    const float from_y = (card.anchor_top + card.anchor_bottom) / 2;
    const float to_y = card.top + kPadCss * s + line_h / 2;
    if (std::max(from_y, to_y) >= top && std::min(from_y, to_y) <= bottom) {
      const float mid_x = (text_right + left_) / 2;
      const ImU32 line = with_alpha(edge, strong ? 0xE0 : 0x70);
      const float w = (strong ? 1.6f : 1.0f) * s;
      list->AddLine(ImVec2(card.anchor_right + 2 * s, from_y - top), ImVec2(mid_x, from_y - top), line, w);
      list->AddLine(ImVec2(mid_x, from_y - top), ImVec2(left_, to_y - top), line, w);
    }
    if (card.top > bottom || card.top + card.height < top) continue;

    const ImVec2 min(left_, std::round(card.top - top));
    const ImVec2 max(left_ + width_, std::round(card.top - top + card.height));
    list->AddRectFilled(min, max, kCard, 6 * s);
    list->AddRect(min, max, strong ? kCardBorderStrong : kCardBorder, 6 * s, 0, strong ? 1.5f * s : 1.0f * s);
    list->AddRectFilled(min, ImVec2(min.x + kEdgeCss * s, max.y), edge, 6 * s, ImDrawFlags_RoundCornersLeft);

    const float x0 = min.x + kEdgeCss * s + kPadCss * s;
    const float y0 = min.y + kPadCss * s;
    for (std::size_t k = 0; k < card.text.lines.size(); ++k) {
      const NoteLine& line = card.text.lines[k];
      const float line_top = y0 + line.y;
      if (line_top > reader.viewport_height() || line_top + line_h < 0) continue;  // off screen
      const NoteBlock& block = card.blocks[line.block];
      const std::u32string_view block_text = card.texts[line.block];
      const float base = std::round(line_top + (line_h + ascent - descent) / 2);
      if (line.first_of_block && !block.marker.empty()) {
        glyphs.draw_utf8(list, block.marker, Face::caption, x0, base, kMuted);
      }
      // Run by run in visual order (the core's bidi ordering), each in pieces of one style:
      // left to right from a run's left edge, or right to left from its right edge.
      const auto [first_run, end_run] = card.text.run_ranges[k];
      for (uint32_t r = first_run; r < end_run; ++r) {
        const GlyphRun& run = card.text.runs[r];
        float pen = x0 + (run.rtl ? run.x + run.width : run.x);
        auto span = block.spans.begin();
        for (uint32_t i = run.start; i < run.end;) {
          while (span != block.spans.end() && span->end <= i) ++span;
          const bool inside = span != block.spans.end() && span->start <= i;
          const NoteStyle style = inside ? span->style : NoteStyle::plain;
          const uint32_t next = std::min(run.end, inside ? span->end
                                                         : span != block.spans.end() ? span->start : run.end);
          const std::u32string_view piece = block_text.substr(i, next - i);
          const Face face = style == NoteStyle::strong ? Face::caption_bold : Face::caption;
          const float advance = text.measure(piece, face);
          const float x = run.rtl ? pen - advance : pen;
          if (style == NoteStyle::code) {
            list->AddRectFilled(ImVec2(x, base - ascent), ImVec2(x + advance, base + descent), kCodeBg);
          }
          glyphs.draw(list, piece, face, x, base, style_colour(style), run.rtl);
          if (style == NoteStyle::link_url) {
            list->AddLine(ImVec2(x, base + 2 * s), ImVec2(x + advance, base + 2 * s), with_alpha(kLink, 0x80), s);
          }
          pen = run.rtl ? pen - advance : pen + advance;
          i = next;
        }
      }
    }
  }
}

std::string Margin::card_at(const Reader& reader, float x, float y) const {
  if (x < left_ || x > left_ + width_) return "";
  const float ly = reader.to_layout_y(y);
  for (const Card& card : cards_) {
    if (ly >= card.top && ly < card.top + card.height) return card.id;
  }
  return "";
}

bool Margin::card_rect(const Reader& reader, const std::string& id, ImVec2& min, ImVec2& max) const {
  for (const Card& card : cards_) {
    if (card.id != id) continue;
    min = ImVec2(left_, reader.to_screen_y(card.top));
    max = ImVec2(left_ + width_, reader.to_screen_y(card.top + card.height));
    return true;
  }
  return false;
}

}  // namespace scholion::web
