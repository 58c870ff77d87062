#include "core/text/text_offsets.hpp"

#include <algorithm>

#include "core/text/utf8.hpp"

namespace scholion {
namespace {

unsigned u16_units(unsigned byte_length) { return byte_length == 4 ? 2 : 1; }

}  // namespace

TextOffsets::TextOffsets(std::string_view valid_utf8) : text_(valid_utf8) {
  checkpoints_.reserve(text_.size() / kStride + 1);
  uint32_t byte = 0;
  uint32_t u16 = 0;
  uint32_t cp = 0;
  const auto size = static_cast<uint32_t>(text_.size());
  while (byte < size) {
    if (cp % kStride == 0) checkpoints_.push_back({byte, u16});
    const unsigned n = utf8_sequence_length(static_cast<unsigned char>(text_[byte]));
    byte += n;
    u16 += u16_units(n);
    ++cp;
  }
  if (cp % kStride == 0) checkpoints_.push_back({byte, u16});
  cp_length_ = cp;
  u16_length_ = u16;
}

uint32_t TextOffsets::byte_at(uint32_t cp) const {
  uint32_t byte = checkpoints_[cp / kStride].byte;
  for (uint32_t k = cp % kStride; k > 0; --k) {
    byte += utf8_sequence_length(static_cast<unsigned char>(text_[byte]));
  }
  return byte;
}

uint32_t TextOffsets::u16_at(uint32_t cp) const {
  const Checkpoint& c = checkpoints_[cp / kStride];
  uint32_t byte = c.byte;
  uint32_t u16 = c.u16;
  for (uint32_t k = cp % kStride; k > 0; --k) {
    const unsigned n = utf8_sequence_length(static_cast<unsigned char>(text_[byte]));
    byte += n;
    u16 += u16_units(n);
  }
  return u16;
}

std::string_view TextOffsets::slice(uint32_t from_cp, uint32_t to_cp) const {
  const uint32_t from = byte_at(from_cp);
  return text_.substr(from, byte_at(to_cp) - from);
}

Result<uint32_t> TextOffsets::byte_from_cp(uint32_t cp) const {
  if (cp > cp_length_) {
    return make_error("code point offset " + std::to_string(cp) + " is outside the text (length " +
                      std::to_string(cp_length_) + ")");
  }
  return byte_at(cp);
}

Result<uint32_t> TextOffsets::u16_from_cp(uint32_t cp) const {
  if (cp > cp_length_) {
    return make_error("code point offset " + std::to_string(cp) + " is outside the text (length " +
                      std::to_string(cp_length_) + ")");
  }
  return u16_at(cp);
}

Result<uint32_t> TextOffsets::cp_from_byte(uint32_t byte) const {
  if (byte > text_.size()) {
    return make_error("byte offset " + std::to_string(byte) + " is outside the text (length " +
                      std::to_string(text_.size()) + ")");
  }
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte,
                             [](uint32_t b, const Checkpoint& c) { return b < c.byte; });
  auto k = static_cast<uint32_t>(it - checkpoints_.begin() - 1);
  uint32_t cp = k * kStride;
  uint32_t at = checkpoints_[k].byte;
  while (at < byte) {
    at += utf8_sequence_length(static_cast<unsigned char>(text_[at]));
    ++cp;
  }
  if (at != byte) {
    return make_error("byte offset " + std::to_string(byte) + " is inside a UTF-8 sequence");
  }
  return cp;
}

Result<uint32_t> TextOffsets::cp_from_u16(uint32_t u16) const {
  if (u16 > u16_length_) {
    return make_error("UTF-16 offset " + std::to_string(u16) + " is outside the text (length " +
                      std::to_string(u16_length_) + ")");
  }
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), u16,
                             [](uint32_t u, const Checkpoint& c) { return u < c.u16; });
  auto k = static_cast<uint32_t>(it - checkpoints_.begin() - 1);
  uint32_t cp = k * kStride;
  uint32_t byte = checkpoints_[k].byte;
  uint32_t at = checkpoints_[k].u16;
  while (at < u16) {
    const unsigned n = utf8_sequence_length(static_cast<unsigned char>(text_[byte]));
    byte += n;
    at += u16_units(n);
    ++cp;
  }
  if (at != u16) {
    std::size_t i = byte - 4;
    return make_error("UTF-16 offset " + std::to_string(u16) +
                      " is inside the surrogate pair of " +
                      format_code_point(next_code_point(text_, i)));
  }
  return cp;
}

}  // namespace scholion
