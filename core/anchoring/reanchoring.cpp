// Re-anchoring whole sets after the text changed, and mapping through known edits.
#include "core/anchoring/reanchoring.hpp"

#include <algorithm>

#include "core/text/grapheme_clusters.hpp"

namespace scholion {
namespace {

Reanchored reanchor_one(const Annotation& annotation, const AnchorText& text, const AnchorOptions& options) {
  Reanchored out{annotation, anchor(selectors_of(annotation), text, options)};
  if (out.result.anchored()) {
    Annotation& a = out.annotation;
    a.start = out.result.start;
    a.end = out.result.end;
    // The quote is described afresh so the next anchoring is verbatim; an orphan keeps
    // the quote it had, which is all that is left of its text.
    const Result<FoundSelectors> fresh = describe(text, a.start, a.end);
    if (fresh.ok() && fresh->quote) a.quote = *fresh->quote;
  }
  return out;
}

// How many code points of [start, end) survive `map` (are not inside a replaced range).
uint32_t surviving(const StepMap& map, uint32_t start, uint32_t end) {
  uint32_t removed = 0;
  for (const StepRange& r : map.ranges()) {
    const uint32_t lo = std::max(start, r.start);
    const uint32_t hi = std::min(end, r.start + r.old_size);
    if (lo < hi) removed += hi - lo;
  }
  return end - start - removed;
}

AnchorResult deleted() {
  AnchorResult r;
  r.reason = OrphanReason::deleted;
  return r;
}

AnchorResult mapped(uint32_t start, uint32_t end, const AnchorText& new_text) {
  end = std::min(end, new_text.length());
  start = std::min(start, end);
  const CodePointRange snapped = snap_to_graphemes(new_text.code_points(), start, end);
  AnchorResult r;
  r.status = AnchorStatus::anchored;
  r.start = snapped.start;
  r.end = snapped.end;
  r.score = 1;
  r.method = AnchorMethod::mapped;
  r.text = new_text.slice(snapped.start, snapped.end);
  return r;
}

// One step: the range's image, or nothing if all of its text was replaced.
std::optional<CodePointRange> map_step(const CodePointRange& range, const StepMap& map) {
  if (range.start == range.end) {
    // An empty range (a caret) survives unless it sat strictly inside replaced text.
    const MapResult at = map.map(range.start, Assoc::after);
    if (at.deleted_across) return std::nullopt;
    return CodePointRange{at.pos, at.pos};
  }
  if (surviving(map, range.start, range.end) == 0) return std::nullopt;
  // Text inserted at either edge stays outside the range.
  const uint32_t start = map.map(range.start, Assoc::after).pos;
  const uint32_t end = map.map(range.end, Assoc::before).pos;
  return CodePointRange{start, std::max(start, end)};
}

}  // namespace

std::vector<Reanchored> reanchor_all(std::span<const Annotation> annotations, const AnchorText& text,
                                     const AnchorOptions& options) {
  std::vector<Reanchored> out;
  out.reserve(annotations.size());
  for (const Annotation& a : annotations) out.push_back(reanchor_one(a, text, options));
  return out;
}

Result<ReanchorReport> reanchor_set(AnnotationSet& set, const AnchorText& text, const AnchorOptions& options) {
  ReanchorReport report;
  for (const Annotation* a : set.all()) report.results.push_back(reanchor_one(*a, text, options));
  std::vector<const Annotation*> changes;
  for (const Reanchored& r : report.results) {
    if (!r.result.anchored()) {
      ++report.orphans;
      continue;
    }
    ++report.anchored;
    const Annotation* before = set.find(r.annotation.id);
    if (before->start != r.annotation.start || before->end != r.annotation.end || before->quote != r.annotation.quote) {
      changes.push_back(&r.annotation);
      // Checked before anything changes, so a refusal leaves the set as it was.
      if (set.document_length() && r.annotation.end > *set.document_length()) {
        return make_error("annotation " + r.annotation.id + " anchors at " + std::to_string(r.annotation.start) +
                          ".." + std::to_string(r.annotation.end) + ", beyond the set's document length " +
                          std::to_string(*set.document_length()));
      }
    }
  }
  set.begin_group();
  for (const Annotation* a : changes) {
    const Result<Annotation> updated = set.update(*a);
    if (!updated) {
      set.end_group();
      return updated.error();
    }
    ++report.moved;
  }
  set.end_group();
  // The results carry what the set now holds (update stamps `modified`).
  for (Reanchored& r : report.results) {
    if (const Annotation* now = set.find(r.annotation.id)) r.annotation = *now;
  }
  return report;
}

AnchorResult map_anchor(const CodePointRange& range, const StepMap& map, const AnchorText& new_text) {
  const std::optional<CodePointRange> image = map_step(range, map);
  if (!image) return deleted();
  return mapped(image->start, image->end, new_text);
}

AnchorResult map_anchor(const CodePointRange& range, const Mapping& mapping, const AnchorText& new_text) {
  CodePointRange current = range;
  for (const StepMap& step : mapping.maps()) {
    const std::optional<CodePointRange> image = map_step(current, step);
    if (!image) return deleted();
    current = *image;
  }
  return mapped(current.start, current.end, new_text);
}

Result<IncomingReport> merge_incoming(AnnotationSet& set, Orphans& orphans, IncomingAnnotations incoming,
                                      const Document& document, const AnchorOptions& options) {
  IncomingReport report;
  std::vector<Annotation> unplaced;
  if (!incoming.same_text) {
    const AnchorText text(document);
    std::vector<Annotation> placed;
    std::vector<Reanchored> results = reanchor_all(incoming.annotations, text, options);
    for (std::size_t i = 0; i < results.size(); ++i) {
      Reanchored& r = results[i];
      if (!r.result.anchored()) {
        unplaced.push_back(std::move(r.annotation));
        continue;
      }
      const Annotation& before = incoming.annotations[i];
      if (before.start != r.result.start || before.end != r.result.end) ++report.moved;
      placed.push_back(std::move(r.annotation));
    }
    incoming.annotations = std::move(placed);
  }
  auto merged = set.merge(std::move(incoming.annotations), incoming.tombstones);
  if (!merged) return merged.error();
  // Orphans deleted here (or in the copy merged in) left tombstones: they stay deleted.
  orphans.drop_live(set);
  for (Annotation& o : incoming.orphans) orphans.keep(std::move(o), set);
  for (Annotation& o : unplaced) {
    if (orphans.keep(o, set)) report.new_orphans.push_back(std::move(o));
  }
  return report;
}

}  // namespace scholion
