// AnnotationSet::merge: bringing in another copy of the same document's set. The rules
// are documented in annotation_set.hpp; this file keeps them apart from editing and undo.
//
// A merge first decides, per id and without changing anything, what happens to it; then
// applies the decisions; then tells the listeners. When it changes a good part of the set
// (always when the set was empty: a page loading its stored copy) the window index is
// rebuilt once at the end rather than updated per change.
#include <algorithm>
#include <numeric>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "core/model/annotation_set.hpp"

namespace scholion {
namespace {

constexpr std::size_t kNone = SIZE_MAX;

// A fixed order on everything but `modified`: two versions stamped in the same
// millisecond resolve the same way whichever side runs the merge.
bool content_less(const Annotation& a, const Annotation& b) {
  return std::tie(a.start, a.end, a.quote.exact, a.quote.prefix, a.quote.suffix, a.color, a.note,
                  a.tags, a.created) < std::tie(b.start, b.end, b.quote.exact, b.quote.prefix,
                                                b.quote.suffix, b.color, b.note, b.tags, b.created);
}

// Whether `a` wins over `b` (two versions of one id).
bool newer(const Annotation& a, const Annotation& b) {
  if (a.modified != b.modified) return a.modified > b.modified;
  return content_less(b, a);
}

// One id as the input has it: its winning version and its latest tombstone.
struct Incoming {
  std::string_view id;
  std::size_t winner = kNone;  // index into the input's annotations
  std::optional<Timestamp> deleted;
};

template <class T>
std::vector<std::size_t> order_by_id(std::span<const T> items) {
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return items[a].id < items[b].id; });
  return order;
}

// The input per id, in id order. Duplicate ids resolve by the merge rules.
std::vector<Incoming> group_by_id(std::span<const Annotation> annotations,
                                  std::span<const Tombstone> tombstones) {
  const std::vector<std::size_t> by_annotation = order_by_id(annotations);
  const std::vector<std::size_t> by_tombstone = order_by_id(tombstones);
  std::vector<Incoming> out;
  out.reserve(annotations.size() + tombstones.size());
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < by_annotation.size() || j < by_tombstone.size()) {
    Incoming in;
    if (j == by_tombstone.size() ||
        (i < by_annotation.size() && annotations[by_annotation[i]].id <= tombstones[by_tombstone[j]].id)) {
      in.id = annotations[by_annotation[i]].id;
    } else {
      in.id = tombstones[by_tombstone[j]].id;
    }
    for (; i < by_annotation.size() && annotations[by_annotation[i]].id == in.id; ++i) {
      const std::size_t k = by_annotation[i];
      if (in.winner == kNone || newer(annotations[k], annotations[in.winner])) in.winner = k;
    }
    for (; j < by_tombstone.size() && tombstones[by_tombstone[j]].id == in.id; ++j) {
      const Timestamp t = tombstones[by_tombstone[j]].deleted;
      if (!in.deleted || t > *in.deleted) in.deleted = t;
    }
    out.push_back(in);
  }
  return out;
}

enum class Action : uint8_t { add, update, remove, tombstone };

struct Decision {
  Action action;
  std::string_view id;
  std::size_t winner;  // add, update: the input's version that wins
  Timestamp deleted;   // remove, tombstone: the deletion time that wins
};

}  // namespace

Result<MergeReport> AnnotationSet::merge(const AnnotationSet& other) {
  if (auto w = check_writable(); !w) return w.error();
  if (&other == this) return MergeReport{};
  std::vector<Annotation> annotations;
  annotations.reserve(other.size());
  for (const auto& [id, annotation] : other.by_id_) annotations.push_back(annotation);
  return merge(std::move(annotations), other.tombstones());
}

Result<MergeReport> AnnotationSet::merge(const std::vector<Annotation>& annotations,
                                         const std::vector<Tombstone>& tombstones) {
  return merge_from(annotations, tombstones);
}

Result<MergeReport> AnnotationSet::merge(std::vector<Annotation>&& annotations,
                                         const std::vector<Tombstone>& tombstones) {
  return merge_from(annotations, tombstones);
}

template <class Annotations>
Result<MergeReport> AnnotationSet::merge_from(Annotations& annotations,
                                              const std::vector<Tombstone>& tombstones) {
  if (auto w = check_writable(); !w) return w.error();
  // Validate everything first: a bad entry leaves the set as it was.
  for (std::size_t i = 0; i < annotations.size(); ++i) {
    if (auto r = check_range(annotations[i]); !r) {
      return make_error(r.error().message, "annotations[" + std::to_string(i) + "]");
    }
  }
  for (std::size_t i = 0; i < tombstones.size(); ++i) {
    if (tombstones[i].id.empty()) {
      return make_error("tombstone id is empty", "tombstones[" + std::to_string(i) + "]");
    }
  }

  // Decide. why: in id order, so listeners hear the changes in that order on every platform.
  std::vector<Decision> decisions;
  std::size_t added = 0;
  for (const Incoming& in : group_by_id(annotations, tombstones)) {
    const Annotation* local = by_id_.empty() ? nullptr : find(in.id);
    const Annotation* best = local;
    if (in.winner != kNone && (!best || newer(annotations[in.winner], *best))) {
      best = &annotations[in.winner];
    }
    std::optional<Timestamp> deleted = tombstones_.empty() ? std::nullopt : tombstone(in.id);
    const std::optional<Timestamp> deleted_here = deleted;
    if (in.deleted && (!deleted || *in.deleted > *deleted)) deleted = in.deleted;

    const bool live = best && (!deleted || best->modified > *deleted);
    if (live) {
      if (best == local) continue;
      decisions.push_back({local ? Action::update : Action::add, in.id, in.winner, 0});
      if (!local) ++added;
    } else if (local) {
      decisions.push_back({Action::remove, in.id, kNone, *deleted});
    } else if (deleted != deleted_here) {
      decisions.push_back({Action::tombstone, in.id, kNone, *deleted});
    }
  }

  // Apply.
  const std::size_t changes = static_cast<std::size_t>(
      std::count_if(decisions.begin(), decisions.end(),
                    [](const Decision& d) { return d.action != Action::tombstone; }));
  // why: one sort and a linear build beat many O(log n) inserts once the changes are a
  // fair share of the set; below that, per-change updates leave most of the index alone.
  const bool rebuild = changes > 0 && 4 * changes >= index_.size();
  const bool heard = !listeners_.empty();
  struct Notice {
    ChangeKind kind;
    const Annotation* now;  // added, updated
    std::size_t before;     // updated, removed: index into `before`
  };
  std::vector<Notice> notices;
  std::vector<Annotation> before;
  if (heard) notices.reserve(changes);
  by_id_.reserve(by_id_.size() + added);

  MergeReport report;
  for (const Decision& d : decisions) {
    switch (d.action) {
      case Action::add:
      case Action::update: {
        if (heard && d.action == Action::update) before.push_back(*find(d.id));
        Annotation incoming = [&]() -> Annotation {
          if constexpr (std::is_const_v<Annotations>) {
            return annotations[d.winner];
          } else {
            return std::move(annotations[d.winner]);
          }
        }();
        const Annotation& stored = store(std::move(incoming), rebuild);
        if (d.action == Action::add) {
          ++report.added;
          if (heard) notices.push_back({ChangeKind::added, &stored, kNone});
        } else {
          ++report.updated;
          if (heard) notices.push_back({ChangeKind::updated, &stored, before.size() - 1});
        }
        break;
      }
      case Action::remove: {
        Annotation removed = unstore(d.id, d.deleted, rebuild);
        ++report.removed;
        if (heard) {
          before.push_back(std::move(removed));
          notices.push_back({ChangeKind::removed, nullptr, before.size() - 1});
        }
        break;
      }
      case Action::tombstone:
        tombstones_.insert_or_assign(std::string(d.id), d.deleted);
        break;
    }
  }
  if (rebuild) rebuild_index();

  // Tell. Every change is applied by now, so each listener sees the merged set.
  for (const Notice& n : notices) {
    if (n.kind == ChangeKind::removed) {
      notify(n.kind, ChangeOrigin::merge, before[n.before], nullptr);
    } else {
      notify(n.kind, ChangeOrigin::merge, *n.now,
             n.kind == ChangeKind::updated ? &before[n.before] : nullptr);
    }
  }
  return report;
}

}  // namespace scholion
