// UTF-8 at the edge: validation with the byte offset of the first bad sequence, and the
// few decoding helpers the rest of the core uses on text that is already valid.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/result.hpp"

namespace scholion {

// Checks that `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values
// above U+10FFFF) and no longer than a uint32_t offset can address. On failure the
// message names the byte offset and the offending bytes, e.g.
// "invalid UTF-8 at byte 12: 0xC3 0x28".
Result<std::string_view> validate_utf8(std::string_view bytes);

// Decodes the code point starting at `bytes[i]` and advances `i`. Trusts its input.
char32_t next_code_point(std::string_view bytes, std::size_t& i);

// Number of bytes of the UTF-8 sequence whose lead byte is `lead` (1 for a stray
// continuation byte, which valid text never has).
inline unsigned utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// Decodes valid UTF-8 into code points.
std::u32string to_utf32(std::string_view valid_utf8);

// Encodes code points as UTF-8.
std::string to_utf8(std::u32string_view code_points);

// "U+1F1F7"
std::string format_code_point(char32_t cp);

}  // namespace scholion
