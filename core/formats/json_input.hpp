// JSON at the edge: parsing untrusted text with limits, and reading typed fields with
// errors that name the bad value and its JSON path.
//
// Everything here is exception-free (the wasm build has no exception support): parsing
// uses nlohmann's non-throwing entry points and every reader returns a Result.
//
// Limits, checked before the parser runs so that absurd input fails fast and cleanly:
//   - kMaxJsonBytes (32 MiB): larger than any localStorage quota (~5 MB per origin) and
//     than a W3C export of 20,000 annotations (~12 MB), far below what would exhaust a
//     wasm heap once parsed (a parsed value takes several times its text size);
//   - kMaxJsonDepth (64 levels of [ and {): our formats nest at most 8 levels; the limit
//     keeps recursive destruction and any recursive walk far from the stack's end.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text/result.hpp"

namespace scholion {

using Json = nlohmann::json;

// Result of a check that yields no value.
using Checked = Result<std::monostate>;
inline Checked checked_ok() { return std::monostate{}; }

struct JsonLimits {
  std::size_t max_bytes = 32u << 20;  // kMaxJsonBytes
  unsigned max_depth = 64;            // kMaxJsonDepth
};
inline constexpr std::size_t kMaxJsonBytes = JsonLimits{}.max_bytes;
inline constexpr unsigned kMaxJsonDepth = JsonLimits{}.max_depth;

// Parses `text` as strict JSON (no comments, no trailing commas). Errors name the byte
// offset, line and column, and the JSON path of the value being read when it failed:
//   "$.rows[2].text: invalid UTF-8 at byte 1234: 0xC3 0x28".
Result<Json> parse_json(std::string_view text, const JsonLimits& limits = {});

// Serialises; strings inside are valid UTF-8 by construction (parsed or validated).
std::string dump_json(const Json& value, int indent = -1);

// --- Paths -----------------------------------------------------------------------------

// path + ".key", or path + "[\"odd key\"]" when the key is not a plain identifier.
std::string path_key(std::string_view path, std::string_view key);
// path + "[i]"
std::string path_index(std::string_view path, std::size_t i);

// --- Describing values in messages ------------------------------------------------------

// A short rendering of a value for an error message: "\"12\"", "-3", "12.5", "true",
// "null", "an object", "an array of 3". Long strings are cut with "…".
std::string describe_json(const Json& value);

// "expected <what>, got <value>" at `path`.
Error type_error(std::string_view what, const Json& got, std::string path);

// --- Typed readers ----------------------------------------------------------------------
// Each takes the value and its path; `path` is copied into the error on failure.

Result<std::string> read_string(const Json& value, const std::string& path);
Result<uint32_t> read_offset(const Json& value, const std::string& path);  // 0..2^32-1
Result<int64_t> read_int64(const Json& value, const std::string& path);
Result<std::vector<std::string>> read_string_array(const Json& value, const std::string& path);

// The member `key` of `object` (which must be an object), or an error
// "missing field \"key\"" at `path`.
Result<const Json*> require_field(const Json& object, std::string_view key, const std::string& path);

// The member `key`, or nullptr when absent (or when `object` is not an object). A JSON
// null is present: readers then report it as the wrong type.
const Json* find_field(const Json& object, std::string_view key);

// Checks that `value` is an object.
Checked require_object(const Json& value, const std::string& path);

}  // namespace scholion
