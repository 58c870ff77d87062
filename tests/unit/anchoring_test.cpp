// Anchoring, one behaviour per test. Texts are written with the annotated range in
// brackets: an annotation described on "The [quick] brown fox" and anchored in the edited
// text is expected at the brackets there, or to be an orphan.
#include <gtest/gtest.h>

#include <string>

#include "annotation_notation.hpp"
#include "core/anchoring/anchoring.hpp"
#include "core/anchoring/reanchoring.hpp"
#include "core/text/utf8.hpp"

namespace scholion {
namespace {

struct Marked {
  std::u32string text;
  CodePointRange range;  // where the brackets were; {0, 0} if there were none
};

Marked marked(std::u32string_view notation) {
  Marked m;
  for (const char32_t c : notation) {
    if (c == U'[') {
      m.range.start = static_cast<uint32_t>(m.text.size());
    } else if (c == U']') {
      m.range.end = static_cast<uint32_t>(m.text.size());
    } else {
      m.text += c;
    }
  }
  return m;
}

FoundSelectors described(std::u32string_view before) {
  const Marked b = marked(before);
  Result<FoundSelectors> selectors = describe(AnchorText(b.text), b.range.start, b.range.end);
  EXPECT_TRUE(selectors.ok());
  return selectors.value();
}

AnchorResult reanchored(std::u32string_view before, std::u32string_view after) {
  return anchor(described(before), AnchorText(marked(after).text));
}

// The annotation on `before` lands on the brackets of `after`.
void expect_anchor(std::u32string_view before, std::u32string_view after, AnchorMethod method) {
  const AnchorResult r = reanchored(before, after);
  const Marked a = marked(after);
  ASSERT_TRUE(r.anchored()) << "orphan: " << orphan_reason_name(r.reason) << " score " << r.score;
  EXPECT_EQ(r.start, a.range.start);
  EXPECT_EQ(r.end, a.range.end);
  EXPECT_EQ(r.method, method) << anchor_method_name(r.method);
  EXPECT_GE(r.score, kAnchorThreshold);
  EXPECT_LE(r.score, 1.0);
  EXPECT_EQ(r.text, to_utf8(std::u32string_view(a.text).substr(a.range.start, a.range.end - a.range.start)));
}

void expect_orphan(std::u32string_view before, std::u32string_view after, OrphanReason reason) {
  const AnchorResult r = reanchored(before, after);
  EXPECT_EQ(r.status, AnchorStatus::orphan) << "anchored at " << r.start << ".." << r.end << " \"" << r.text
                                            << "\" score " << r.score;
  EXPECT_EQ(r.reason, reason) << orphan_reason_name(r.reason);
  EXPECT_TRUE(r.text.empty());
}

const std::u32string kText =
    U"Officials said on Tuesday that the bridge would reopen in spring. The repairs cost more than "
    U"expected, and the contractor blamed the weather. Residents welcomed the news.";

// --- describe ------------------------------------------------------------------------

TEST(Describe, QuotesTheRangeWith32CodePointsOfContextCutAtTheEdges) {
  const Result<FoundSelectors> s = describe(AnchorText(U"0123456789abcdefghijklmnopqrstuvwxyzABCDEF[quote]xyz"), 43, 48);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->quote->exact, "quote");
  EXPECT_EQ(s->quote->prefix, "bcdefghijklmnopqrstuvwxyzABCDEF[");  // code points 11..43
  EXPECT_EQ(s->quote->suffix, "]xyz");
  EXPECT_EQ(*s->position, (CodePointRange{43, 48}));
  const Result<FoundSelectors> start = describe(AnchorText(U"abc"), 0, 1);
  EXPECT_EQ(start->quote->prefix, "");
  EXPECT_EQ(start->quote->suffix, "bc");
}

TEST(Describe, SnapsOutwardToGraphemeClusters) {
  // A flag is two code points; a range holding half of it takes all of it.
  const Result<FoundSelectors> s = describe(AnchorText(U"a\U0001F1F7\U0001F1F8b"), 1, 2);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s->position, (CodePointRange{1, 3}));
  EXPECT_EQ(s->quote->exact, "\U0001F1F7\U0001F1F8");
}

TEST(Describe, RefusesRangesOutsideTheTextNamingThem) {
  const Result<FoundSelectors> reversed = describe(AnchorText(U"abc"), 2, 1);
  ASSERT_FALSE(reversed.ok());
  EXPECT_NE(reversed.error().message.find("start 2"), std::string::npos);
  const Result<FoundSelectors> outside = describe(AnchorText(U"abc"), 1, 9);
  ASSERT_FALSE(outside.ok());
  EXPECT_NE(outside.error().message.find("1..9"), std::string::npos);
  EXPECT_NE(outside.error().message.find("length 3"), std::string::npos);
}

TEST(Describe, WorksOnDocumentsToo) {
  const Result<Document> doc = Document::make({"id", "T", ""}, {Block{BlockKind::paragraph, 0, "Hello world"}});
  ASSERT_TRUE(doc.ok());
  const Result<FoundSelectors> s = describe(*doc, 6, 11);
  EXPECT_EQ(s->quote->exact, "world");
  EXPECT_EQ(anchor(*s, *doc).start, 6u);
}

TEST(AnchorText, FromUtf8ValidatesAndCountsCodePoints) {
  const Result<AnchorText> ok = AnchorText::from_utf8("h\xC3\xA9llo");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->length(), 5u);
  EXPECT_EQ(ok->slice(1, 2), "\xC3\xA9");
  EXPECT_FALSE(AnchorText::from_utf8("bad \xC3\x28").ok());
}

// --- anchor: the happy paths ------------------------------------------------------------

TEST(Anchor, UnchangedTextAnchorsByPositionWithFullScore) {
  const AnchorResult r = reanchored(U"The [quick] brown fox", U"The quick brown fox");
  ASSERT_TRUE(r.anchored());
  EXPECT_EQ(r.method, AnchorMethod::position);
  EXPECT_EQ(r.score, 1.0);
  EXPECT_EQ(r.text, "quick");
}

TEST(Anchor, ShiftedTextAnchorsExactly) {
  expect_anchor(U"Officials said on Tuesday that the [bridge would reopen in spring]. The repairs",
                U"Officials said late on Tuesday evening that the [bridge would reopen in spring]. The repairs",
                AnchorMethod::exact);
}

TEST(Anchor, ARepeatedQuoteIsToldApartByItsContext) {
  const std::u32string before =
      U"On Monday the council met in the old hall and the [mayor] spoke first about the budget for next year. "
      U"Later that week the mayor spoke again, this time about the schools and the roads.";
  expect_anchor(before,
                U"On Monday morning the council met in the old hall and the [mayor] spoke first about the budget for "
                U"next year. Later that week the mayor spoke again, this time about the schools and the roads.",
                AnchorMethod::exact);
  // The sentence before is cut: the other "mayor" now sits near the recorded position.
  expect_anchor(before,
                U"The council met in the old hall and the [mayor] spoke first about the budget for next year. Later "
                U"that week the mayor spoke again, this time about the schools and the roads.",
                AnchorMethod::exact);
}

TEST(Anchor, ATypoFixedInsideTheQuoteAnchorsFuzzily) {
  expect_anchor(U"The repairs cost more than [expected, and the contractr blamed the weather]. Residents",
                U"The repairs cost more than [expected, and the contractor blamed the weather]. Residents",
                AnchorMethod::fuzzy);
}

TEST(Anchor, AFuzzyResultReturnsTheTextItFound) {
  const AnchorResult r = reanchored(U"It was [the best of tmes], it was the worst of times",
                                    U"It was the best of times, it was the worst of times");
  ASSERT_TRUE(r.anchored());
  EXPECT_EQ(r.text, "the best of times");
  EXPECT_LT(r.score, 1.0);
}

TEST(Anchor, ResultsSnapToGraphemeClusters) {
  // The quote ends with "e"; in the new text a combining accent follows it, and the
  // anchored range takes the whole cluster.
  const AnchorResult r = reanchored(U"They met at a small [cafe] near the station every morning before work.",
                                    U"They met at a small cafe\u0301 near the station every morning before work.");
  ASSERT_TRUE(r.anchored()) << orphan_reason_name(r.reason) << " " << r.score;
  EXPECT_EQ(r.start, 20u);
  EXPECT_EQ(r.end, 25u);
  EXPECT_EQ(r.text, "cafe\xCC\x81");
}

TEST(Anchor, AQuoteWithoutContextOrPositionAnchorsWhereItIsUnique) {
  FoundSelectors s;
  s.quote = TextQuote{"the contractor", "", ""};
  const AnchorResult r = anchor(s, AnchorText(kText));
  ASSERT_TRUE(r.anchored());
  EXPECT_EQ(r.text, "the contractor");
  EXPECT_EQ(r.method, AnchorMethod::exact);
}

TEST(Anchor, APositionWithoutQuoteIsTakenAsWrittenIfItFits) {
  FoundSelectors s;
  s.position = CodePointRange{4, 9};
  const AnchorResult r = anchor(s, AnchorText(U"The quick brown fox"));
  ASSERT_TRUE(r.anchored());
  EXPECT_EQ(r.method, AnchorMethod::position);
  EXPECT_EQ(r.text, "quick");
  s.position = CodePointRange{4, 90};
  EXPECT_EQ(anchor(s, AnchorText(U"The quick brown fox")).reason, OrphanReason::out_of_range);
  EXPECT_EQ(anchor(FoundSelectors{}, AnchorText(U"x")).reason, OrphanReason::no_selectors);
}

// --- anchor: never the wrong place --------------------------------------------------------

TEST(Anchor, ADeletedQuoteIsAnOrphan) {
  expect_orphan(U"Officials said so. [The repairs cost more than expected.] Residents welcomed the news.",
                U"Officials said so. Residents welcomed the news.", OrphanReason::not_found);
}

TEST(Anchor, ADeletedQuoteDoesNotJumpToALookAlike) {
  // The annotated sentence is cut; a similar one elsewhere has different surroundings.
  expect_orphan(U"Intro text here. [The minister said the plan would work.] Then the vote. Much later, "
                U"and to everyone's surprise, the mayor said the plan would work.",
                U"Intro text here. Then the vote. Much later, and to everyone's surprise, the mayor said the "
                U"plan would work.",
                OrphanReason::below_threshold);
}

TEST(Anchor, ADeletedBoilerplateSentenceDoesNotMoveToAnotherCopy) {
  expect_orphan(U"The harbour reopened after the storm. [Subscribe to our newsletter.] Prices at the mill rose "
                U"again this week. Subscribe to our newsletter. A new school opens in May.",
                U"The harbour reopened after the storm. Prices at the mill rose again this week. Subscribe to "
                U"our newsletter. A new school opens in May.",
                OrphanReason::below_threshold);
}

TEST(Anchor, TwoCopiesWithNothingToTellThemApartAreAmbiguous) {
  FoundSelectors s;
  s.quote = TextQuote{"same words", "", ""};
  const AnchorResult r = anchor(s, AnchorText(U"Some same words here. Other same words there."));
  EXPECT_EQ(r.status, AnchorStatus::orphan);
  EXPECT_EQ(r.reason, OrphanReason::ambiguous);
}

TEST(Anchor, AnEditedQuoteWithAnUneditedTwinIsAmbiguous) {
  // One place has the context, the other the exact words: no silent choice.
  expect_orphan(U"Team Alpha said the new release [cut load times by twelve percent] overall. Team Beta said "
                U"the new release cut load times by twelve percent overall.",
                U"Team Alpha said the new release cut load times by fifteen percent overall. Team Beta said the "
                U"new release cut load times by twelve percent overall.",
                OrphanReason::ambiguous);
}

TEST(Anchor, AQuoteRewrittenBeyondTheBudgetIsAnOrphan) {
  expect_orphan(U"He said [the results were very good] today.", U"He said the outcome was quite poor today.",
                OrphanReason::not_found);
}

TEST(Anchor, VeryShortQuotesMatchOnlyVerbatim) {
  expect_orphan(U"A [cat] sat.", U"A cut sat.", OrphanReason::not_found);
}

TEST(Anchor, FuzzyCanBeTurnedOff) {
  AnchorOptions exact_only;
  exact_only.fuzzy = false;
  const AnchorResult r =
      anchor(described(U"It was [the best of tmes], it"), AnchorText(U"It was the best of times, it"), exact_only);
  EXPECT_EQ(r.status, AnchorStatus::orphan);
}

TEST(Anchor, TheThresholdIsAnOption) {
  AnchorOptions strict;
  strict.threshold = 0.999;
  const AnchorResult r =
      anchor(described(U"It was [the best of tmes], it"), AnchorText(U"It was the best of times, it"), strict);
  EXPECT_EQ(r.reason, OrphanReason::below_threshold);
  EXPECT_GT(r.score, 0.8);  // the best rejected score is reported
}

TEST(Names, StatusMethodAndReason) {
  EXPECT_EQ(anchor_status_name(AnchorStatus::anchored), "anchored");
  EXPECT_EQ(anchor_status_name(AnchorStatus::orphan), "orphan");
  EXPECT_EQ(anchor_method_name(AnchorMethod::position), "position");
  EXPECT_EQ(anchor_method_name(AnchorMethod::exact), "exact");
  EXPECT_EQ(anchor_method_name(AnchorMethod::fuzzy), "fuzzy");
  EXPECT_EQ(anchor_method_name(AnchorMethod::mapped), "mapped");
  EXPECT_EQ(anchor_method_name(AnchorMethod::none), "none");
  EXPECT_EQ(orphan_reason_name(OrphanReason::ambiguous), "ambiguous");
  EXPECT_EQ(orphan_reason_name(OrphanReason::below_threshold), "below_threshold");
}

// --- whole sets -----------------------------------------------------------------------------

Annotation described_annotation(const std::string& id, const AnchorText& text, uint32_t start, uint32_t end) {
  Annotation a = test::span(id, start, end);
  a.quote = *describe(text, start, end)->quote;
  return a;
}

const std::u32string kStory =
    U"The harbour reopened on Friday after the storm.\n\n"
    U"Repairs to the old pier cost twice what the council had planned, officials said.\n\n"
    U"Fishing boats returned to their moorings by the evening.";
const std::u32string kEditedStory =
    U"The harbour reopened on Friday after the storm.\n\n"
    U"Fishing boats returned to their moorings by the evening, and the market opened.";

// Three annotations on kStory: "reopened on Friday", the repairs sentence, "returned to
// their moorings".
std::vector<Annotation> story_annotations() {
  const AnchorText before(kStory);
  return {described_annotation("a", before, 12, 30), described_annotation("b", before, 49, 129),
          described_annotation("c", before, 145, 171)};
}

TEST(ReanchorAll, EveryAnnotationGetsAResultAndOrphansKeepTheirQuote) {
  const std::vector<Annotation> annotations = story_annotations();
  ASSERT_EQ(annotations[0].quote.exact, "reopened on Friday");
  ASSERT_EQ(annotations[2].quote.exact, "returned to their moorings");
  const std::vector<Reanchored> results = reanchor_all(annotations, AnchorText(kEditedStory));
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].result.anchored());
  EXPECT_EQ(results[0].annotation.start, 12u);
  EXPECT_EQ(results[1].result.status, AnchorStatus::orphan);
  EXPECT_EQ(results[1].annotation, annotations[1]);  // unchanged, original quote kept
  ASSERT_TRUE(results[2].result.anchored()) << orphan_reason_name(results[2].result.reason);
  EXPECT_EQ(results[2].annotation.start, 63u);
  EXPECT_EQ(results[2].annotation.quote.exact, "returned to their moorings");
  EXPECT_EQ(results[2].annotation.quote.suffix, " by the evening, and the market ");  // described afresh
}

TEST(ReanchorSet, MovesAnchoredAnnotationsInOneUndoStepAndKeepsOrphans) {
  test::TestClock clock;
  AnnotationSet set(clock.clock());
  for (Annotation& a : story_annotations()) ASSERT_TRUE(set.add(std::move(a)).ok());
  clock.advance();
  const Result<ReanchorReport> report = reanchor_set(set, AnchorText(kEditedStory));
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->anchored, 2u);
  EXPECT_EQ(report->orphans, 1u);
  EXPECT_EQ(report->moved, 2u);
  EXPECT_EQ(set.size(), 3u);
  EXPECT_EQ(set.find("c")->start, 63u);
  EXPECT_EQ(set.find("b")->quote.exact.substr(0, 12), "Repairs to t");
  ASSERT_TRUE(set.undo());
  EXPECT_EQ(set.find("c")->start, 145u);
}

TEST(ReanchorSet, RefusesWithoutChangingAnythingWhenTheSetIsTooShortForTheNewText) {
  test::TestClock clock;
  AnnotationSet set(clock.clock(), 20);
  const AnchorText before(U"Alpha beta gamma. Ok");
  ASSERT_TRUE(set.add(described_annotation("a", before, 6, 10)).ok());
  const Result<ReanchorReport> report = reanchor_set(set, AnchorText(U"Much longer text now. Alpha beta gamma. Ok"));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(set.find("a")->start, 6u);
  EXPECT_FALSE(set.can_undo() && set.find("a")->start != 6u);
}

}  // namespace
}  // namespace scholion
