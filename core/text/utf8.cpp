#include "core/text/utf8.hpp"

#include <limits>

#include <utf8/core.h>
#include <utf8/unchecked.h>

#include "core/text/digits.hpp"

namespace scholion {

Result<std::string_view> validate_utf8(std::string_view bytes) {
  if (bytes.size() >= std::numeric_limits<uint32_t>::max()) {
    return make_error("text of " + std::to_string(bytes.size()) +
                      " bytes is too long (limit 4 GiB)");
  }
  auto bad = utf8::find_invalid(bytes.begin(), bytes.end());
  if (bad == bytes.end()) return bytes;
  const auto offset = static_cast<std::size_t>(bad - bytes.begin());
  std::string shown;
  const std::size_t n = std::min<std::size_t>(utf8_sequence_length(static_cast<unsigned char>(*bad)),
                                              bytes.size() - offset);
  for (std::size_t k = 0; k < std::max<std::size_t>(n, 1); ++k) {
    shown += k ? " 0x" : "0x";
    append_digits(shown, static_cast<unsigned char>(bytes[offset + k]), 2, 16);
  }
  return make_error("invalid UTF-8 at byte " + std::to_string(offset) + ": " + shown);
}

char32_t next_code_point(std::string_view bytes, std::size_t& i) {
  const char* p = bytes.data() + i;
  const char32_t cp = utf8::unchecked::next(p);
  i = static_cast<std::size_t>(p - bytes.data());
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  utf8::unchecked::append(static_cast<uint32_t>(cp), std::back_inserter(out));
}

std::u32string to_utf32(std::string_view valid_utf8) {
  std::u32string out;
  out.reserve(valid_utf8.size());
  utf8::unchecked::utf8to32(valid_utf8.begin(), valid_utf8.end(), std::back_inserter(out));
  return out;
}

std::string to_utf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (char32_t cp : code_points) append_utf8(out, cp);
  return out;
}

std::string format_code_point(char32_t cp) {
  std::string out = "U+";
  append_digits(out, static_cast<uint32_t>(cp), 4, 16);
  return out;
}

}  // namespace scholion
