// Hypothesis API JSON import (https://h.readthedocs.io/en/latest/api-reference/).
//
// Accepts a search response {"total": N, "rows": [annotation, …]} or one annotation.
// From each annotation: text → note (Hypothesis notes are Markdown, as ours are),
// tags → tags, created/updated → created/modified, uri → source, and the target's
// TextQuoteSelector and TextPositionSelector. Colour: Hypothesis has none (yellow).
//
// Units: Hypothesis positions are JavaScript string offsets into the page's
// document.body.textContent, i.e. UTF-16 code units over text whose whitespace is not
// collapsed. With a document, they are converted to code points through its TextOffsets
// and checked against the quote like any import (see import_resolution.hpp); an offset
// that falls outside the text or inside a surrogate pair leaves the annotation to be
// anchored by its quote. Without a document they cannot be converted, so the quote alone
// is kept (needs_anchoring).
//
// Ids: a Hypothesis id is a UUID in URL-safe base64 (22 characters); it is decoded, so
// importing the same annotation twice yields the same Scholion id. Other ids get a new
// UUID and are kept in original_id.
//
// Skipped (listed, not imported): replies (non-empty "references") and page notes (no
// text selector). Malformed input fails the whole import, as for W3C.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/formats/import_placement.hpp"

namespace scholion {

Result<ImportResult> import_hypothesis(std::string_view json, const ImportOptions& options = {});

// "K8YIKPrMEeew46PspufAQg" → "2bc60828-facc-11e7-b0e3-a3eca6e7c042"; nullopt if the text
// is not 22 characters of URL-safe base64.
std::optional<std::string> uuid_from_hypothesis_id(std::string_view id);

}  // namespace scholion
