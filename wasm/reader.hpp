// The reading view: lays the document out with the real fonts and draws the visible
// lines onto an ImDrawList. Holds only view state (scroll position); the document and
// its layout come from core/.
#pragma once

#include <optional>

#include <imgui.h>

#include "core/annotation_set.hpp"
#include "core/document.hpp"
#include "core/layout.hpp"
#include "wasm/fonts.hpp"

namespace scholion::web {

class Reader {
 public:
  explicit Reader(FontSet& fonts) : fonts_(fonts) {}

  void set_document(Document doc);
  const std::optional<Document>& document() const { return doc_; }

  // Viewport size in device pixels.
  void set_viewport(float width, float height);
  // Scrolls by `dy` device pixels; false if already at that end (the page may scroll).
  bool scroll_by(float dy);
  bool scroll_to(float y);
  float scroll() const { return scroll_; }
  float page_height() const { return height_; }

  // Re-lays out the text after the fonts or the viewport changed.
  void invalidate_layout() { layout_valid_ = false; }

  // Draws the visible part, highlights under the text; returns the number of lines drawn.
  std::size_t draw(ImDrawList* list, const AnnotationSet* annotations);

 private:
  void ensure_layout();
  float max_scroll() const;

  FontSet& fonts_;
  std::vector<Run> runs_;  // reused between frames: an idle-free frame should not allocate
  std::optional<Document> doc_;
  Layout layout_;
  bool layout_valid_ = false;
  float width_ = 0;
  float height_ = 0;
  float scroll_ = 0;
};

}  // namespace scholion::web
