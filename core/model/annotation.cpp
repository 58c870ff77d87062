#include "core/model/annotation.hpp"

namespace scholion {
namespace {

constexpr std::array<std::string_view, kPalette.size()> kColorNames = {"yellow", "green", "blue",
                                                                      "pink", "purple"};

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

std::string_view color_name(Color color) {
  const auto i = static_cast<std::size_t>(color);
  // why: a Color can hold any uint8_t after a cast; never index past the table.
  return i < kColorNames.size() ? kColorNames[i] : std::string_view{};
}

std::optional<Color> color_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kColorNames.size(); ++i) {
    if (kColorNames[i] == name) return kPalette[i];
  }
  return std::nullopt;
}

std::string make_uuid_v4(const RandomSource& random) {
  std::array<uint8_t, 16> bytes{};
  for (std::size_t half = 0; half < 2; ++half) {
    uint64_t bits = random();
    for (std::size_t i = 0; i < 8; ++i) {
      bytes[half * 8 + i] = static_cast<uint8_t>(bits & 0xFF);
      bits >>= 8;
    }
  }
  // RFC 9562: the version nibble is 4, the variant bits are 10.
  bytes[6] = static_cast<uint8_t>((bytes[6] & 0x0F) | 0x40);
  bytes[8] = static_cast<uint8_t>((bytes[8] & 0x3F) | 0x80);

  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0x0F]);
  }
  return out;
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash_here = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_here ? s[i] != '-' : !is_hex_digit(s[i])) return false;
  }
  return true;
}

}  // namespace scholion
