// Notes in the margin: on layouts wide enough for a notes column, each annotation with a
// note gets a card beside its highlight — aligned with the highlight's first line,
// pushed apart when cards would overlap (core/margin_layout.hpp), joined to the highlight
// by a connector. The card of the selected annotation sits exactly level with it; a
// hovered card and its highlight are emphasised together.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/model/annotation_set.hpp"
#include "core/layout/note_layout.hpp"
#include "wasm/reader.hpp"

namespace scholion::web {

class Margin {
 public:
  // The annotations changed: cards are rebuilt before the next draw.
  void invalidate() { valid_ = false; }

  // Draws the visible cards; `emphasised` (hovered or selected) gets a stronger card,
  // `selected` is placed exactly level with its highlight. Nothing without a notes column.
  void draw(ImDrawList* list, Reader& reader, const AnnotationSet& set, const BrowserText& text,
            GlyphCache& glyphs, const std::string& emphasised, const std::string& selected);

  // The annotation whose card is under screen point (x, y), device pixels; "" if none.
  std::string card_at(const Reader& reader, float x, float y) const;
  // The card's box on screen (device pixels), if annotation `id` has one laid out.
  bool card_rect(const Reader& reader, const std::string& id, ImVec2& min, ImVec2& max) const;
  std::size_t card_count() const { return cards_.size(); }

 private:
  struct Card {
    std::string id;
    Color color = Color::yellow;
    float anchor_top = 0;     // the highlight's first line (layout units)
    float anchor_bottom = 0;
    float anchor_right = 0;   // where the highlight's first line ends
    float top = 0;            // placed
    float height = 0;
    std::vector<NoteBlock> blocks;
    std::vector<std::u32string> texts;  // each block's text in code points
    NoteLayout text;
  };
  void rebuild(Reader& reader, const AnnotationSet& set, const BrowserText& fonts);
  void place(float gap, const std::string& selected);

  std::vector<Card> cards_;
  bool valid_ = false;
  std::size_t generation_ = 0;  // of the reader's layout the cards were built for
  float left_ = 0, width_ = 0;
  std::string placed_around_ = "\x01";  // the selected id the cards were placed for
};

}  // namespace scholion::web
