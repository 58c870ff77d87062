#include "core/anchoring/selectors.hpp"

#include <algorithm>

#include "core/text/utf8.hpp"

namespace scholion {
namespace {

// [start, end) widened by the context on each side, within [0, length).
CodePointRange with_context(uint32_t length, CodePointRange range) {
  return {range.start > kQuoteContext ? range.start - kQuoteContext : 0,
          std::min(length, range.end + std::min(kQuoteContext, length - range.end))};
}

}  // namespace

TextQuote quote_at(std::u32string_view text, CodePointRange range) {
  const CodePointRange outer = with_context(static_cast<uint32_t>(text.size()), range);
  const auto piece = [&](uint32_t from, uint32_t to) { return to_utf8(text.substr(from, to - from)); };
  return TextQuote{piece(range.start, range.end), piece(outer.start, range.start), piece(range.end, outer.end)};
}

TextQuote quote_at(const TextOffsets& text, CodePointRange range) {
  const CodePointRange outer = with_context(text.cp_length(), range);
  return TextQuote{std::string(text.slice(range.start, range.end)), std::string(text.slice(outer.start, range.start)),
                   std::string(text.slice(range.end, outer.end))};
}

}  // namespace scholion
