// Plain-text files as documents.
#pragma once

#include <string>
#include <string_view>

#include "core/model/document.hpp"
#include "core/text/result.hpp"

namespace scholion {

// A plain-text file as a document: blank lines separate blocks, the first block is the
// title (and a level-1 heading), line breaks inside a block become spaces. Errors:
// invalid UTF-8 (the message names the byte).
Result<Document> document_from_plain_text(std::string_view utf8, std::string id);

}  // namespace scholion
