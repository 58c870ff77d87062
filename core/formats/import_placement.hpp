// Placing imported selectors on a document: the seam between the import formats (W3C,
// Hypothesis) and the anchoring engine.
//
// An importer reads a file's TextQuoteSelector and TextPositionSelector (positions
// already converted to code points) and calls resolve_selectors. The result says how
// far the range could be established without searching the text:
//
//   verified         position and quote given, and the document has the quote there
//   quote_filled     position only; the quote (with context) was read from the document
//   unchecked        no document given; taken as written
//   needs_anchoring  quote only, or the position does not fit the document
//   quote_mismatch   the document has other text at the position than the quote
//
// Only the first three carry a usable range in annotation.start/end. The other two keep
// start = end = 0 and the written position in `position`, as a hint: an annotation is
// never placed on text its quote does not match (DESIGN.md); the anchoring engine
// re-finds it by its quote, or it becomes an orphan.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/anchoring/anchoring.hpp"
#include "core/anchoring/selectors.hpp"
#include "core/model/annotation.hpp"
#include "core/model/document.hpp"
#include "core/formats/json_input.hpp"
#include "core/text/result.hpp"

namespace scholion {

enum class ImportStatus : uint8_t { verified, quote_filled, unchecked, needs_anchoring, quote_mismatch };
std::string_view import_status_name(ImportStatus status);  // "verified", ...

struct ImportedAnnotation {
  Annotation annotation;
  ImportStatus status = ImportStatus::unchecked;
  std::optional<CodePointRange> position;  // as written in the file, in code points
  std::string source;       // the target's source (W3C) or uri (Hypothesis)
  std::string original_id;  // the id as written in the file, when it was not kept
  std::string detail;       // for quote_mismatch / needs_anchoring: what was found

  bool has_range() const { return status <= ImportStatus::unchecked; }
};

// A well-formed annotation that Scholion cannot represent (no text selector, an image
// target, a reply…): reported, not imported.
struct SkippedAnnotation {
  std::string path;    // JSON path of the annotation in the file
  std::string reason;  // "target has no text selector"
};

struct ImportResult {
  std::vector<ImportedAnnotation> annotations;  // in file order
  std::vector<SkippedAnnotation> skipped;
};

// What every importer takes.
struct ImportOptions {
  const Document* document = nullptr;  // when given, positions are checked against it
  RandomSource random;  // new UUIDs for annotations whose id is not "urn:uuid:…"; default: std::random_device
  Clock clock;          // "now" for annotations without "created"; default: the system clock
  JsonLimits limits;
};

// Used by the importers: options' sources, or the system's.
Clock clock_or_system(const Clock& clock);
RandomSource random_or_system(const RandomSource& random);

// Places `found` on `document` (nullptr: no document), filling `annotation`'s range and
// quote. Errors: a reversed position; a position outside the text with no quote to fall
// back on; neither selector.
Result<ImportedAnnotation> resolve_selectors(Annotation annotation, const FoundSelectors& found,
                                             const Document* document);

// Imports hold their annotations back unless all of them could be read: on the first
// error the caller gets the Error only. When nothing at all was importable the
// importers turn the first skip reason into an Error, so "why not?" is always answered.
Result<ImportResult> require_some_imported(ImportResult result);

// Imported annotations placed on the document they were imported onto.
struct PlacedImport {
  std::vector<Annotation> placed;  // ranges and quotes fit the document
  // Could not be placed: kept with their quote (and their written position, if any),
  // each with the anchoring result that says why.
  std::vector<Annotation> orphans;
  std::vector<AnchorResult> orphan_results;
};

// Places what an importer read: annotations whose position and quote agree with the
// document (has_range()) as they are; the others by anchor_foreign() (anchoring.hpp),
// their quote described afresh from the document when found. Used alike by the pages
// and by `scholion anchor`, so a file is placed the same way everywhere.
PlacedImport place_imported(std::vector<ImportedAnnotation> imported, const Document& document,
                            const AnchorOptions& options = {});

// The selectors an imported annotation carries: its quote, and its range (when it has
// one) or the position written in the file.
FoundSelectors selectors_of(const ImportedAnnotation& imported);

}  // namespace scholion
