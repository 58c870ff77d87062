// Timestamps as ISO 8601 / xsd:dateTime text, the form W3C and Hypothesis JSON use.
//
// Scholion keeps times as milliseconds since the Unix epoch, UTC (Timestamp). Written
// times are UTC with a "Z": "2024-05-01T09:30:00Z", or "2024-05-01T09:30:00.250Z" when
// the milliseconds are not zero, so a time survives a round trip exactly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/result.hpp"

namespace scholion {

// Years 0000..9999 only (what xsd:dateTime without a sign or extra digits covers).
std::string format_iso8601(int64_t ms_since_epoch);

// Reads "YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm|±hhmm]". A time without a zone is read
// as UTC (xsd:dateTime allows it; the W3C model only says it SHOULD carry one). Digits
// beyond milliseconds are truncated (Hypothesis writes microseconds). The error names
// the text: "\"yesterday\" is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ssZ)".
Result<int64_t> parse_iso8601(std::string_view text);

}  // namespace scholion
