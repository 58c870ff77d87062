// Random access to the code points of a text, for the segmentation algorithms
// (grapheme_clusters.cpp, word_boundaries.cpp), which are written once over this
// interface and run on both representations the core holds:
//   - Utf32Text: a std::u32string_view, trivially;
//   - Utf8Text: UTF-8 with its TextOffsets index. It keeps a cursor at the last code
//     point read, because segmentation reads neighbours: a step of a few code points
//     is a decode or two, and only a far jump goes through the index.
// Internal to the core: positions are trusted (cp < size()).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "core/text/text_offsets.hpp"
#include "core/text/utf8.hpp"

namespace scholion::detail {

class Utf32Text {
 public:
  explicit Utf32Text(std::u32string_view text) : text_(text) {}
  uint32_t size() const { return static_cast<uint32_t>(text_.size()); }
  char32_t at(uint32_t cp) const { return text_[cp]; }

 private:
  std::u32string_view text_;
};

class Utf8Text {
 public:
  explicit Utf8Text(const TextOffsets& offsets)
      // Why the test: a default-constructed index has no checkpoint to slice from.
      : offsets_(offsets),
        bytes_(offsets.cp_length() ? offsets.slice(0, offsets.cp_length()) : std::string_view{}) {}
  uint32_t size() const { return offsets_.cp_length(); }

  char32_t at(uint32_t cp) const {
    seek(cp);
    std::size_t i = byte_;
    return next_code_point(bytes_, i);
  }

 private:
  // Why 16: beyond it the index (one checkpoint per 64 code points) is as quick.
  static constexpr uint32_t kWalkLimit = 16;

  void seek(uint32_t cp) const {
    if (cp > cp_ ? cp - cp_ > kWalkLimit : cp_ - cp > kWalkLimit) {
      byte_ = offsets_.byte_at(cp);
      cp_ = cp;
      return;
    }
    for (; cp_ < cp; ++cp_) byte_ += utf8_sequence_length(static_cast<unsigned char>(bytes_[byte_]));
    for (; cp_ > cp; --cp_) {
      do --byte_;
      while ((static_cast<unsigned char>(bytes_[byte_]) & 0xC0) == 0x80);
    }
  }

  const TextOffsets& offsets_;
  std::string_view bytes_;
  mutable uint32_t cp_ = 0;    // the cursor: a code point...
  mutable uint32_t byte_ = 0;  // ...and where its UTF-8 sequence starts
};

// Boundary walks shared by the segmentations (grapheme clusters, words). `inside(text,
// p)` says whether 0 < p < size is a boundary; the text's ends always are.
template <class Text, class Inside>
bool is_boundary_by(const Text& text, uint32_t cp, Inside inside) {
  const uint32_t n = text.size();
  if (cp > n) return false;
  if (cp == 0 || cp == n) return true;
  return inside(text, cp);
}

template <class Text, class Inside>
uint32_t next_boundary_by(const Text& text, uint32_t cp, Inside inside) {
  const uint32_t n = text.size();
  if (cp >= n) return n;
  uint32_t p = cp + 1;
  while (p < n && !inside(text, p)) ++p;
  return p;
}

template <class Text, class Inside>
uint32_t prev_boundary_by(const Text& text, uint32_t cp, Inside inside) {
  uint32_t p = std::min(cp, text.size());
  if (p == 0) return 0;
  --p;
  while (p > 0 && !inside(text, p)) --p;
  return p;
}

}  // namespace scholion::detail
