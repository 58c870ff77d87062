// The fast path of read_storage_json: storage JSON of the current schema read in one
// pass over the text, straight into a StoredDocument, without building a JSON tree.
//
// It only says yes or no. It returns the document when the text is valid storage JSON of
// schema kStorageSchema within the limits, and exactly what the tree reader
// (storage_from_json) would return for it; anything else (a syntax error, a bad value,
// an older schema, a key given twice) gives nullopt, and the caller reads the text again
// the careful way, which names the problem. Strictness comes from nlohmann's parser,
// which also rejects invalid UTF-8 in strings, so nothing here checks it again.
#pragma once

#include <optional>
#include <string_view>

#include "core/formats/json_input.hpp"
#include "core/formats/storage_format.hpp"

namespace scholion {

std::optional<StoredDocument> scan_storage_json(std::string_view text, const JsonLimits& limits = {});

}  // namespace scholion
