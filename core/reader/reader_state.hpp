// ReaderState: the reading canvas's model. The selection, the annotation the reader has
// picked, the last highlight colour, and the commands a reader gives; the canvas only
// forwards input (already hit-tested into code points, see layout.hpp) and draws what
// this says.
//
// Positions are code points into the document's plain text. Every position that comes
// in is snapped: clamped to the text, moved back to a grapheme boundary (a selection
// never splits 🇷🇸, a ZWJ emoji or a letter and its marks), and moved out of the "\n\n"
// between two blocks to the end of the first. So anchor and head are always carets.
//
// Selecting an annotation (a click on a highlight, Tab) selects its text too, so the
// toolbar, "Copy quote" and re-colouring work the same on it; any other change of the
// selection lets go of the annotation.
//
// Annotation commands go through the AnnotationSet given at construction (which must
// outlive this state): each is one undo step there, and undo/redo are the set's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/annotation.hpp"
#include "core/model/annotation_set.hpp"
#include "core/model/document.hpp"
#include "core/layout/layout.hpp"
#include "core/text/result.hpp"

namespace scholion {

struct Selection {
  uint32_t anchor = 0;  // where the selection began; stays put while extending
  uint32_t head = 0;    // where it ends now: the caret
  Affinity affinity = Affinity::downstream;  // the head's side at a soft line break

  uint32_t from() const { return anchor < head ? anchor : head; }
  uint32_t to() const { return anchor < head ? head : anchor; }
  bool empty() const { return anchor == head; }
  bool operator==(const Selection&) const = default;
};

// Caret motions (arrow keys and friends). Left and right mean backward and forward in
// the text: the core does not lay out right-to-left text.
enum class Motion : uint8_t {
  grapheme_left,   // ←
  grapheme_right,  // →
  word_left,       // Ctrl/Alt+←: to the start of the previous word
  word_right,      // Ctrl/Alt+→: to the end of the next word
  line_up,         // ↑ (keeps the goal x over consecutive vertical moves)
  line_down,       // ↓
  line_start,      // Home
  line_end,        // End
  document_start,  // Ctrl+Home
  document_end,    // Ctrl+End
};

// How extend_to grows a selection: by clusters after a click, by words after a double
// click, by blocks after a triple click (as browsers do when dragging after them).
enum class Granularity : uint8_t { grapheme, word, block };

// The longest note kept, in UTF-8 bytes.
inline constexpr std::size_t kMaxNoteBytes = 100000;

class ReaderState {
 public:
  // `random` draws the ids of new annotations.
  ReaderState(Document document, AnnotationSet& annotations, RandomSource random);

  const Document& document() const { return doc_; }
  const AnnotationSet& annotations() const { return *set_; }

  // --- Selection -------------------------------------------------------------------
  const Selection& selection() const { return sel_; }
  Granularity granularity() const { return granularity_; }
  void set_caret(Caret caret);                // a click: collapses the selection
  void set_caret(uint32_t position) { set_caret(Caret{position}); }
  void select(uint32_t anchor, uint32_t head);  // e.g. dragging a touch handle
  void select_word_at(uint32_t position);       // double click, long press (word_at)
  void select_block_at(uint32_t position);      // triple click: the whole block
  void select_all();
  // Shift+click or drag: moves the head, keeping the anchor, by the current granularity
  // (after a double click, whole words on both ends).
  void extend_to(Caret caret);
  void extend_to(uint32_t position) { extend_to(Caret{position}); }
  // Moves the caret; with `extend` (Shift) moves only the head. Without it, a selection
  // collapses to its start (left, up) or end (right, down) before moving, as browsers do
  // for ← and →. Vertical moves need the layout to find lines and keep the goal x.
  void move(const Layout& layout, Motion motion, bool extend);

  // The selected text, UTF-8 (blocks joined by "\n\n").
  std::string selected_text() const;
  // "Copy quote": the selected text in quotation marks, then the title and URL:
  //   “quote”\n— Title, https://example.org/a
  std::string quote_with_citation() const;

  // --- Highlights ------------------------------------------------------------------
  // Highlights the selection (its ends moved inward past whitespace) in `color`, which
  // becomes the last colour, as one undo step; selects the annotation. If an annotation
  // already covers exactly that range (the selected one first), it is re-coloured
  // instead of stacking a copy. Errors: nothing (or only whitespace) selected.
  Result<Annotation> highlight(Color color);
  Result<Annotation> highlight() { return highlight(last_color_); }  // keyboard `H`
  Color last_color() const { return last_color_; }
  void set_last_color(Color color) { last_color_ = color; }

  // --- Annotations -----------------------------------------------------------------
  // Every annotation covering the code point at `position`, in (start, end, id) order:
  // what a click on a highlight finds (pass Hit::cluster_start).
  std::vector<const Annotation*> annotations_at(uint32_t position) const;
  // A click on highlighted text: selects the innermost annotation covering `position`;
  // clicking again where several overlap cycles through them. Null (nothing changes)
  // where there is none.
  const Annotation* select_annotation_at(uint32_t position);
  bool select_annotation(std::string_view id);  // false if it is not in the set
  // The selected annotation; null when none, or when it has gone (undo, another tab).
  const Annotation* selected_annotation() const;
  // Removes the selected annotation (one undo step); the caret goes to where it began.
  // Error when none is selected.
  Result<Annotation> delete_selected_annotation();
  // Re-attaches an orphan (an annotation that could not be placed in this text) to the
  // selection: it takes the selection's range, trimmed and snapped as highlight() does,
  // and a fresh quote with context; it keeps its id, colour, note, tags and `created`.
  // One undo step; it becomes the selected annotation. Errors: nothing (or only
  // whitespace) selected, or an annotation with that id is already live.
  Result<Annotation> attach(const Annotation& orphan);

  // Tab / Shift+Tab: the annotation after / before the selected one in document order
  // ((start, end, id)), or, when none is selected, the first one starting at or after
  // the caret / the last one starting before it. Null at either end: Tab then leaves the
  // canvas, as it should. O(log n + k) for the k annotations near the position.
  const Annotation* next_annotation() const;
  const Annotation* previous_annotation() const;
  const Annotation* select_next_annotation();      // selects it, if any
  const Annotation* select_previous_annotation();

  // --- Notes -------------------------------------------------------------------------
  // Sets the note (and tags) of annotation `id` as one undo step; tags = explicit `tags`
  // plus the note's #tags (note_markdown.hpp), deduplicated. Tags are stored lower-cased,
  // trimmed, without a leading '#'; empty ones are dropped. An empty (whitespace-only)
  // note leaves a plain highlight; any other note is kept byte for byte. Unchanged note
  // and tags: no change recorded. Error when `id` is not in the set, or the note or a tag
  // is not valid UTF-8 (naming the byte offset) or the note is longer than
  // kMaxNoteBytes; nothing changes then.
  Result<Annotation> set_note(std::string_view id, std::string_view note,
                              std::vector<std::string> tags = {});
  // Highlights the selection (like highlight(), so an annotation covering exactly that
  // range is re-coloured and its note replaced) and sets its note in ONE undo step. A bad
  // note is refused before anything is highlighted.
  Result<Annotation> highlight_with_note(Color color, std::string_view note,
                                         std::vector<std::string> tags = {});

  bool undo() { return set_->undo(); }
  bool redo() { return set_->redo(); }
  bool can_undo() const { return set_->can_undo(); }
  bool can_redo() const { return set_->can_redo(); }

  // The caret or selection end normalised as described above. Exposed for the canvas
  // (touch handles) and tests.
  uint32_t snap(uint32_t position) const;

 private:
  void set_selection(uint32_t anchor, uint32_t head, Affinity affinity, Granularity granularity);
  // The unit of `granularity_` around a position: [start, end).
  std::pair<uint32_t, uint32_t> unit_at(uint32_t position) const;
  uint32_t step_grapheme(uint32_t position, bool forward) const;
  uint32_t step_word(uint32_t position, bool forward) const;
  Caret vertical(const Layout& layout, Caret from, int lines);
  // Annotations adjacent in document order to `key` (strictly after/before).
  const Annotation* neighbour(uint32_t start, uint32_t end, std::string_view id, bool forward) const;

  Document doc_;
  AnnotationSet* set_;
  RandomSource random_;
  Selection sel_;
  Granularity granularity_ = Granularity::grapheme;
  // The unit the selection began with (a word or block), kept while extending.
  uint32_t unit_start_ = 0;
  uint32_t unit_end_ = 0;
  std::optional<float> goal_x_;  // x kept over consecutive ↑/↓
  std::optional<std::string> selected_id_;
  Color last_color_ = Color::yellow;
};

}  // namespace scholion
