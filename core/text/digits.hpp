// Integers as text for dates, code points and byte dumps, without the C library's printf
// family: std::to_chars, with the leading zeros printf's "%04u" or "%02X" would write.
// The core never calls printf, so it formats the same natively and in the wasm build.
#pragma once

#include <cstdint>
#include <string>

namespace scholion {

// Appends `value` in base 10 or 16 (upper-case digits, as "%X"), with leading zeros up to
// `min_digits` digits: append_digits(s, 7, 2) appends "07", append_digits(s, 200, 2, 16) "C8".
void append_digits(std::string& out, uint64_t value, unsigned min_digits = 1, int base = 10);

}  // namespace scholion
