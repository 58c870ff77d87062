// Re-anchoring every annotation of a set after its text changed (anchoring.hpp says how
// one annotation is re-found).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/anchoring/anchoring.hpp"
#include "core/model/annotation_set.hpp"
#include "core/model/document.hpp"
#include "core/model/orphans.hpp"

namespace scholion {

// One annotation after re-anchoring. Anchored: `annotation` has the new range and a
// quote described afresh from the new text (so the next anchoring is exact). Orphan:
// `annotation` is unchanged, with its original quote and position.
struct Reanchored {
  Annotation annotation;
  AnchorResult result;
};

// Every annotation gets a fresh result, in input order.
std::vector<Reanchored> reanchor_all(std::span<const Annotation> annotations, const AnchorText& text,
                                     const AnchorOptions& options = {});

struct ReanchorReport {
  std::vector<Reanchored> results;  // in the set's (start, end, id) order before the change
  std::size_t anchored = 0;
  std::size_t orphans = 0;
  std::size_t moved = 0;  // anchored annotations whose range or quote changed
};

// Re-anchors every live annotation of `set` against the new text: the anchored ones
// whose range or quote changed are updated in one undo step; orphans stay in the set
// untouched (marked in the report, with their original quote). Errors: those of
// AnnotationSet::update (e.g. the set's document_length is shorter than the new text).
Result<ReanchorReport> reanchor_set(AnnotationSet& set, const AnchorText& text, const AnchorOptions& options = {});

// Annotations arriving from storage (this tab's saved copy, or another tab's).
struct IncomingAnnotations {
  std::vector<Annotation> annotations;
  std::vector<Tombstone> tombstones;
  std::vector<Annotation> orphans;  // orphans saved with them
  bool same_text = false;           // saved against this very text (same fingerprint)
};

struct IncomingReport {
  std::size_t moved = 0;                // re-anchored to another range
  std::vector<Annotation> new_orphans;  // that failed to anchor just now, and were kept
};

// Merges `incoming` into `set` per annotation (AnnotationSet::merge). Annotations saved
// against another version of the text are anchored afresh in `document` first; those that
// cannot be placed join `orphans` (kept, never drawn on other text), as do the incoming
// orphans. Orphans that are live or deleted after the merge are let go (orphans.hpp).
// Errors: those of AnnotationSet::merge; then nothing changed.
Result<IncomingReport> merge_incoming(AnnotationSet& set, Orphans& orphans, IncomingAnnotations incoming,
                                      const Document& document, const AnchorOptions& options = {});

}  // namespace scholion
