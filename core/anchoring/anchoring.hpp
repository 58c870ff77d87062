// Anchoring: re-finding a stored annotation in a text that may have changed since.
//
// Positions are Unicode code points into the text (the W3C TextPositionSelector unit).
// An annotation is re-found from its selectors, in this order (DESIGN.md, "Anchoring"):
//
//   1. position  the TextPositionSelector still holds the quote's exact text;
//   2. exact     the quote occurs verbatim; several occurrences are ranked by how well
//                their prefix and suffix match the recorded context and by their
//                distance from the recorded position;
//   3. fuzzy     approximate search with a bounded edit budget (approximate_search.hpp),
//                candidates scored on quote similarity, context similarity and position
//                (anchor_scoring.hpp);
//   4. orphan    nothing scores at least the threshold, or another candidate rivals the
//                best (equal evidence, a conflicting claim, or the quote's exact words
//                elsewhere against an edited look-alike): the annotation is kept with its
//                quote, and placed nowhere.
//
// A wrong anchor is worse than an orphan (DESIGN.md): every anchored result carries a
// score in [0, 1] at or above AnchorOptions::threshold, and an ambiguous match is an
// orphan, never a guess. Anchored ranges are snapped to grapheme clusters.
//
// A known edit made by the core itself needs no search: StepMap (step_map.hpp) maps
// positions through it exactly and reports deletion; map_anchor() below uses it.
//
// Values are immutable once built; AnchorText is cheap to copy (shared storage).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/annotation.hpp"
#include "core/model/document.hpp"
#include "core/anchoring/selectors.hpp"
#include "core/text/result.hpp"
#include "core/model/step_map.hpp"

namespace scholion {

namespace detail {
class GramIndex;
}

// The minimum score for an anchor (how scores are made: anchor_scoring.hpp). Why 0.75:
// a quote with 10 % of its characters changed and its context intact scores ~0.93, a
// verbatim quote whose context on one side was replaced (a paragraph inserted next to
// it) ~0.8 when it is long enough to carry itself, and a look-alike among other text
// ~0.5-0.7. Over twelve seeds of the edit simulation (tests/unit/
// anchoring_simulation_test.cpp, 36,720 annotations): 0.7 gave 13 wrong anchors and
// 99.0 % recall, 0.75 gave 6 and 98.7 %, 0.8 gave 4 and 98.2 %. The wrong ones left at
// 0.75 are all duplicated text that no selector can tell apart (a boilerplate paragraph
// whose annotated copy was cut while another stays; a sentence repeated as a pull quote
// while the original was edited and moved); the committed seed has none.
inline constexpr double kAnchorThreshold = 0.75;

// The text anchoring works on: its code points, decoded once. Build one per version of a
// document and reuse it for all of that document's annotations.
class AnchorText {
 public:
  AnchorText();  // the empty text
  explicit AnchorText(const Document& document);
  explicit AnchorText(std::u32string code_points);
  // Validates UTF-8 (the error names the bad byte). A leading BOM is kept: strip it first.
  static Result<AnchorText> from_utf8(std::string_view utf8);

  std::u32string_view code_points() const { return view_; }
  uint32_t length() const { return static_cast<uint32_t>(view_.size()); }
  std::string slice(uint32_t start, uint32_t end) const;  // UTF-8 of [start, end), clamped

  // Internal to the core: the index of the text's 4-code-point grams, built on first use
  // (O(n), about 9 bytes per code point) and shared by copies. Thread-safe.
  const detail::GramIndex& gram_index() const;

 private:
  struct Shared;
  std::shared_ptr<const Shared> shared_;
  std::u32string_view view_;  // into shared_'s text
};

// --- Describe ------------------------------------------------------------------------

// The selectors for [start, end): a TextQuoteSelector (the exact text, plus up to
// kQuoteContext code points of prefix and suffix, cut at the text's edges) and the
// TextPositionSelector. The range is first snapped outward to grapheme clusters, so the
// returned position may be wider than asked. Both fields are always set.
// Errors: start > end, or end beyond the text (the message names the offsets).
Result<FoundSelectors> describe(const AnchorText& text, uint32_t start, uint32_t end);
Result<FoundSelectors> describe(const Document& document, uint32_t start, uint32_t end);

// An annotation's stored target as selectors: its quote (when its exact text is not
// empty) and its start/end as the position.
FoundSelectors selectors_of(const Annotation& annotation);

// --- Anchor --------------------------------------------------------------------------

enum class AnchorStatus : uint8_t { anchored, orphan };
enum class AnchorMethod : uint8_t {
  none,      // orphans
  position,  // the recorded position holds the quote (or no quote was recorded)
  exact,     // the quote found verbatim elsewhere
  fuzzy,     // the quote found approximately
  mapped,    // mapped through a known edit (map_anchor)
};
// Why an annotation is an orphan.
enum class OrphanReason : uint8_t {
  none,             // anchored
  no_selectors,     // neither a quote nor a position
  out_of_range,     // position only, and it does not fit the text
  not_found,        // no candidate within the edit budget
  below_threshold,  // the best candidate scored under the threshold
  ambiguous,        // another candidate rivals the best (anchor_scoring.hpp)
  deleted,          // mapped through an edit that removed the text
};

std::string_view anchor_status_name(AnchorStatus status);  // "anchored", "orphan"
std::string_view anchor_method_name(AnchorMethod method);  // "none", "position", "exact", "fuzzy", "mapped"
std::string_view orphan_reason_name(OrphanReason reason);  // "none", "no_selectors", ...

struct AnchorOptions {
  double threshold = kAnchorThreshold;  // minimum score to anchor
  // Edit budget of the fuzzy search, as a fraction of the quote's length in code points,
  // rounded down: quotes too short for one edit (under 5 code points) are matched
  // verbatim only. Candidates with more edits are never considered. Quotes longer than
  // 4,096 code points are matched by position and verbatim only.
  // Why 0.2: twice the 10 % of changed characters that must still anchor; beyond it an
  // alignment starts borrowing letters from the surrounding words.
  double max_error_rate = 0.2;
  bool fuzzy = true;  // false: position and exact only (Apache Annotator's behaviour)
};

struct AnchorResult {
  AnchorStatus status = AnchorStatus::orphan;
  uint32_t start = 0;  // code points; 0 for orphans
  uint32_t end = 0;
  double score = 0;    // anchored: >= threshold; orphan: the best rejected score, or 0
  AnchorMethod method = AnchorMethod::none;
  OrphanReason reason = OrphanReason::none;
  std::string text;    // the anchored text (UTF-8), to show what moved; empty for orphans

  bool anchored() const { return status == AnchorStatus::anchored; }
};

// Re-finds `selectors` in `text` (see the order above). Never fails: what cannot be
// placed is an orphan, with its reason.
AnchorResult anchor(const FoundSelectors& selectors, const AnchorText& text, const AnchorOptions& options = {});
// Convenience: decodes the document's text first (O(n)); for several annotations build
// one AnchorText instead.
AnchorResult anchor(const FoundSelectors& selectors, const Document& document, const AnchorOptions& options = {});

// Anchors selectors written by another program (an imported file): as written first.
// Its text may keep whitespace the document collapsed (Hypothesis records a page's raw
// textContent), so failing that, the quote and its context are searched with every run
// of ASCII whitespace as one space; and its position counts in that other text, so it is
// a hint only: when the quote does not anchor near it, the quote is tried alone.
AnchorResult anchor_foreign(FoundSelectors selectors, const AnchorText& text, const AnchorOptions& options = {});

// Every verbatim occurrence of `exact` in `text`, overlapping ones included, in text
// order, as [start, end) code point ranges (what Apache Annotator's matcher yields).
// An empty `exact` matches nowhere.
std::vector<CodePointRange> find_exact(std::u32string_view text, std::u32string_view exact);

// --- Known edits -------------------------------------------------------------------------

// The annotation range [start, end) mapped through `map` (the edit that turned the old
// text into `new_text`): exact, no search. Text inserted at either edge stays outside
// the range. If every code point of the range was deleted the result is an orphan with
// reason `deleted`; otherwise it is anchored with method `mapped`, score 1, snapped to
// grapheme clusters of `new_text`.
AnchorResult map_anchor(const CodePointRange& range, const StepMap& map, const AnchorText& new_text);
AnchorResult map_anchor(const CodePointRange& range, const Mapping& mapping, const AnchorText& new_text);

}  // namespace scholion
