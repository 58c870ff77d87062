// The reading view: lays the document out with the browser's metrics and draws what is
// visible — highlights and the selection under the text, the text (each shaped run from
// the glyph cache), the caret, touch handles —
// onto an ImDrawList. It holds only view state (scroll position); the document, the
// layout, the selection and the annotations come from core/.
#pragma once

#include <optional>
#include <vector>

#include <imgui.h>

#include "core/model/annotation_set.hpp"
#include "core/model/document.hpp"
#include "core/layout/layout.hpp"
#include "core/reader/reader_state.hpp"
#include "wasm/browser_text.hpp"
#include "wasm/glyph_cache.hpp"

namespace scholion::web {

struct DrawOptions {
  const AnnotationSet* annotations = nullptr;
  const ReaderState* state = nullptr;
  bool show_caret = false;    // keyboard caret mode, canvas focused
  bool show_handles = false;  // touch selection handles
  const Annotation* emphasised = nullptr;  // selected or hovered: outlined
  const Annotation* flashed = nullptr;     // just jumped to: a fading glow under it
  float flash = 0;                         // the glow's strength, 0..1
};

class Reader {
 public:
  Reader(const BrowserText& text, GlyphCache& glyphs) : text_(text), glyphs_(glyphs) {}

  // A new document, in the article's direction (its `dir`; unset: each paragraph's own).
  void set_document(Document doc, std::optional<BidiDirection> direction = std::nullopt);
  const std::optional<Document>& document() const { return doc_; }

  // Viewport size in device pixels.
  void set_viewport(float width, float height);
  float viewport_height() const { return height_; }
  // Scrolls by `dy` device pixels; false if already at that end (the page may scroll).
  bool scroll_by(float dy);
  bool scroll_to(float y);
  float scroll() const { return scroll_; }
  float page_height() const { return layout_valid_ ? layout_.height() : 0; }
  // Scrolls the least needed to show [top, bottom) (layout units); true if it moved.
  bool reveal(float top, float bottom);

  // Re-lays out the text (the viewport changed; a change of metrics is noticed itself).
  void invalidate_layout() { layout_valid_ = false; }
  // The layout, built if needed (requires a document and fonts).
  const Layout& layout();
  // Changes whenever the layout is rebuilt (fonts, width, document).
  std::size_t layout_generation() const { return generation_; }
  bool has_layout() const { return doc_.has_value() && text_.ready(); }

  // The scrollbar: a strip along the right edge; dragging it scrolls in proportion.
  bool on_scrollbar(float x) const { return page_height() > height_ && x >= width_ - 14 * text_.scale(); }
  // Scroll position for a pointer at screen y on the scrollbar, `grab` being where on the
  // thumb it was pressed (0..1).
  float scroll_for_scrollbar(float y, float grab) const;
  float thumb_grab(float y) const;  // where on the thumb y is (0..1), or 0.5 if outside

  // Screen (canvas device pixels) to layout coordinates and back.
  float to_layout_y(float screen_y) const { return screen_y + scroll_; }
  float to_screen_y(float layout_y) const { return layout_y - scroll_; }

  // Draws the visible part; returns the number of lines drawn.
  std::size_t draw(ImDrawList* list, const DrawOptions& options);

  // Screen positions of the selection's touch handles (centre of each knob).
  std::optional<std::pair<ImVec2, ImVec2>> handle_positions(const ReaderState& state);
  float handle_radius() const { return 11 * text_.scale(); }

 private:
  void ensure_layout();
  // Where the baseline of a line whose box starts at screen y `top` goes.
  float baseline(const Line& line, float top) const;
  float max_scroll() const;
  float thumb_height() const;
  void draw_runs(ImDrawList* list, const Line& line, float top, const std::vector<Run>& runs, std::size_t& run,
                 const Annotation* emphasised);

  const BrowserText& text_;
  BrowserWords words_;
  std::optional<BidiDirection> direction_;
  GlyphCache& glyphs_;
  uint32_t metrics_generation_ = 0;  // of the metrics the layout was built with
  std::optional<Document> doc_;
  Layout layout_;
  bool layout_valid_ = false;
  std::size_t generation_ = 0;
  float width_ = 0;
  float height_ = 0;
  float scroll_ = 0;
  std::vector<Run> runs_;    // reused between frames
  std::vector<Rect> rects_;  // likewise
  std::vector<Rect> piece_rects_;  // likewise, for one highlight piece
  std::vector<GlyphRun> glyph_runs_;  // likewise
  std::u32string run_text_;           // likewise
};

}  // namespace scholion::web
