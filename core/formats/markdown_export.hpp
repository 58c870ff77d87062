// Markdown export: a document's annotations as a page a person reads (or pastes into
// notes). Lossy on purpose: for data exchange use the W3C export.
//
//   # <title>
//
//   Source: <url>
//
//   3 annotations
//
//   ---
//
//   > <quote, Markdown specials escaped; '>' on every line>
//
//   <note, as written (notes are light Markdown already)>
//
//   Tags: #one, #two · green
//
// Annotations come in document order (start, then end, then creation). The colour is
// the last, quiet word of each entry; tags are written "#tag" and separated by commas so
// that tags containing spaces stay readable.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/model/annotation.hpp"
#include "core/model/document.hpp"

namespace scholion {

std::string export_markdown(const Document& document, std::span<const Annotation> annotations);

// Backslash-escapes what Markdown would otherwise read as markup in running text
// (emphasis, links, code, HTML, entities) and at the start of a line (headings, lists,
// block quotes, rules). Line breaks are left alone.
std::string escape_markdown(std::string_view text);

}  // namespace scholion
