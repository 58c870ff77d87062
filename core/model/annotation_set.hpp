// AnnotationSet: every annotation of one document, ordered by (start, end, id) in one
// structure queried by window, with undo/redo, change notifications, tombstones for
// deletions and a merge for copies of the set held elsewhere (another browser tab).
//
// Positions are code points into the document's plain text. Ranges are half-open.
//
// Windows. between(from, to) returns every annotation touching [from, to): sharing at
// least one code point with it, where an empty range [p, p) counts as the code point p.
// So [2, 5) touches [4, 9) but not [5, 9) (edges that only meet do not count); an empty
// window [p, p) finds every annotation covering p (a caret or a click); an empty
// annotation at p is found by windows containing p. from > to finds nothing.
// segment(from, to) cuts the window into runs that tile it; each run lists the
// annotations covering all of it. Empty annotations cover nothing and appear in no run.
//
// Times. Every change is stamped by the injected Clock: `modified` for an annotation,
// the deletion time for a tombstone. Stamps for one id strictly increase even if the
// clock stalls or steps back, so a later local change always wins a merge against an
// earlier one. Undo and redo are changes too and get fresh stamps: otherwise another
// tab's copy of the undone state would look newer and win the merge back.
//
// Undo. Every add/update/remove is recorded as an AnnotationChange; undo applies the
// inverse, redo the change again; a new change clears redo. begin_group/end_group make
// several changes one undo step. A change is skipped when its annotation has been changed
// since by a merge (its state no longer matches): undo never discards another tab's work.
// A step whose changes are all skipped is dropped and the next one is undone.
//
// Tombstones. Removing an annotation leaves a tombstone (id + deletion time), so a merge
// with a copy that still holds the annotation deletes it instead of bringing it back.
// An id is never live and tombstoned at once: adding it again (undo of a removal, redo of
// an add) clears its tombstone.
//
// Merge. Per id, over both sets' annotations and tombstones: the annotation with the
// newest `modified` wins (equal times: a fixed order on the content decides, so the result
// does not depend on which side merges); a tombstone at or after that time wins over it
// (deletion wins a tie); an annotation modified after the tombstone resurrects. The
// result depends only on the union of the two sides: merge is commutative, associative
// and idempotent. Merges are not undoable.
//
// Pointers. Annotation pointers returned by queries stay valid until that annotation is
// changed or removed (by any path: edit, undo, redo, merge) or the set is destroyed.
//
// Listeners run after each single change, with the set already in its new state; after
// a merge, once all its changes are applied, one call per change in id order. They must
// not change the set: a change attempted from a listener is refused with an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/annotation.hpp"
#include "core/model/interval_index.hpp"
#include "core/text/result.hpp"
#include "core/model/tombstone.hpp"
#include "core/model/undo_history.hpp"

namespace scholion {

// Where a change came from: the reader's own edit, an undo or redo of one, or a merge.
enum class ChangeOrigin : uint8_t { edit, undo, redo, merge };

struct ChangeEvent {
  ChangeKind kind;
  ChangeOrigin origin;
  const Annotation& annotation;  // as it is now; for `removed`, as it was
  const Annotation* previous;    // for `updated`, the state before; otherwise null
};
using ChangeListener = std::function<void(const ChangeEvent&)>;
using ListenerId = uint32_t;

// A piece of a window and the annotations covering it, in (start, end, id) order.
struct Run {
  uint32_t start = 0;
  uint32_t end = 0;
  std::vector<const Annotation*> annotations;  // empty where nothing is highlighted
};

struct MergeReport {
  std::size_t added = 0;    // live here now, absent before
  std::size_t updated = 0;  // replaced by the other side's newer version
  std::size_t removed = 0;  // deleted by the other side's newer tombstone
  bool operator==(const MergeReport&) const = default;
};

class AnnotationSet {
 public:
  // `document_length` in code points, if known: ranges beyond it are refused.
  explicit AnnotationSet(Clock clock, std::optional<uint32_t> document_length = std::nullopt);
  AnnotationSet(const AnnotationSet& other);             // listeners are not copied
  AnnotationSet& operator=(const AnnotationSet& other);  // keeps this set's listeners
  AnnotationSet(AnnotationSet&&) noexcept = default;
  AnnotationSet& operator=(AnnotationSet&&) noexcept = default;
  ~AnnotationSet() = default;

  std::optional<uint32_t> document_length() const { return document_length_; }

  // --- Queries ---------------------------------------------------------------------
  std::size_t size() const { return by_id_.size(); }
  bool empty() const { return by_id_.empty(); }
  const Annotation* find(std::string_view id) const;  // null if not live
  std::vector<const Annotation*> all() const;         // (start, end, id) order; O(n)
  // Every annotation touching [from, to), in (start, end, id) order.
  // O((m + 1) log n) expected for m results (see interval_index.hpp).
  std::vector<const Annotation*> between(uint32_t from, uint32_t to) const;
  void between(uint32_t from, uint32_t to, std::vector<const Annotation*>& out) const;
  // Runs tiling [from, to) (none if from >= to); neighbouring runs differ in coverage.
  // O(k log k + r·c) over the k annotations touching the window, r runs, c per run.
  std::vector<Run> segment(uint32_t from, uint32_t to) const;

  // --- Changes (recorded for undo, notified) -------------------------------------------
  // Adds a new annotation; stamps `modified` (and `created` when it is 0). Errors: empty
  // id, a live duplicate id, start > end, end beyond the document. Returns what is stored.
  Result<Annotation> add(Annotation annotation);
  // Replaces the live annotation with the same id; keeps its `created`, stamps `modified`.
  // An update that changes nothing is not recorded. Errors: unknown id, bad range.
  Result<Annotation> update(Annotation annotation);
  // Removes a live annotation and leaves a tombstone. Returns the removed annotation.
  Result<Annotation> remove(std::string_view id);

  // --- Undo ----------------------------------------------------------------------------
  void begin_group() { history_.begin_group(); }  // changes until end_group: one step
  void end_group() { history_.end_group(); }
  bool undo();  // false if there was nothing to undo (or a listener is running)
  bool redo();
  bool can_undo() const { return history_.can_undo(); }
  bool can_redo() const { return history_.can_redo(); }
  void set_history_limit(std::size_t steps) { history_.set_limit(steps); }
  void clear_history() { history_.clear(); }

  // --- Tombstones ------------------------------------------------------------------
  std::vector<Tombstone> tombstones() const;                    // sorted by id
  std::optional<Timestamp> tombstone(std::string_view id) const;  // deletion time
  // Forgets tombstones deleted before `before`; returns how many. Only safe once every
  // copy of the set has merged past that time, or a stale copy resurrects them.
  std::size_t prune_tombstones(Timestamp before);

  // --- Merge -----------------------------------------------------------------------
  // Brings in another copy of the same document's set (see the rules above). Changes are
  // notified with origin `merge`. Errors (bad ranges, empty ids) leave the set unchanged.
  Result<MergeReport> merge(const AnnotationSet& other);
  // The same for plain data, e.g. a copy read from storage. Duplicate ids in the input
  // are resolved by the same rules. O(k log k) for k incoming entries, plus O(log n) per
  // change, or, when the changes are a good part of the set (as when a stored copy is
  // loaded into an empty set), one O(n log n) rebuild of the window index.
  Result<MergeReport> merge(const std::vector<Annotation>& annotations,
                            const std::vector<Tombstone>& tombstones);
  // The same, moving the winning versions out of `annotations` instead of copying them.
  Result<MergeReport> merge(std::vector<Annotation>&& annotations,
                            const std::vector<Tombstone>& tombstones);

  // --- Listeners ---------------------------------------------------------------------
  ListenerId subscribe(ChangeListener listener);
  void unsubscribe(ListenerId id);  // safe from inside a listener

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using ById = std::unordered_map<std::string, Annotation, StringHash, std::equal_to<>>;

  Result<bool> check_writable() const;
  Result<bool> check_range(const Annotation& annotation) const;
  Timestamp stamp(const std::string& id) const;
  // The primitives every path goes through; they keep index and tombstones consistent.
  // With `defer_index` they leave the index alone: the caller rebuilds it afterwards.
  const Annotation& store(Annotation annotation, bool defer_index = false);
  Annotation unstore(std::string_view id, Timestamp deleted, bool defer_index = false);
  template <class Annotations>  // const or not: copied or moved from
  Result<MergeReport> merge_from(Annotations& annotations, const std::vector<Tombstone>& tombstones);
  // Brings `id` from state `from` to state `to`, if it is in state `from` now.
  bool apply(const std::optional<Annotation>& from, const std::optional<Annotation>& to,
             ChangeOrigin origin);
  bool replay(bool undoing);
  void notify(ChangeKind kind, ChangeOrigin origin, const Annotation& annotation,
              const Annotation* previous);
  void rebuild_index();

  Clock clock_;
  std::optional<uint32_t> document_length_;
  ById by_id_;  // node-based: pointers into it stay valid while the entry lives
  IntervalIndex index_;
  std::map<std::string, Timestamp, std::less<>> tombstones_;
  UndoHistory history_;
  // why: a deque keeps a running listener in place when another one subscribes.
  std::deque<std::pair<ListenerId, ChangeListener>> listeners_;
  ListenerId next_listener_ = 1;
  int notifying_ = 0;
};

// Whether two annotations are equal apart from `modified`.
bool same_content(const Annotation& a, const Annotation& b);

}  // namespace scholion
