// AnnotationSet::merge: bringing in another copy of the same document's set. The rules
// are documented in annotation_set.hpp; this file keeps them apart from editing and undo.
#include <map>
#include <string_view>
#include <tuple>

#include "core/annotation_set.hpp"

namespace scholion {
namespace {

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

struct Incoming {
  const Annotation* annotation = nullptr;  // the winner among the input's versions
  std::optional<Timestamp> deleted;        // the latest of the input's tombstones
};

}  // namespace

Result<MergeReport> AnnotationSet::merge(const AnnotationSet& other) {
  if (auto w = check_writable(); !w) return w.error();
  if (&other == this) return MergeReport{};
  std::vector<Annotation> annotations;
  annotations.reserve(other.size());
  for (const auto& [id, annotation] : other.by_id_) annotations.push_back(annotation);
  return merge(annotations, other.tombstones());
}

Result<MergeReport> AnnotationSet::merge(const std::vector<Annotation>& annotations,
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

  // why: an ordered map, so listeners hear the changes in id order on every platform.
  std::map<std::string_view, Incoming> incoming;
  for (const Annotation& a : annotations) {
    Incoming& in = incoming[a.id];
    if (!in.annotation || newer(a, *in.annotation)) in.annotation = &a;
  }
  for (const Tombstone& t : tombstones) {
    Incoming& in = incoming[t.id];
    if (!in.deleted || t.deleted > *in.deleted) in.deleted = t.deleted;
  }

  MergeReport report;
  for (const auto& [id_view, in] : incoming) {
    const std::string id(id_view);
    const Annotation* local = find(id);
    const Annotation* best = local;
    if (in.annotation && (!best || newer(*in.annotation, *best))) best = in.annotation;
    std::optional<Timestamp> deleted = tombstone(id);
    if (in.deleted && (!deleted || *in.deleted > *deleted)) deleted = in.deleted;

    const bool live = best && (!deleted || best->modified > *deleted);
    if (live) {
      if (best == local) continue;
      if (local) {
        Annotation previous = *local;
        notify(ChangeKind::updated, ChangeOrigin::merge, store(*best), &previous);
        ++report.updated;
      } else {
        notify(ChangeKind::added, ChangeOrigin::merge, store(*best), nullptr);
        ++report.added;
      }
    } else if (local) {
      Annotation removed = unstore(id, *deleted);
      notify(ChangeKind::removed, ChangeOrigin::merge, removed, nullptr);
      ++report.removed;
    } else {
      tombstones_[id] = *deleted;  // `deleted` is set: the id came with a tombstone
    }
  }
  return report;
}

}  // namespace scholion
