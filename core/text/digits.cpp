#include "core/text/digits.hpp"

#include <charconv>

namespace scholion {

void append_digits(std::string& out, uint64_t value, unsigned min_digits, int base) {
  char buf[20];  // 2^64 - 1 has 20 decimal digits, 16 hexadecimal ones
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, base);
  const auto length = static_cast<std::size_t>(end - buf);
  if (length < min_digits) out.append(min_digits - length, '0');
  for (const char* p = buf; p != end; ++p) {
    // to_chars writes lower-case letters; the core's messages use "%X"'s upper case.
    out += *p >= 'a' ? static_cast<char>(*p - 'a' + 'A') : *p;
  }
}

}  // namespace scholion
