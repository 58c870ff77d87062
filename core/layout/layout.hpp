// Text layout of a document into lines, over an abstract font-metrics interface, so
// line breaking and geometry are tested natively with a fake font and drawn in the
// browser with the real one. Units are whatever the metrics use (device pixels in the
// canvas); positions are code points into the document's plain text.
//
// Page. The text column has a readable measure (LayoutOptions::measure_ch, about 70
// average characters of body text) and is centred. On wide layouts a margin column for
// notes sits to its right; the text column moves left of centre if that is what it
// takes to fit it. Headings use larger styles, quotes are indented, list items are
// indented with a "•" marker in the indent (see BlockBox).
//
// Lines are found by y or by code point in O(log lines). Each line is a list of shaped
// runs (GlyphRun, font_metrics.hpp) in visual order: pieces of text between break
// opportunities, each of one bidi level, measured and drawn as one by the platform.
// Paragraphs are ordered by the Unicode Bidirectional Algorithm (core/text/bidi.hpp):
// a right-to-left paragraph's lines are right-aligned, and a mixed line shows its runs
// in visual order. The x of a code point inside a run is the advance of the run's text
// before it, measured with the same metrics, from the run's left edge (or its right
// edge, right to left). A layout therefore keeps a pointer to its metrics, which must
// outlive it; build a new layout whenever the metrics change (new fonts, another
// devicePixelRatio) or the width does.
//
// Selections are logical (a range of code points, as browsers select): on a mixed line
// one range can show as several rectangles.
//
// Carets. A position at a soft line break is both the end of one line and the start of
// the next; Affinity says which (downstream, the default: the start of the next line).
// Positions inside the "\n\n" between two blocks are shown at the end of the first.
//
// Values: a Layout is immutable once built and cheap to move; copying copies the lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/document.hpp"
#include "core/layout/break_opportunities.hpp"
#include "core/layout/font_metrics.hpp"
#include "core/layout/line_breaking.hpp"
#include "core/text/bidi.hpp"

namespace scholion {

struct LayoutOptions {
  float width = 800;          // the canvas width
  float margin = 16;          // kept clear on both sides, and above and below the text
  float measure_ch = 70;      // the readable measure, in average characters of body text
  float max_measure_em = 0;   // an extra cap on the measure in body line heights; 0: none
  float margin_column_ch = 32;  // width of the notes column, when the canvas has room
  float min_measure_ch = 45;    // the measure may shrink to this to make room for it
  float margin_gap_ch = 4;      // between the text column and the notes column
  // The article's direction (its `dir`): every block's paragraph direction. Unset: each
  // block's own, from its first strong character (UAX #9 rules P2-P3).
  std::optional<BidiDirection> direction;
};

struct Line {
  uint32_t start = 0;  // first code point
  uint32_t end = 0;    // one past the last code point drawn (trailing spaces excluded)
  uint32_t block = 0;  // index into Document::blocks()
  TextStyle style = TextStyle::body;
  float x = 0;         // left edge of the text
  float y = 0;         // top of the line box
  float height = 0;
  uint32_t content_end = 0;  // where the line's code points end: trailing spaces and a
                             // line feed included; the next line's start within a block
  float width = 0;           // advance of [start, end)
  bool wraps = false;        // broken softly: the next line continues the same text run
  bool rtl = false;          // its paragraph runs right to left: the line is right-aligned
  uint32_t first_run = 0;    // its shaped runs, in visual order (Layout::line_runs)
  uint32_t end_run = 0;
};

// A block's place on the page, for drawing what is not text (quote rules, list markers).
struct BlockBox {
  uint32_t block = 0;        // index into Document::blocks()
  uint32_t first_line = 0;   // [first_line, end_line) index lines()
  uint32_t end_line = 0;
  float top = 0;             // the first line's top
  float bottom = 0;          // the last line's bottom
  float x = 0;               // left edge of the block's text (after any indent)
  float width = 0;           // the width its lines were filled to
  std::string_view marker;   // UTF-8 drawn before a list item ("•"); empty otherwise
  float marker_x = 0;        // left edge of the marker, on the first line, in its style
};

enum class Affinity : uint8_t { downstream, upstream };

// A caret position: a grapheme boundary, and at a soft line break the side it shows on.
struct Caret {
  uint32_t position = 0;
  Affinity affinity = Affinity::downstream;
  bool operator==(const Caret&) const = default;
};

struct Rect {
  float x = 0;
  float y = 0;
  float width = 0;
  float height = 0;
  float right() const { return x + width; }
  float bottom() const { return y + height; }
  bool operator==(const Rect&) const = default;
};

// What a point hits.
struct Hit {
  Caret caret;                // the nearest grapheme boundary: where a click puts the caret
  std::size_t line = 0;       // the line the point was matched to
  bool over_text = false;     // the point is inside that line's box and over its glyphs
  uint32_t cluster_start = 0; // the cluster under the point (nearest one when not over
  uint32_t cluster_end = 0;   // text): what a click on a highlight refers to
};

class Layout {
 public:
  Layout() = default;
  // `metrics` must outlive the layout (see above). `words`, if given, finds the words of
  // Thai, Lao, Khmer and Myanmar text (break_opportunities.hpp); it is not kept.
  Layout(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options,
         const BreakOpportunities* words = nullptr);

  // --- The page --------------------------------------------------------------------
  const std::vector<Line>& lines() const { return lines_; }    // in text and y order
  const std::vector<BlockBox>& blocks() const { return blocks_; }  // one per block
  float height() const { return height_; }
  float width() const { return width_; }
  float column_left() const { return column_left_; }
  float column_width() const { return column_width_; }
  // The notes column beside the text; width 0 when the canvas is too narrow for it.
  bool has_margin_column() const { return margin_width_ > 0; }
  float margin_column_left() const { return margin_left_; }
  float margin_column_width() const { return margin_width_; }

  // Lines whose boxes intersect [top, bottom), as index range [first, last). O(log n).
  std::pair<std::size_t, std::size_t> visible(float top, float bottom) const;

  // --- Positions -------------------------------------------------------------------
  // The line showing a caret at `position` (clamped to the text). O(log n).
  std::size_t line_at(uint32_t position, Affinity affinity = Affinity::downstream) const;
  // The line nearest to y (in a gap between blocks: the closer one). O(log n).
  std::size_t line_at_y(float y) const;
  // x of a caret before code point `position` on `line` (clamped to the line's code
  // points [start, content_end]): at the edge of the run holding it where its text
  // before `position` ends; trailing spaces hang past the line's end (left of a
  // right-to-left line). O(runs of the line + one measurement).
  float x_at(std::size_t line, uint32_t position) const;
  // The last caret position on a line: before its trailing spaces or line feed; at a
  // soft break without spaces (after a hyphen, inside a long word), the break itself
  // with upstream affinity.
  Caret line_end(std::size_t line) const;
  // The caret nearest to x on a line, snapped to grapheme boundaries (the left or right
  // half of a cluster decides). O(line length).
  Caret caret_in_line(std::size_t line, float x) const;

  // The shaped runs of `line` in visual order (left to right), appended to `out`:
  // what the renderer draws, each with the platform's text engine. Format characters
  // (ZWJ, variation selectors) stay inside their runs; line feeds and the line's trailing
  // spaces are in no run. O(line length).
  void line_runs(std::size_t line, std::vector<GlyphRun>& out) const;

  // --- Hit testing and geometry ----------------------------------------------------
  // The point (x, y) as a caret and the cluster under it. Above the first line: the
  // text's start; below the last: its end; in a gap between blocks: the nearer line;
  // left or right of a line: its first or last caret. O(log n + line length).
  Hit hit_test(float x, float y) const;
  // A zero-width rectangle the height of the caret's line, at its x.
  Rect caret_rect(uint32_t position, Affinity affinity = Affinity::downstream) const;
  // The range [from, to) as rectangles, line height tall, left to right on each line it
  // touches: one per line, or on a mixed line one per visually contiguous piece, as a
  // browser draws the selection (empty pieces, e.g. only a block separator, omitted).
  // O(log n + runs covered), plus two measurements per run cut by an end.
  std::vector<Rect> selection_rects(uint32_t from, uint32_t to) const;
  // The same, appended to `out` (no allocation once `out` has grown: for every frame).
  void selection_rects(uint32_t from, uint32_t to, std::vector<Rect>& out) const;

 private:
  float x_in_run(const GlyphRun& run, TextStyle style, uint32_t position) const;
  // The run of `line` holding `position`, else the run ending there; null if none.
  const GlyphRun* run_at(const Line& line, uint32_t position) const;

  std::optional<Document> doc_;
  const FontMetrics* metrics_ = nullptr;
  std::vector<Line> lines_;
  std::vector<BlockBox> blocks_;
  std::vector<GlyphRun> runs_;  // every line's, in line order and, per line, visual order
  float height_ = 0;
  float width_ = 0;
  float column_left_ = 0;
  float column_width_ = 0;
  float margin_left_ = 0;
  float margin_width_ = 0;
};

TextStyle style_for(const Block& block);

// The average advance of body text: the unit of LayoutOptions' `_ch` lengths.
float average_char_width(const FontMetrics& metrics, TextStyle style = TextStyle::body);

}  // namespace scholion
