// The selectors that re-find an annotation: a W3C TextQuoteSelector (the exact text with
// some context either side) and a TextPositionSelector, in code points.
//
// Every quote the core records is built here, with kQuoteContext code points of context,
// so a quote made by the reader, by an importer and by re-anchoring reads the same.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/annotation.hpp"
#include "core/text/code_point_range.hpp"
#include "core/text/text_offsets.hpp"

namespace scholion {

// Context recorded on each side of a quote, in code points (what Hypothesis records).
inline constexpr uint32_t kQuoteContext = 32;

// The selectors found for one annotation (by an importer, or described from a text).
struct FoundSelectors {
  std::optional<TextQuote> quote;
  std::optional<CodePointRange> position;  // code points
  std::string position_path;               // JSON path of the position, for errors
};

// The quote of `range` with up to kQuoteContext code points of prefix and suffix, cut at
// the text's edges. Trusts the range (start <= end <= length); does not snap it (see
// describe() in anchoring.hpp, which snaps to grapheme clusters first).
TextQuote quote_at(std::u32string_view text, CodePointRange range);
TextQuote quote_at(const TextOffsets& text, CodePointRange range);

}  // namespace scholion
