#include "core/formats/import_placement.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <random>

namespace scholion {
namespace {

std::string range_text(const CodePointRange& r) {
  return std::to_string(r.start) + ".." + std::to_string(r.end);
}

// A quote shown in a message: cut to a readable length on a code point boundary.
std::string shown(std::string_view text) {
  constexpr std::size_t kMax = 80;
  if (text.size() <= kMax) return "\"" + std::string(text) + "\"";
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(text.substr(0, cut)) + "\u2026\"";
}

}  // namespace

std::string_view import_status_name(ImportStatus status) {
  switch (status) {
    case ImportStatus::verified: return "verified";
    case ImportStatus::quote_filled: return "quote_filled";
    case ImportStatus::unchecked: return "unchecked";
    case ImportStatus::needs_anchoring: return "needs_anchoring";
    case ImportStatus::quote_mismatch: return "quote_mismatch";
  }
  return "unchecked";
}

Result<ImportedAnnotation> resolve_selectors(Annotation annotation, const FoundSelectors& found,
                                             const Document* document) {
  ImportedAnnotation out;
  out.position = found.position;
  if (found.quote) annotation.quote = *found.quote;

  if (!found.position) {
    if (!found.quote) return make_error("target has no text selector");
    annotation.start = annotation.end = 0;
    out.status = ImportStatus::needs_anchoring;
    out.detail = "quote only: position to be found";
    out.annotation = std::move(annotation);
    return out;
  }

  const CodePointRange& pos = *found.position;
  if (pos.start > pos.end) {
    return make_error("reversed range: start " + std::to_string(pos.start) + " is after end " +
                          std::to_string(pos.end),
                      found.position_path);
  }
  if (document == nullptr) {
    annotation.start = pos.start;
    annotation.end = pos.end;
    out.status = ImportStatus::unchecked;
  } else if (pos.end > document->length()) {
    const std::string why = "range " + range_text(pos) + " is outside the text (length " +
                            std::to_string(document->length()) + ")";
    if (!found.quote) return make_error(why, found.position_path);
    annotation.start = annotation.end = 0;
    out.status = ImportStatus::needs_anchoring;
    out.detail = why;
  } else if (!found.quote) {
    annotation.start = pos.start;
    annotation.end = pos.end;
    annotation.quote = quote_at(document->offsets(), pos);
    out.status = ImportStatus::quote_filled;
  } else {
    const std::string_view there = document->offsets().slice(pos.start, pos.end);
    if (there == found.quote->exact) {
      annotation.start = pos.start;
      annotation.end = pos.end;
      out.status = ImportStatus::verified;
    } else {
      annotation.start = annotation.end = 0;
      out.status = ImportStatus::quote_mismatch;
      out.detail = "the text at " + range_text(pos) + " is " + shown(there) + ", the quote is " +
                   shown(found.quote->exact);
    }
  }
  out.annotation = std::move(annotation);
  return out;
}

Clock clock_or_system(const Clock& clock) {
  if (clock) return clock;
  return [] {
    using namespace std::chrono;
    return static_cast<Timestamp>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
  };
}

RandomSource random_or_system(const RandomSource& random) {
  if (random) return random;
  auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [engine] { return (*engine)(); };
}

Result<ImportResult> require_some_imported(ImportResult result) {
  if (result.annotations.empty() && !result.skipped.empty()) {
    const SkippedAnnotation& first = result.skipped.front();
    std::string message = first.reason;
    if (result.skipped.size() > 1) {
      message += " (and " + std::to_string(result.skipped.size() - 1) + " more annotations not importable)";
    }
    return make_error(std::move(message), first.path);
  }
  return result;
}

FoundSelectors selectors_of(const ImportedAnnotation& imported) {
  FoundSelectors found;
  const Annotation& a = imported.annotation;
  if (!a.quote.exact.empty()) found.quote = a.quote;
  found.position = imported.has_range() ? std::optional(CodePointRange{a.start, a.end}) : imported.position;
  return found;
}

PlacedImport place_imported(std::vector<ImportedAnnotation> imported, const Document& document,
                            const AnchorOptions& options) {
  PlacedImport out;
  std::optional<AnchorText> text;  // decoded only when something must be searched
  for (ImportedAnnotation& item : imported) {
    if (item.has_range()) {
      out.placed.push_back(std::move(item.annotation));
      continue;
    }
    if (!text) text.emplace(document);
    const AnchorResult r = anchor_foreign(selectors_of(item), *text, options);
    Annotation a = std::move(item.annotation);
    if (r.anchored()) {
      a.start = r.start;
      a.end = r.end;
      a.quote = quote_at(document.offsets(), {r.start, r.end});
      out.placed.push_back(std::move(a));
    } else {
      if (item.position) {
        a.start = item.position->start;
        a.end = item.position->end;
      }
      out.orphans.push_back(std::move(a));
      out.orphan_results.push_back(r);
    }
  }
  return out;
}

}  // namespace scholion
