// SHA-256 (FIPS 180-4), for document fingerprints.
#pragma once

#include <string>
#include <string_view>

namespace scholion {

// Lowercase hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace scholion
