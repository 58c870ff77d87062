// Peer conformance as data: every selector case of Apache Annotator and every
// match-quote case of Hypothesis, run against our engine.
//
// The peers' semantics differ from ours in known ways, and where they do the test
// asserts our behaviour and says why:
//   - Apache Annotator's matcher yields *every* range whose exact text and (verbatim)
//     prefix/suffix fit. Ours returns one anchor or an orphan. find_exact() is the
//     all-occurrences primitive and is checked against Apache's lists directly; anchor()
//     is checked to agree where Apache finds one range, and to refuse (ambiguous) where
//     it finds several indistinguishable ones.
//   - Hypothesis accepts its best candidate whatever the score. We refuse candidates
//     under kAnchorThreshold and ambiguous ones; see each case.
// Offsets in the data are UTF-16 code units (units: "utf16"); they are converted to code
// points at the edge, as the product does.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/anchoring/anchoring.hpp"
#include "core/text/text_offsets.hpp"
#include "core/text/utf8.hpp"
#include "test_support.hpp"

namespace scholion {
namespace {

using nlohmann::json;

json load(const std::string& relative) {
  return json::parse(test::read_file(test::shared_dir() / "conformance" / relative));
}

// A text with its UTF-16 <-> code point conversions.
struct Text {
  std::string utf8;
  TextOffsets offsets;
  AnchorText anchor_text;

  explicit Text(std::string s) : utf8(std::move(s)), offsets(utf8), anchor_text(to_utf32(utf8)) {}
  Text(const Text&) = delete;

  uint32_t cp(uint32_t u16) const { return offsets.cp_from_u16(u16).value(); }
  uint32_t u16(uint32_t cp) const { return offsets.u16_at(cp); }
};

std::string get(const json& object, const char* key) {
  return object.contains(key) ? object.at(key).get<std::string>() : std::string();
}

// A scope is a slice of the text: matching sees only it. Returns the slice and its start
// (in code points).
std::pair<std::string, uint32_t> scoped(const Text& text, const json& c) {
  if (!c.contains("scope")) return {text.utf8, 0};
  const uint32_t from = text.cp(c.at("scope")[0].get<uint32_t>());
  const uint32_t to = text.cp(c.at("scope")[1].get<uint32_t>());
  return {std::string(text.offsets.slice(from, to)), from};
}

// --- Apache Annotator -------------------------------------------------------------------

void check_quote_match(const json& c) {
  SCOPED_TRACE(c.at("name").get<std::string>());
  ASSERT_EQ(c.at("units"), "utf16");
  const Text text(c.at("text").get<std::string>());
  const auto [slice, base] = scoped(text, c);
  const Text scope(slice);
  const json& sel = c.at("selector");
  const std::string exact = get(sel, "exact");
  const std::string prefix = get(sel, "prefix");
  const std::string suffix = get(sel, "suffix");
  std::vector<std::pair<uint32_t, uint32_t>> expected;  // in code points of the whole text
  for (const json& r : c.at("expected")) expected.emplace_back(text.cp(r[0]), text.cp(r[1]));

  if (exact.empty()) {
    // Apache matches an empty quote at every position its context allows. An empty
    // quote says nothing to find, so for us it is position-only, and without a
    // position an orphan.
    FoundSelectors s;
    s.quote = TextQuote{exact, prefix, suffix};
    const AnchorResult r = anchor(s, scope.anchor_text);
    EXPECT_EQ(r.reason, OrphanReason::no_selectors);
    return;
  }

  if (prefix.empty() && suffix.empty()) {
    // Without context Apache's list is every verbatim occurrence: find_exact's job.
    std::vector<std::pair<uint32_t, uint32_t>> found;
    for (const CodePointRange& r : find_exact(scope.anchor_text.code_points(), to_utf32(exact))) {
      found.emplace_back(base + r.start, base + r.end);
    }
    EXPECT_EQ(found, expected);
  }

  FoundSelectors s;
  s.quote = TextQuote{exact, prefix, suffix};
  const AnchorResult r = anchor(s, scope.anchor_text);
  const bool occurs = !find_exact(scope.anchor_text.code_points(), to_utf32(exact)).empty();
  if (expected.size() == 1) {
    ASSERT_TRUE(r.anchored()) << orphan_reason_name(r.reason) << " " << r.score;
    EXPECT_EQ(base + r.start, expected[0].first);
    EXPECT_EQ(base + r.end, expected[0].second);
  } else if (expected.size() > 1) {
    // Several places that the selector cannot tell apart: we do not pick one.
    EXPECT_EQ(r.reason, OrphanReason::ambiguous);
  } else if (!occurs) {
    // Not there verbatim. Apache matches exactly only, and so do we with fuzzy search
    // off. With it on, a quote cut short by the scope ("dolor am" where the scope ends
    // after "dolor a") is found approximately, as an edit would be; text that is not
    // there at all is not.
    AnchorOptions exact_only;
    exact_only.fuzzy = false;
    EXPECT_FALSE(anchor(s, scope.anchor_text, exact_only).anchored());
    const std::string name = c.at("name");
    if (name == "ignores quote extending just beyond scope" || name == "ignores quote starting just before scope") {
      ASSERT_TRUE(r.anchored());
      EXPECT_EQ(r.method, AnchorMethod::fuzzy);
      EXPECT_LT(r.score, 1.0);
    } else {
      EXPECT_FALSE(r.anchored()) << name;
    }
  } else {
    // The quote occurs but Apache rejects its context because it is not verbatim. We
    // score context by similarity: a context that still runs on from the quote for
    // most of its length ("oopsum " for "ipsum ", " amot" for " amet") is an edited
    // context, and the quote anchors; one that contradicts it at once ("a" where " amet"
    // follows) does not.
    const std::string name = c.at("name");
    if (name == "with suffix, no matches due to whitespace") {
      EXPECT_EQ(r.reason, OrphanReason::below_threshold);
    } else {
      EXPECT_TRUE(r.anchored()) << name;
    }
  }
}

TEST(ApacheAnnotatorConformance, TextQuoteMatch) {
  const json cases = load("apache-annotator/text-quote-match.json");
  ASSERT_EQ(cases.size(), 25u);
  for (const json& c : cases) check_quote_match(c);
}

TEST(ApacheAnnotatorConformance, TextQuoteMatchScoped) {
  const json cases = load("apache-annotator/text-quote-match-scoped.json");
  ASSERT_EQ(cases.size(), 7u);
  for (const json& c : cases) check_quote_match(c);
}

void check_position_match(const json& c) {
  SCOPED_TRACE(c.at("name").get<std::string>());
  const Text text(c.at("text").get<std::string>());
  const auto [slice, base] = scoped(text, c);
  const Text scope(slice);
  // selectorUnits: code points (relative to the scope's start in the scoped file).
  FoundSelectors s;
  s.position = CodePointRange{c.at("selector").at("start").get<uint32_t>(), c.at("selector").at("end").get<uint32_t>()};
  const AnchorResult r = anchor(s, scope.anchor_text);
  ASSERT_TRUE(r.anchored());
  EXPECT_EQ(r.method, AnchorMethod::position);
  const json& expected = c.at("expected")[0];
  EXPECT_EQ(text.u16(base + r.start), expected[0].get<uint32_t>());
  EXPECT_EQ(text.u16(base + r.end), expected[1].get<uint32_t>());
}

TEST(ApacheAnnotatorConformance, TextPositionMatch) {
  const json cases = load("apache-annotator/text-position-match.json");
  ASSERT_EQ(cases.size(), 7u);
  for (const json& c : cases) check_position_match(c);
}

TEST(ApacheAnnotatorConformance, TextPositionMatchScoped) {
  const json cases = load("apache-annotator/text-position-match-scoped.json");
  ASSERT_EQ(cases.size(), 4u);
  for (const json& c : cases) check_position_match(c);
}

// Apache's describe finds the least context that makes a quote unique (options tune
// it); ours always records 32 code points either side (what Hypothesis records), which
// survives edits better. So: our quote is the same text, Apache's context is contained
// in ours (or ours in Apache's, when it records more), and our selectors anchor back to
// exactly the range.
TEST(ApacheAnnotatorConformance, TextQuoteDescribe) {
  const json cases = load("apache-annotator/text-quote-describe.json");
  ASSERT_EQ(cases.size(), 26u);
  for (const json& c : cases) {
    SCOPED_TRACE(c.at("name").get<std::string>());
    const Text text(c.at("text").get<std::string>());
    const auto [slice, base] = scoped(text, c);
    const Text scope(slice);
    // A range reaching outside the scope is cut to it, as Apache does.
    const uint32_t scope_end = base + scope.anchor_text.length();
    const uint32_t start = std::clamp(text.cp(c.at("range")[0]), base, scope_end) - base;
    const uint32_t end = std::clamp(text.cp(c.at("range")[1]), base, scope_end) - base;
    const Result<FoundSelectors> s = describe(scope.anchor_text, start, end);
    ASSERT_TRUE(s.ok());
    const json& expected = c.at("expected");
    EXPECT_EQ(s->quote->exact, get(expected, "exact"));
    const std::string their_prefix = get(expected, "prefix");
    const std::string their_suffix = get(expected, "suffix");
    const std::string& our_prefix = s->quote->prefix;
    const std::string& our_suffix = s->quote->suffix;
    if (their_prefix.size() <= our_prefix.size()) {
      EXPECT_TRUE(our_prefix.ends_with(their_prefix)) << our_prefix;
    } else {
      EXPECT_TRUE(their_prefix.ends_with(our_prefix));
    }
    if (their_suffix.size() <= our_suffix.size()) {
      EXPECT_TRUE(our_suffix.starts_with(their_suffix)) << our_suffix;
    } else {
      EXPECT_TRUE(their_suffix.starts_with(our_suffix)) << their_suffix;
    }
    const AnchorResult r = anchor(*s, scope.anchor_text);
    ASSERT_TRUE(r.anchored());
    EXPECT_EQ(r.start, start);
    EXPECT_EQ(r.end, end);
    EXPECT_EQ(r.method, AnchorMethod::position);
  }
}

// --- Hypothesis ---------------------------------------------------------------------------

struct HypothesisCase {
  std::string text;
  FoundSelectors selectors;
};

// match-quote.json's "context" {prefix, suffix, hint} as our selectors; `hint` (UTF-16)
// is the recorded start.
FoundSelectors hypothesis_selectors(const Text& text, const std::string& quote, const json& context) {
  FoundSelectors s;
  s.quote = TextQuote{quote, get(context, "prefix"), get(context, "suffix")};
  if (context.contains("hint")) {
    const uint32_t start = text.cp(context.at("hint").get<uint32_t>());
    s.position = CodePointRange{start, start + static_cast<uint32_t>(to_utf32(quote).size())};
  }
  return s;
}

std::string text_of(const json& file, const json& name) {
  const std::string key = name.get<std::string>();
  return file.at("texts").contains(key) ? file.at("texts").at(key).get<std::string>() : key;
}

void check_match_quote(const json& file, const json& c) {
  const std::string id = c.at("id");
  SCOPED_TRACE(id);
  const Text text(text_of(file, c.at("text")));
  const json context = c.contains("context") ? c.at("context") : json::object();
  const FoundSelectors selectors = hypothesis_selectors(text, c.at("quote"), context);
  const AnchorResult r = anchor(selectors, text.anchor_text);
  const json& expect = c.at("expect");

  if (id == "no-hint-first") {
    // Hypothesis takes the first of two equally good fuzzy matches of "befor us" when
    // nothing else tells them apart. A coin toss is a wrong anchor half the time: we
    // refuse it.
    EXPECT_EQ(r.reason, OrphanReason::ambiguous);
    return;
  }
  if (id == "prefix-longer-than-start" || id == "match-at-end-with-suffix") {
    // The recorded context contradicts the only occurrence: "It used to be many" is
    // not what precedes "years later" (only "Many " is there, capitalised), and
    // "missing" does not follow "text" (the text ends). Hypothesis accepts the quote
    // anyway. A short quote in surroundings that are not its own is how an annotation
    // lands on a look-alike, so we leave it an orphan, reporting the score it missed by.
    EXPECT_EQ(r.reason, OrphanReason::below_threshold);
    EXPECT_GT(r.score, 0.0);
    return;
  }
  if (id == "approx-no-exact") {
    // "some years later" for "Many years later": 4 of 16 code points differ, beyond our
    // edit budget (20 %), and no context or position confirms the place. Hypothesis
    // takes its best candidate at any score; we do not look that far.
    EXPECT_EQ(r.reason, OrphanReason::not_found);
    return;
  }
  if (id.rfind("best-context-", 0) == 0 && !r.anchored()) {
    // Two verbatim occurrences told apart by a few code points of context that is not
    // adjacent to the quote (these vectors drop the space between them) and, in some,
    // garbled ("we had nout", "nutting", "ever ting"). Our context evidence reads outward
    // from the quote's edge, so such a context counts as partly missing, and a 6- to
    // 9-code-point quote with little agreeing context is too little to move an
    // annotation on. With a lower threshold we never pick the other occurrence.
    EXPECT_TRUE(r.reason == OrphanReason::below_threshold || r.reason == OrphanReason::ambiguous);
    AnchorOptions lenient;
    lenient.threshold = 0.5;
    const AnchorResult loose = anchor(selectors, text.anchor_text, lenient);
    if (loose.anchored()) {
      EXPECT_EQ(text.u16(loose.start), expect.at("start").get<uint32_t>());
    }
    return;
  }
  if (expect.contains("null")) {
    EXPECT_FALSE(r.anchored());
    return;
  }
  ASSERT_TRUE(r.anchored()) << orphan_reason_name(r.reason) << " " << r.score;
  if (expect.contains("matched_text")) {
    EXPECT_EQ(r.text, expect.at("matched_text").get<std::string>());
  }
  if (expect.contains("start")) {
    EXPECT_EQ(text.u16(r.start), expect.at("start").get<uint32_t>());
  }
  if (expect.contains("score_eq")) {
    EXPECT_EQ(r.score, expect.at("score_eq").get<double>());
  }
  if (expect.contains("score_lt")) {
    EXPECT_LT(r.score, expect.at("score_lt").get<double>());
  }
  if (expect.contains("score_gt")) {
    EXPECT_GT(r.score, expect.at("score_gt").get<double>());
  }
}

TEST(HypothesisConformance, MatchQuote) {
  const json file = load("hypothesis/match-quote.json");
  ASSERT_EQ(file.at("cases").size(), 18u);
  for (const json& c : file.at("cases")) check_match_quote(file, c);
}

// Each ordering varies one selector part; the scores must fall strictly in the given
// order (an orphan's score is the best it was refused at). The quote variants go up to
// 7 edits in 16 code points, so the edit budget is widened to 50 % for them to be scored
// at all (by default the last two are out of reach: orphans with nothing to score).
TEST(HypothesisConformance, ScoreOrderings) {
  const json file = load("hypothesis/match-quote.json");
  ASSERT_EQ(file.at("orderings").size(), 3u);
  for (const json& o : file.at("orderings")) {
    SCOPED_TRACE(o.at("id").get<std::string>());
    const Text text(text_of(file, o.at("text")));
    const std::string vary = o.at("vary");
    double previous = 2;
    for (const json& value : o.at("values_in_descending_score_order")) {
      std::string quote = o.at("quote").is_null() ? std::string() : o.at("quote").get<std::string>();
      json context = json::object();
      if (vary == "quote") quote = value;
      if (vary == "prefix" || vary == "suffix") context[vary] = value;
      AnchorOptions wide;
      wide.max_error_rate = 0.5;
      const AnchorResult r = anchor(hypothesis_selectors(text, quote, context), text.anchor_text, wide);
      EXPECT_LT(r.score, previous) << value;
      previous = r.score;
    }
  }
}

// Our own constructed case: the annotated sentence is edited ("twelve" → "fifteen")
// while an identical sentence about another team still has the old words.
TEST(HypothesisConformance, DerivedEditCases) {
  const json file = load("hypothesis/derived-edit-cases.json");
  for (const json& c : file.at("cases")) {
    const std::string doc = c.at("doc");
    SCOPED_TRACE(doc);
    const Text text(c.at("text").get<std::string>());
    const AnchorResult r = anchor(hypothesis_selectors(text, file.at("quote"), file.at("context")), text.anchor_text);
    if (doc == "original") {
      ASSERT_TRUE(r.anchored());
      EXPECT_EQ(r.method, AnchorMethod::position);
      EXPECT_EQ(text.u16(r.start), c.at("upstream_result").at("start").get<uint32_t>());
    } else if (doc == "alpha_edited") {
      // Hypothesis returns the verbatim quote in the Beta sentence (start 106): exact
      // matches short-circuit its fuzzy search. That moves the note to another team's
      // figure (hypothesis/client#7571). The Alpha sentence has the context and position,
      // the Beta one the words: we do not choose, the annotation is an orphan.
      EXPECT_EQ(r.reason, OrphanReason::ambiguous);
      EXPECT_NE(text.u16(r.start), 106u);
    } else {
      // Both sentences edited: only the Alpha sentence has the recorded context and
      // position, so it is clearly the place; its changed words lower the score.
      ASSERT_TRUE(r.anchored()) << orphan_reason_name(r.reason) << " " << r.score;
      EXPECT_EQ(r.method, AnchorMethod::fuzzy);
      EXPECT_EQ(text.u16(r.start), c.at("upstream_result").at("start").get<uint32_t>());
      EXPECT_EQ(r.text, "cut load times by fifteen percent");
      EXPECT_LT(r.score, 1.0);
    }
  }
}

// Real annotations from Hypothesis's baselines: the stored selectors anchor exactly where
// their position says, in the page's text.
TEST(HypothesisConformance, HtmlBaselines) {
  for (const char* name : {"hypothesis/html-baseline-minimal.json", "hypothesis/html-baseline-wikipedia-regression-testing.json"}) {
    const json file = load(name);
    const Text text(file.at("root_text").get<std::string>());
    for (const json& a : file.at("annotations")) {
      SCOPED_TRACE(a.at("id").get<std::string>());
      FoundSelectors s;
      for (const json& sel : a.at("selectors")) {
        if (sel.at("type") == "TextQuoteSelector") s.quote = TextQuote{get(sel, "exact"), get(sel, "prefix"), get(sel, "suffix")};
        if (sel.at("type") == "TextPositionSelector") {
          s.position = CodePointRange{text.cp(sel.at("start")), text.cp(sel.at("end"))};
        }
      }
      const AnchorResult r = anchor(s, text.anchor_text);
      ASSERT_TRUE(r.anchored());
      EXPECT_EQ(r.method, AnchorMethod::position);
      EXPECT_EQ(r.start, s.position->start);
      EXPECT_EQ(r.end, s.position->end);
      EXPECT_EQ(r.score, 1.0);
    }
  }
}

}  // namespace
}  // namespace scholion
