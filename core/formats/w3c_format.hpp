// W3C Web Annotation Data Model (JSON-LD), the interchange format: export and import.
// https://www.w3.org/TR/annotation-model/
//
// One Scholion annotation is written as
//
//   {"@context": "http://www.w3.org/ns/anno.jsonld",
//    "id": "urn:uuid:<uuid>", "type": "Annotation",
//    "motivation": "commenting",                       // "highlighting" when no note
//    "created": "2024-05-01T09:30:00Z", "modified": "…",
//    "body": [{"type": "TextualBody", "purpose": "commenting",
//              "format": "text/markdown", "value": "<note>"},
//             {"type": "TextualBody", "purpose": "tagging", "value": "<tag>"}, …],
//    "target": {"source": "<document id>", "styleClass": "scholion-green",
//               "selector": [{"type": "TextQuoteSelector", "exact": …, "prefix": …, "suffix": …},
//                            {"type": "TextPositionSelector", "start": 12, "end": 30}]},
//    "stylesheet": {"type": "CssStylesheet",
//                   "value": ".scholion-green { background-color: #c5e1a5; }"}}
//
// Colour: the model's own mechanism for rendering hints, a CSS class on the target
// (styleClass) defined by an embedded stylesheet (REC §4.4, Example 35). Both terms are in
// the anno.jsonld context, so the colour survives JSON-LD processing, which drops
// undeclared properties such as "scholion:color"; and a client that implements styles
// shows the right colour. Import reads only the class name "scholion-<palette name>"; the
// CSS value is a hint for other clients (Scholion stores colours by name).
//
// Import accepts a single annotation, an array of them, an AnnotationPage, or an
// AnnotationCollection whose first page is embedded. Positions are code points, as the
// model requires. Malformed input (invalid JSON or UTF-8, wrong types, missing required
// fields, a reversed range, a range outside the document with no quote to fall back
// on, a bad date) fails the whole import with an Error naming the JSON path. Valid
// annotations that Scholion cannot represent (no text selector, several targets, an
// HTML note…) are listed in ImportResult::skipped with the reason; when nothing at all
// could be imported that reason is the Error.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/model/annotation.hpp"
#include "core/model/document.hpp"
#include "core/formats/import_placement.hpp"
#include "core/formats/json_input.hpp"

namespace scholion {

inline constexpr std::string_view kW3cContext = "http://www.w3.org/ns/anno.jsonld";
inline constexpr std::string_view kW3cStyleClassPrefix = "scholion-";

// --- Export ---------------------------------------------------------------------------

// One annotation as a JSON-LD object targeting `source` (the document's id, its
// canonical URL). `with_context` adds "@context" (top-level objects need it; items of a
// page inherit it).
Json annotation_to_w3c(const Annotation& annotation, std::string_view source, bool with_context = true);

// A single annotation, pretty-printed.
std::string export_w3c_annotation(const Annotation& annotation, std::string_view source);

// All annotations of a document as an AnnotationCollection with its one page embedded
// (REC Example 40), labelled with the title. Annotations are written in the order given.
Json annotations_to_w3c_collection(const Document& document, std::span<const Annotation> annotations);
std::string export_w3c_collection(const Document& document, std::span<const Annotation> annotations);

// --- Import ---------------------------------------------------------------------------


Result<ImportResult> import_w3c(std::string_view json, const ImportOptions& options = {});

// An absolute IRI: a scheme ("http:", "urn:") and no spaces. Enough to tell an IRI
// from prose ("not a uri"), which is what the W3C samples test.
bool looks_like_iri(std::string_view s);


}  // namespace scholion
