// AnchorText, describe() and the small pieces of the anchoring API around them.
#include <algorithm>
#include <mutex>

#include "core/anchoring/anchoring.hpp"
#include "core/anchoring/gram_index.hpp"
#include "core/text/grapheme_clusters.hpp"
#include "core/text/utf8.hpp"

namespace scholion {

struct AnchorText::Shared {
  std::u32string text;
  mutable std::once_flag index_built;
  mutable std::unique_ptr<detail::GramIndex> index;
};

AnchorText::AnchorText() : AnchorText(std::u32string()) {}

AnchorText::AnchorText(const Document& document) : AnchorText(to_utf32(document.text())) {}

AnchorText::AnchorText(std::u32string code_points) {
  auto shared = std::make_shared<Shared>();
  shared->text = std::move(code_points);
  view_ = shared->text;
  shared_ = std::move(shared);
}

Result<AnchorText> AnchorText::from_utf8(std::string_view utf8) {
  const Result<std::string_view> valid = validate_utf8(utf8);
  if (!valid) return valid.error();
  return AnchorText(to_utf32(utf8));
}

std::string AnchorText::slice(uint32_t start, uint32_t end) const {
  end = std::min(end, length());
  start = std::min(start, end);
  return to_utf8(view_.substr(start, end - start));
}

const detail::GramIndex& AnchorText::gram_index() const {
  const Shared& shared = *shared_;
  std::call_once(shared.index_built, [&shared] { shared.index = std::make_unique<detail::GramIndex>(shared.text); });
  return *shared.index;
}

namespace {

// Why [start, end) cannot be described in a text of `length` code points, if it cannot.
std::optional<Error> range_error(uint32_t start, uint32_t end, uint32_t length) {
  if (start > end) {
    return make_error("reversed range: start " + std::to_string(start) + " is after end " + std::to_string(end));
  }
  if (end > length) {
    return make_error("range " + std::to_string(start) + ".." + std::to_string(end) +
                      " is outside the text (length " + std::to_string(length) + ")");
  }
  return std::nullopt;
}

}  // namespace

Result<FoundSelectors> describe(const AnchorText& text, uint32_t start, uint32_t end) {
  if (auto bad = range_error(start, end, text.length())) return *bad;
  const CodePointRange r = snap_to_graphemes(text.code_points(), start, end);
  return FoundSelectors{quote_at(text.code_points(), r), r, {}};
}

Result<FoundSelectors> describe(const Document& document, uint32_t start, uint32_t end) {
  const TextOffsets& offsets = document.offsets();
  if (auto bad = range_error(start, end, offsets.cp_length())) return *bad;
  const CodePointRange r = snap_to_graphemes(offsets, start, end);
  return FoundSelectors{quote_at(offsets, r), r, {}};
}

namespace {

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    const bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (ws && space) continue;
    out += ws ? ' ' : c;
    space = ws;
  }
  return out;
}

}  // namespace

AnchorResult anchor_foreign(FoundSelectors selectors, const AnchorText& text, const AnchorOptions& options) {
  AnchorResult r = anchor(selectors, text, options);
  if (r.anchored()) return r;
  if (TextQuote* q = selectors.quote ? &*selectors.quote : nullptr) {
    TextQuote collapsed{collapse_whitespace(q->exact), collapse_whitespace(q->prefix), collapse_whitespace(q->suffix)};
    if (collapsed != *q) {
      *q = std::move(collapsed);
      r = anchor(selectors, text, options);
      if (r.anchored()) return r;
    }
    if (selectors.position) {
      selectors.position.reset();
      r = anchor(selectors, text, options);
    }
  }
  return r;
}

FoundSelectors selectors_of(const Annotation& annotation) {
  FoundSelectors out;
  if (!annotation.quote.exact.empty()) out.quote = annotation.quote;
  out.position = CodePointRange{annotation.start, annotation.end};
  return out;
}

std::vector<CodePointRange> find_exact(std::u32string_view text, std::u32string_view exact) {
  std::vector<CodePointRange> out;
  if (exact.empty()) return out;
  for (std::size_t at = text.find(exact); at != std::u32string_view::npos; at = text.find(exact, at + 1)) {
    out.push_back(CodePointRange{static_cast<uint32_t>(at), static_cast<uint32_t>(at + exact.size())});
  }
  return out;
}

std::string_view anchor_status_name(AnchorStatus status) {
  return status == AnchorStatus::anchored ? "anchored" : "orphan";
}

std::string_view anchor_method_name(AnchorMethod method) {
  switch (method) {
    case AnchorMethod::none: return "none";
    case AnchorMethod::position: return "position";
    case AnchorMethod::exact: return "exact";
    case AnchorMethod::fuzzy: return "fuzzy";
    case AnchorMethod::mapped: return "mapped";
  }
  return "none";
}

std::string_view orphan_reason_name(OrphanReason reason) {
  switch (reason) {
    case OrphanReason::none: return "none";
    case OrphanReason::no_selectors: return "no_selectors";
    case OrphanReason::out_of_range: return "out_of_range";
    case OrphanReason::not_found: return "not_found";
    case OrphanReason::below_threshold: return "below_threshold";
    case OrphanReason::ambiguous: return "ambiguous";
    case OrphanReason::deleted: return "deleted";
  }
  return "none";
}

}  // namespace scholion
