#include "core/reader/reader_state.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

#include "core/text/grapheme_clusters.hpp"
#include "core/anchoring/selectors.hpp"
#include "core/model/note_markdown.hpp"
#include "core/text/utf8.hpp"
#include "core/text/word_boundaries.hpp"

namespace scholion {
namespace {

// Whitespace trimmed from the ends of a highlight.
bool is_edge_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0x00A0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
         cp == 0x3000 || cp == 0xFEFF;
}

char32_t code_point_at(const Document& doc, uint32_t cp) {
  std::size_t byte = doc.offsets().byte_at(cp);
  return next_code_point(doc.text(), byte);
}

// Document order, as the set keeps it: by (start, end, id).
bool precedes(uint32_t start_a, uint32_t end_a, std::string_view id_a, uint32_t start_b,
              uint32_t end_b, std::string_view id_b) {
  return std::tie(start_a, end_a, id_a) < std::tie(start_b, end_b, id_b);
}

bool precedes(const Annotation& a, const Annotation& b) {
  return precedes(a.start, a.end, a.id, b.start, b.end, b.id);
}

// A note and its tags as they are stored, or why they cannot be.
struct NoteFields {
  std::string note;
  std::vector<std::string> tags;
};

Result<NoteFields> checked_note(std::string_view note, std::vector<std::string> tags) {
  if (note.size() > kMaxNoteBytes) {
    return make_error("the note is " + std::to_string(note.size()) + " bytes long; at most " +
                      std::to_string(kMaxNoteBytes) + " are kept");
  }
  if (auto valid = validate_utf8(note); !valid) return make_error("note: " + valid.error().message);
  NoteFields fields;
  const std::u32string text = to_utf32(note);
  if (!std::all_of(text.begin(), text.end(), is_edge_space)) fields.note = std::string(note);
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (auto valid = validate_utf8(tags[i]); !valid) {
      return make_error("tag " + std::to_string(i) + ": " + valid.error().message);
    }
  }
  std::vector<std::string> from_note = note_tags(fields.note);
  tags.insert(tags.end(), std::make_move_iterator(from_note.begin()),
              std::make_move_iterator(from_note.end()));
  for (const std::string& tag : tags) {
    std::u32string cps = to_utf32(tag);
    while (!cps.empty() && is_edge_space(cps.back())) cps.pop_back();
    std::size_t start = 0;
    while (start < cps.size() && is_edge_space(cps[start])) ++start;
    if (start < cps.size() && cps[start] == '#') ++start;
    if (start == cps.size()) continue;
    std::string clean = lowercase_utf8(to_utf8(std::u32string_view(cps).substr(start)));
    if (std::find(fields.tags.begin(), fields.tags.end(), clean) == fields.tags.end()) {
      fields.tags.push_back(std::move(clean));
    }
  }
  return fields;
}

}  // namespace

ReaderState::ReaderState(Document document, AnnotationSet& annotations, RandomSource random)
    : doc_(std::move(document)), set_(&annotations), random_(std::move(random)) {}

// --- Positions -------------------------------------------------------------------------

uint32_t ReaderState::snap(uint32_t position) const {
  const TextOffsets& offsets = doc_.offsets();
  uint32_t p = std::min(position, doc_.length());
  if (!is_grapheme_boundary(offsets, p)) p = prev_grapheme_boundary(offsets, p);
  if (!doc_.blocks().empty()) {
    const std::size_t block = doc_.block_at(p);
    p = std::min(p, doc_.block_end(block));  // out of the separator after the block
  }
  return p;
}

uint32_t ReaderState::step_grapheme(uint32_t position, bool forward) const {
  const TextOffsets& offsets = doc_.offsets();
  if (forward) {
    if (position >= doc_.length()) return doc_.length();
    const uint32_t next = next_grapheme_boundary(offsets, position);
    const std::size_t block = doc_.block_at(next);
    // From the end of a block, one step crosses the whole separator.
    if (next > doc_.block_end(block)) return doc_.block_start(block + 1);
    return next;
  }
  if (position == 0) return 0;
  return snap(prev_grapheme_boundary(offsets, position));
}

uint32_t ReaderState::step_word(uint32_t position, bool forward) const {
  const TextOffsets& offsets = doc_.offsets();
  const uint32_t length = doc_.length();
  if (forward) {
    for (uint32_t q = position; q < length; q = next_word_boundary(offsets, q)) {
      const WordRange w = word_at(offsets, q);
      if (w.is_word && w.start <= q && q < w.end) return w.end;
    }
    return length;
  }
  for (uint32_t q = position; q > 0;) {
    const uint32_t r = prev_word_boundary(offsets, q);
    const WordRange w = word_at(offsets, r);
    if (w.is_word && w.start <= r && r < w.end) return w.start;
    q = r;
  }
  return 0;
}

std::pair<uint32_t, uint32_t> ReaderState::unit_at(uint32_t position) const {
  switch (granularity_) {
    case Granularity::word: {
      const WordRange w = word_at(doc_.offsets(), position);
      return {w.start, w.end};
    }
    case Granularity::block: {
      if (doc_.blocks().empty()) return {0, 0};
      const std::size_t b = doc_.block_at(position);
      return {doc_.block_start(b), doc_.block_end(b)};
    }
    case Granularity::grapheme:
      break;
  }
  return {position, position};
}

// --- Selection -------------------------------------------------------------------------

void ReaderState::set_selection(uint32_t anchor, uint32_t head, Affinity affinity,
                                Granularity granularity) {
  sel_ = Selection{anchor, head, affinity};
  granularity_ = granularity;
  unit_start_ = std::min(anchor, head);
  unit_end_ = std::max(anchor, head);
  goal_x_.reset();
  selected_id_.reset();
}

void ReaderState::set_caret(Caret caret) {
  const uint32_t p = snap(caret.position);
  set_selection(p, p, p == caret.position ? caret.affinity : Affinity::downstream,
                Granularity::grapheme);
}

void ReaderState::select(uint32_t anchor, uint32_t head) {
  set_selection(snap(anchor), snap(head), Affinity::downstream, Granularity::grapheme);
}

void ReaderState::select_word_at(uint32_t position) {
  const WordRange w = word_at(doc_.offsets(), snap(position));
  set_selection(w.start, w.end, Affinity::downstream, Granularity::word);
}

void ReaderState::select_block_at(uint32_t position) {
  if (doc_.blocks().empty()) return set_selection(0, 0, Affinity::downstream, Granularity::block);
  const std::size_t b = doc_.block_at(snap(position));
  set_selection(doc_.block_start(b), doc_.block_end(b), Affinity::downstream, Granularity::block);
}

void ReaderState::select_all() {
  set_selection(0, doc_.length(), Affinity::downstream, Granularity::grapheme);
}

void ReaderState::extend_to(Caret caret) {
  const uint32_t p = snap(caret.position);
  const Affinity affinity = p == caret.position ? caret.affinity : Affinity::downstream;
  const uint32_t unit_start = unit_start_;
  const uint32_t unit_end = unit_end_;
  const Granularity granularity = granularity_;
  if (granularity == Granularity::grapheme) {
    set_selection(sel_.anchor, p, affinity, granularity);
  } else {
    const auto [start, end] = unit_at(p);
    if (p < unit_start) {
      set_selection(unit_end, std::min(start, unit_start), Affinity::downstream, granularity);
    } else {
      set_selection(unit_start, std::max(end, unit_end), Affinity::downstream, granularity);
    }
  }
  // The unit the gesture began with stays the pivot for the rest of the drag.
  unit_start_ = unit_start;
  unit_end_ = unit_end;
}

Caret ReaderState::vertical(const Layout& layout, Caret from, int lines) {
  if (layout.lines().empty()) return Caret{lines < 0 ? 0 : doc_.length()};
  if (!goal_x_) goal_x_ = layout.caret_rect(from.position, from.affinity).x;
  const auto line = static_cast<long>(layout.line_at(from.position, from.affinity)) + lines;
  if (line < 0) return Caret{0};
  if (line >= static_cast<long>(layout.lines().size())) return Caret{doc_.length()};
  return layout.caret_in_line(static_cast<std::size_t>(line), *goal_x_);
}

void ReaderState::move(const Layout& layout, Motion motion, bool extend) {
  const bool collapse = !extend && !sel_.empty();
  const Caret head{sel_.head, sel_.affinity};
  const Caret start{sel_.from()};
  const Caret end{sel_.to()};
  Caret target = head;
  switch (motion) {
    case Motion::grapheme_left:
      target = collapse ? start : Caret{step_grapheme(head.position, false)};
      break;
    case Motion::grapheme_right:
      target = collapse ? end : Caret{step_grapheme(head.position, true)};
      break;
    case Motion::word_left:
      target = Caret{step_word((collapse ? start : head).position, false)};
      break;
    case Motion::word_right:
      target = Caret{step_word((collapse ? end : head).position, true)};
      break;
    case Motion::line_up:
    case Motion::line_down: {
      const bool up = motion == Motion::line_up;
      target = vertical(layout, collapse ? (up ? start : end) : head, up ? -1 : 1);
      break;
    }
    case Motion::line_start:
      if (!layout.lines().empty()) {
        const Caret from = collapse ? start : head;
        target = Caret{layout.lines()[layout.line_at(from.position, from.affinity)].start};
      }
      break;
    case Motion::line_end:
      if (!layout.lines().empty()) {
        const Caret from = collapse ? end : head;
        target = layout.line_end(layout.line_at(from.position, from.affinity));
      }
      break;
    case Motion::document_start:
      target = Caret{0};
      break;
    case Motion::document_end:
      target = Caret{doc_.length()};
      break;
  }
  const std::optional<float> kept =
      motion == Motion::line_up || motion == Motion::line_down ? goal_x_ : std::nullopt;
  target.position = snap(target.position);
  if (extend) {
    set_selection(sel_.anchor, target.position, target.affinity, Granularity::grapheme);
  } else {
    set_selection(target.position, target.position, target.affinity, Granularity::grapheme);
  }
  goal_x_ = kept;
}

std::string ReaderState::selected_text() const {
  return std::string(doc_.offsets().slice(sel_.from(), sel_.to()));
}

std::string ReaderState::quote_with_citation() const {
  std::string out = "\u201C" + selected_text() + "\u201D";
  std::string cite = doc_.title();
  std::string url = doc_.source_url();
  if (url.empty() && (doc_.id().rfind("http://", 0) == 0 || doc_.id().rfind("https://", 0) == 0)) {
    url = doc_.id();
  }
  if (!url.empty()) cite += (cite.empty() ? "" : ", ") + url;
  if (!cite.empty()) out += "\n\u2014 " + cite;
  return out;
}

// --- Highlights ------------------------------------------------------------------------

// The selection [from, to) with whitespace trimmed from both ends, widened back to whole
// grapheme clusters; an error naming `what` when nothing (or only whitespace) is selected.
static Result<CodePointRange> trimmed_selection(const Document& doc, uint32_t from, uint32_t to, const char* what) {
  const uint32_t from0 = from, to0 = to;
  while (from < to && is_edge_space(code_point_at(doc, from))) ++from;
  while (to > from && is_edge_space(code_point_at(doc, to - 1))) --to;
  if (from == to) {
    return make_error(from0 == to0 ? std::string("nothing is selected to ") + what
                                   : "the selection [" + std::to_string(from0) + ", " + std::to_string(to0) +
                                         ") holds only whitespace");
  }
  // Trimming a space may have cut a cluster (a space with a combining mark): widen back.
  return snap_to_graphemes(doc.offsets(), from, to);
}

Result<Annotation> ReaderState::highlight(Color color) {
  last_color_ = color;
  auto trimmed = trimmed_selection(doc_, sel_.from(), sel_.to(), "highlight");
  if (!trimmed) return trimmed.error();
  const CodePointRange range = *trimmed;

  const Annotation* same = nullptr;
  const Annotation* selected = selected_annotation();
  if (selected && selected->start == range.start && selected->end == range.end) {
    same = selected;
  } else {
    for (const Annotation* a : set_->between(range.start, range.end)) {
      if (a->start == range.start && a->end == range.end) {
        same = a;
        break;
      }
    }
  }

  set_->begin_group();
  Result<Annotation> result = [&]() -> Result<Annotation> {
    if (same) {
      Annotation recoloured = *same;
      recoloured.color = color;
      return set_->update(std::move(recoloured));
    }
    Annotation a;
    a.id = make_uuid_v4(random_);
    a.start = range.start;
    a.end = range.end;
    a.color = color;
    a.quote = quote_at(doc_.offsets(), range);
    return set_->add(std::move(a));
  }();
  set_->end_group();
  if (result) select_annotation(result.value().id);
  return result;
}

// --- Annotations -----------------------------------------------------------------------

std::vector<const Annotation*> ReaderState::annotations_at(uint32_t position) const {
  return set_->between(position, position);
}

const Annotation* ReaderState::select_annotation_at(uint32_t position) {
  const std::vector<const Annotation*> found = annotations_at(position);
  if (found.empty()) return nullptr;
  const Annotation* pick = nullptr;
  const Annotation* current = selected_annotation();
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (found[i] == current) pick = found[(i + 1) % found.size()];
  }
  if (!pick) {  // the innermost: the shortest, the first of equals
    pick = *std::min_element(found.begin(), found.end(), [](const Annotation* a, const Annotation* b) {
      return a->end - a->start < b->end - b->start;
    });
  }
  select_annotation(pick->id);
  return selected_annotation();
}

bool ReaderState::select_annotation(std::string_view id) {
  const Annotation* a = set_->find(id);
  if (!a) return false;
  const uint32_t length = doc_.length();
  set_selection(std::min(a->start, length), std::min(a->end, length), Affinity::downstream,
                Granularity::grapheme);
  selected_id_ = std::string(id);
  return true;
}

const Annotation* ReaderState::selected_annotation() const {
  return selected_id_ ? set_->find(*selected_id_) : nullptr;
}

Result<Annotation> ReaderState::delete_selected_annotation() {
  const Annotation* a = selected_annotation();
  if (!a) return make_error("no annotation is selected");
  const uint32_t start = a->start;
  const std::string id = a->id;  // `a` dies with the removal
  Result<Annotation> removed = set_->remove(id);
  if (removed) set_caret(start);
  return removed;
}

Result<Annotation> ReaderState::attach(const Annotation& orphan) {
  if (set_->find(orphan.id)) {
    return make_error("annotation id " + orphan.id + " is already placed in the text");
  }
  auto range = trimmed_selection(doc_, sel_.from(), sel_.to(), "attach the annotation to");
  if (!range) return range.error();
  Annotation a = orphan;
  a.start = range->start;
  a.end = range->end;
  a.quote = quote_at(doc_.offsets(), *range);
  set_->begin_group();
  Result<Annotation> result = set_->add(std::move(a));
  set_->end_group();
  if (result) select_annotation(result.value().id);
  return result;
}

const Annotation* ReaderState::neighbour(uint32_t start, uint32_t end, std::string_view id,
                                         bool forward) const {
  constexpr uint32_t kMax = std::numeric_limits<uint32_t>::max();
  std::vector<const Annotation*> found;
  // Windows growing away from the key: the first that holds a candidate whose start lies
  // inside it holds the nearest one, since every candidate starting further away sorts
  // further away. Overlapping annotations from outside the window are candidates too,
  // but prove nothing.
  for (uint32_t window = 64;; window = window > kMax / 2 ? kMax : window * 2) {
    const Annotation* best = nullptr;
    uint32_t lo;
    uint32_t hi;
    if (forward) {
      lo = start;
      hi = start > kMax - window ? kMax : start + window;
    } else {
      hi = start == kMax ? kMax : start + 1;  // annotations starting at `start` itself
      lo = hi > window ? hi - window : 0;
    }
    found.clear();
    set_->between(lo, hi, found);
    for (const Annotation* a : found) {
      const bool candidate = forward ? precedes(start, end, id, a->start, a->end, a->id)
                                     : precedes(a->start, a->end, a->id, start, end, id);
      if (candidate && (!best || (forward ? precedes(*a, *best) : precedes(*best, *a)))) best = a;
    }
    if (best && best->start >= lo && best->start < hi) return best;
    if (forward ? hi == kMax : lo == 0) return best;
  }
}

const Annotation* ReaderState::next_annotation() const {
  if (const Annotation* current = selected_annotation()) {
    return neighbour(current->start, current->end, current->id, true);
  }
  return neighbour(sel_.head, 0, {}, true);
}

const Annotation* ReaderState::previous_annotation() const {
  if (const Annotation* current = selected_annotation()) {
    return neighbour(current->start, current->end, current->id, false);
  }
  return neighbour(sel_.head, 0, {}, false);
}

const Annotation* ReaderState::select_next_annotation() {
  const Annotation* next = next_annotation();
  if (next) select_annotation(next->id);
  return selected_annotation() == next ? next : nullptr;
}

const Annotation* ReaderState::select_previous_annotation() {
  const Annotation* previous = previous_annotation();
  if (previous) select_annotation(previous->id);
  return selected_annotation() == previous ? previous : nullptr;
}

// --- Notes ---------------------------------------------------------------------------

Result<Annotation> ReaderState::set_note(std::string_view id, std::string_view note,
                                         std::vector<std::string> tags) {
  const Annotation* current = set_->find(id);
  if (!current) return make_error("no annotation with id \"" + std::string(id) + "\"");
  Result<NoteFields> fields = checked_note(note, std::move(tags));
  if (!fields) return fields.error();
  Annotation annotated = *current;
  annotated.note = std::move(fields.value().note);
  annotated.tags = std::move(fields.value().tags);
  return set_->update(std::move(annotated));
}

Result<Annotation> ReaderState::highlight_with_note(Color color, std::string_view note,
                                                    std::vector<std::string> tags) {
  Result<NoteFields> fields = checked_note(note, std::move(tags));
  if (!fields) return fields.error();
  set_->begin_group();
  Result<Annotation> result = highlight(color);
  if (result) {
    Annotation annotated = std::move(result).value();
    annotated.note = std::move(fields.value().note);
    annotated.tags = std::move(fields.value().tags);
    result = set_->update(std::move(annotated));
  }
  set_->end_group();
  return result;
}

}  // namespace scholion
