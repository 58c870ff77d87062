// Conversions between the three units a position can arrive in.
//
// Scholion's unit is the Unicode code point (`cp`), the unit of the W3C
// TextPositionSelector. The DOM and JavaScript count UTF-16 code units (`u16`); storage
// and the C++ side hold UTF-8 bytes (`byte`). This is the one place that converts.
//
// The index keeps, for every 64th code point, its byte and UTF-16 offsets. A conversion
// from code points jumps to its checkpoint and walks fewer than 64 code points: O(1).
// A conversion into code points binary-searches the checkpoints first: O(log n).
// Memory: 8 bytes per 64 code points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/result.hpp"

namespace scholion {

class TextOffsets {
 public:
  TextOffsets() = default;
  // `valid_utf8` must have passed validate_utf8; the view must outlive the index.
  explicit TextOffsets(std::string_view valid_utf8);

  uint32_t cp_length() const { return cp_length_; }
  uint32_t u16_length() const { return u16_length_; }
  uint32_t byte_length() const { return static_cast<uint32_t>(text_.size()); }

  // Checked conversions: an offset outside the text, or one that falls inside a UTF-8
  // sequence or a surrogate pair, is an error naming the offset.
  Result<uint32_t> byte_from_cp(uint32_t cp) const;
  Result<uint32_t> u16_from_cp(uint32_t cp) const;
  Result<uint32_t> cp_from_byte(uint32_t byte) const;
  Result<uint32_t> cp_from_u16(uint32_t u16) const;

  // Unchecked conversions for positions the core produced itself (cp <= cp_length()).
  uint32_t byte_at(uint32_t cp) const;
  uint32_t u16_at(uint32_t cp) const;

  // The code points [from, to) as a UTF-8 view (unchecked).
  std::string_view slice(uint32_t from_cp, uint32_t to_cp) const;

 private:
  static constexpr uint32_t kStride = 64;
  struct Checkpoint {
    uint32_t byte;
    uint32_t u16;
  };

  std::string_view text_;
  std::vector<Checkpoint> checkpoints_;  // checkpoints_[k] is code point k * kStride
  uint32_t cp_length_ = 0;
  uint32_t u16_length_ = 0;
};

}  // namespace scholion
