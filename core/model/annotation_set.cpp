#include "core/model/annotation_set.hpp"

#include <algorithm>
#include <utility>

namespace scholion {
namespace {

std::string quoted(std::string_view id) {
  std::string out;
  out.reserve(id.size() + 2);
  out.append(1, '"').append(id).append(1, '"');
  return out;
}

}  // namespace

bool same_content(const Annotation& a, const Annotation& b) {
  return a.id == b.id && a.start == b.start && a.end == b.end && a.quote == b.quote &&
         a.color == b.color && a.note == b.note && a.tags == b.tags && a.created == b.created;
}

AnnotationSet::AnnotationSet(Clock clock, std::optional<uint32_t> document_length)
    : clock_(std::move(clock)), document_length_(document_length) {}

AnnotationSet::AnnotationSet(const AnnotationSet& other)
    : clock_(other.clock_),
      document_length_(other.document_length_),
      by_id_(other.by_id_),
      tombstones_(other.tombstones_),
      history_(other.history_) {
  rebuild_index();
}

AnnotationSet& AnnotationSet::operator=(const AnnotationSet& other) {
  if (this == &other) return *this;
  clock_ = other.clock_;
  document_length_ = other.document_length_;
  by_id_ = other.by_id_;
  tombstones_ = other.tombstones_;
  history_ = other.history_;
  rebuild_index();
  return *this;
}

void AnnotationSet::rebuild_index() {
  std::vector<const Annotation*> all;
  all.reserve(by_id_.size());
  for (const auto& [id, annotation] : by_id_) all.push_back(&annotation);
  index_.assign(std::move(all));
}

// --- Queries ---------------------------------------------------------------------------

const Annotation* AnnotationSet::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

std::vector<const Annotation*> AnnotationSet::all() const {
  std::vector<const Annotation*> out;
  index_.collect_all(out);
  return out;
}

std::vector<const Annotation*> AnnotationSet::between(uint32_t from, uint32_t to) const {
  std::vector<const Annotation*> out;
  index_.collect(from, to, out);
  return out;
}

void AnnotationSet::between(uint32_t from, uint32_t to, std::vector<const Annotation*>& out) const {
  out.clear();
  index_.collect(from, to, out);
}

std::vector<Run> AnnotationSet::segment(uint32_t from, uint32_t to) const {
  std::vector<Run> runs;
  if (from >= to) return runs;
  std::vector<const Annotation*> hits;
  index_.collect(from, to, hits);
  // why: an empty annotation covers no code point, so it cannot colour a run.
  std::erase_if(hits, [](const Annotation* a) { return a->start == a->end; });

  std::vector<uint32_t> cuts{from, to};
  cuts.reserve(2 + 2 * hits.size());
  for (const Annotation* a : hits) {
    cuts.push_back(std::max(a->start, from));
    cuts.push_back(std::min(a->end, to));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  // Sweep the cuts left to right. `hits` is in (start, end, id) order, so appending each
  // one as the sweep reaches its start keeps `active` in that order too.
  std::vector<const Annotation*> active;
  std::size_t next = 0;
  runs.reserve(cuts.size() - 1);
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const uint32_t at = cuts[i];
    std::erase_if(active, [at](const Annotation* a) { return a->end <= at; });
    while (next < hits.size() && std::max(hits[next]->start, from) <= at) {
      active.push_back(hits[next++]);
    }
    runs.push_back(Run{at, cuts[i + 1], active});
  }
  return runs;
}

// --- Changes ---------------------------------------------------------------------------

Result<bool> AnnotationSet::check_writable() const {
  if (notifying_ > 0) {
    return make_error("the annotation set cannot change while a listener is being notified");
  }
  return true;
}

Result<bool> AnnotationSet::check_range(const Annotation& a) const {
  if (a.id.empty()) return make_error("annotation id is empty");
  if (a.start > a.end) {
    return make_error("annotation " + quoted(a.id) + ": start " + std::to_string(a.start) +
                      " is after end " + std::to_string(a.end));
  }
  if (document_length_ && a.end > *document_length_) {
    return make_error("annotation " + quoted(a.id) + ": end " + std::to_string(a.end) +
                      " is beyond the document length " + std::to_string(*document_length_));
  }
  return true;
}

Timestamp AnnotationSet::stamp(const std::string& id) const {
  Timestamp now = clock_();
  if (const Annotation* live = find(id)) now = std::max(now, live->modified + 1);
  if (const auto t = tombstone(id)) now = std::max(now, *t + 1);
  return now;
}

const Annotation& AnnotationSet::store(Annotation annotation, bool defer_index) {
  tombstones_.erase(annotation.id);
  auto [it, inserted] = by_id_.try_emplace(annotation.id);
  Annotation& slot = it->second;
  if (inserted) {
    slot = std::move(annotation);
    if (!defer_index) index_.insert(&slot);
    return slot;
  }
  // why: the index is keyed by the range; re-key it only when the range moves.
  const bool moved = !defer_index && (slot.start != annotation.start || slot.end != annotation.end);
  if (moved) index_.erase(&slot);
  slot = std::move(annotation);
  if (moved) index_.insert(&slot);
  return slot;
}

Annotation AnnotationSet::unstore(std::string_view id, Timestamp deleted, bool defer_index) {
  auto it = by_id_.find(id);
  if (!defer_index) index_.erase(&it->second);
  Annotation removed = std::move(it->second);
  by_id_.erase(it);
  auto [t, inserted] = tombstones_.emplace(id, deleted);
  if (!inserted) t->second = std::max(t->second, deleted);
  return removed;
}

Result<Annotation> AnnotationSet::add(Annotation annotation) {
  if (auto w = check_writable(); !w) return w.error();
  if (auto r = check_range(annotation); !r) return r.error();
  if (find(annotation.id)) {
    return make_error("annotation id " + quoted(annotation.id) + " already exists");
  }
  annotation.modified = stamp(annotation.id);
  if (annotation.created == 0) annotation.created = annotation.modified;
  const Annotation& stored = store(std::move(annotation));
  history_.record({std::nullopt, stored});
  notify(ChangeKind::added, ChangeOrigin::edit, stored, nullptr);
  return stored;
}

Result<Annotation> AnnotationSet::update(Annotation annotation) {
  if (auto w = check_writable(); !w) return w.error();
  const Annotation* current = find(annotation.id);
  if (!current) return make_error("no annotation with id " + quoted(annotation.id));
  if (auto r = check_range(annotation); !r) return r.error();
  annotation.created = current->created;
  if (same_content(annotation, *current)) return *current;
  annotation.modified = stamp(annotation.id);
  Annotation previous = *current;
  const Annotation& stored = store(std::move(annotation));
  history_.record({previous, stored});
  notify(ChangeKind::updated, ChangeOrigin::edit, stored, &previous);
  return stored;
}

Result<Annotation> AnnotationSet::remove(std::string_view id) {
  if (auto w = check_writable(); !w) return w.error();
  if (!find(id)) return make_error("no annotation with id " + quoted(id));
  const std::string key(id);
  Annotation removed = unstore(key, stamp(key));
  history_.record({removed, std::nullopt});
  notify(ChangeKind::removed, ChangeOrigin::edit, removed, nullptr);
  return removed;
}

// --- Undo ------------------------------------------------------------------------------

bool AnnotationSet::apply(const std::optional<Annotation>& from, const std::optional<Annotation>& to,
                          ChangeOrigin origin) {
  const std::string& id = from ? from->id : to->id;
  const Annotation* current = find(id);
  const bool in_from_state = from ? current && same_content(*current, *from) : !current;
  if (!in_from_state) return false;  // changed since by a merge: leave that work alone
  if (!to) {
    Annotation removed = unstore(id, stamp(id));
    notify(ChangeKind::removed, origin, removed, nullptr);
    return true;
  }
  Annotation next = *to;
  next.modified = stamp(id);
  if (!current) {
    notify(ChangeKind::added, origin, store(std::move(next)), nullptr);
    return true;
  }
  Annotation previous = *current;
  notify(ChangeKind::updated, origin, store(std::move(next)), &previous);
  return true;
}

bool AnnotationSet::replay(bool undoing) {
  if (notifying_ > 0) return false;
  while (true) {
    std::optional<UndoStep> step = undoing ? history_.pop_undo() : history_.pop_redo();
    if (!step) return false;
    UndoStep done;
    if (undoing) {
      for (auto c = step->rbegin(); c != step->rend(); ++c) {
        if (apply(c->after, c->before, ChangeOrigin::undo)) done.push_back(std::move(*c));
      }
      std::reverse(done.begin(), done.end());
    } else {
      for (auto& c : *step) {
        if (apply(c.before, c.after, ChangeOrigin::redo)) done.push_back(std::move(c));
      }
    }
    if (done.empty()) continue;  // every change was stale: try the next step
    if (undoing) {
      history_.push_redo(std::move(done));
    } else {
      history_.push_undo(std::move(done));
    }
    return true;
  }
}

bool AnnotationSet::undo() { return replay(true); }
bool AnnotationSet::redo() { return replay(false); }

// --- Tombstones ------------------------------------------------------------------------

std::vector<Tombstone> AnnotationSet::tombstones() const {
  std::vector<Tombstone> out;
  out.reserve(tombstones_.size());
  for (const auto& [id, deleted] : tombstones_) out.push_back({id, deleted});
  return out;
}

std::optional<Timestamp> AnnotationSet::tombstone(std::string_view id) const {
  const auto it = tombstones_.find(id);
  if (it == tombstones_.end()) return std::nullopt;
  return it->second;
}

std::size_t AnnotationSet::prune_tombstones(Timestamp before) {
  return std::erase_if(tombstones_, [before](const auto& t) { return t.second < before; });
}

// --- Listeners -------------------------------------------------------------------------

ListenerId AnnotationSet::subscribe(ChangeListener listener) {
  const ListenerId id = next_listener_++;
  listeners_.emplace_back(id, std::move(listener));
  return id;
}

void AnnotationSet::unsubscribe(ListenerId id) {
  for (auto& [lid, fn] : listeners_) {
    // why: erasing while notify() walks the list would skip a listener; empty it instead.
    if (lid == id) fn = nullptr;
  }
  if (notifying_ == 0) std::erase_if(listeners_, [](const auto& l) { return !l.second; });
}

void AnnotationSet::notify(ChangeKind kind, ChangeOrigin origin, const Annotation& annotation,
                           const Annotation* previous) {
  const ChangeEvent event{kind, origin, annotation, previous};
  ++notifying_;
  // why: up to the size at the start: a listener subscribed now hears the next change.
  const std::size_t n = listeners_.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (listeners_[i].second) listeners_[i].second(event);
  }
  --notifying_;
  if (notifying_ == 0) std::erase_if(listeners_, [](const auto& l) { return !l.second; });
}

}  // namespace scholion
