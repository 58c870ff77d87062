// Orphans (core/model/orphans.hpp) and how stored copies and imports reach them
// (merge_incoming, place_imported, anchor_foreign), with the orphans list of the storage
// format.
#include "core/model/orphans.hpp"

#include <gtest/gtest.h>

#include "annotation_notation.hpp"
#include "core/anchoring/reanchoring.hpp"
#include "core/formats/import_placement.hpp"
#include "core/formats/plain_text.hpp"
#include "core/formats/storage_format.hpp"

namespace scholion {
namespace {

using test::set_of;
using test::span;
using test::TestClock;

const char* kId = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";

std::string ids(const Orphans& orphans) {
  std::string out;
  for (const Annotation& a : orphans.all()) out += (out.empty() ? "" : " ") + a.id;
  return out;
}

Annotation modified_at(Annotation a, Timestamp t) {
  a.modified = t;
  return a;
}

TEST(Orphans, KeepsEachOnceAndNeverWhatIsLive) {
  TestClock clock;
  AnnotationSet set = set_of("live[0,3)", clock, 10);
  Orphans orphans;
  EXPECT_TRUE(orphans.keep(span("o1", 0, 2), set));
  EXPECT_FALSE(orphans.keep(span("o1", 0, 2), set));    // already an orphan
  EXPECT_FALSE(orphans.keep(span("live", 0, 2), set));  // live in the set
  EXPECT_EQ(ids(orphans), "o1");
}

TEST(Orphans, ADeletionAtOrAfterItsLastChangeKeepsItDeleted) {
  TestClock clock;
  AnnotationSet set(clock.clock(), 10);
  ASSERT_TRUE(set.merge(std::vector<Annotation>{}, std::vector<Tombstone>{{"gone", 500}, {"back", 500}}).ok());
  Orphans orphans;
  EXPECT_FALSE(orphans.keep(modified_at(span("gone", 0, 2), 500), set));
  EXPECT_TRUE(orphans.keep(modified_at(span("back", 0, 2), 501), set));  // changed after
  EXPECT_EQ(ids(orphans), "back");
}

TEST(Orphans, LetsGoOfThoseThatBecomeLive) {
  TestClock clock;
  AnnotationSet set(clock.clock(), 10);
  Orphans orphans;
  orphans.keep(span("a", 0, 2), set);
  orphans.keep(span("b", 0, 2), set);
  ASSERT_TRUE(set.add(span("a", 1, 3)).ok());  // attached in another tab, say
  orphans.drop_live(set);
  EXPECT_EQ(ids(orphans), "b");
}

TEST(Orphans, AnUndoneAttachMakesAnOrphanAgainAndRedoAttachesIt) {
  TestClock clock;
  AnnotationSet set(clock.clock(), 10);
  Orphans orphans;
  set.subscribe([&](const ChangeEvent& e) { orphans.follow(e, set, 2000); });
  orphans.keep(span("a", 0, 2, "a note"), set);
  orphans.keep(span("b", 0, 2), set);
  std::optional<Annotation> taken = orphans.take_for_attach("a");
  ASSERT_TRUE(taken);
  EXPECT_EQ(ids(orphans), "b");
  Annotation attached = *taken;
  attached.start = 4;
  attached.end = 6;
  ASSERT_TRUE(set.add(attached).ok());

  ASSERT_TRUE(set.undo());
  EXPECT_EQ(ids(orphans), "b a");
  EXPECT_EQ(orphans.find("a")->note, "a note");
  EXPECT_EQ(orphans.find("a")->start, 0u);  // as it was, not where it was attached
  EXPECT_GT(orphans.find("a")->modified, 2000);  // newer than the undo's tombstone

  ASSERT_TRUE(set.redo());
  EXPECT_EQ(ids(orphans), "b");
}

TEST(Orphans, AFailedAttachPutsTheOrphanBackInItsPlace) {
  TestClock clock;
  AnnotationSet set(clock.clock(), 10);
  Orphans orphans;
  for (const char* id : {"a", "b", "c"}) orphans.keep(span(id, 0, 1), set);
  std::optional<Annotation> b = orphans.take_for_attach("b");
  ASSERT_TRUE(b);
  EXPECT_FALSE(orphans.take_for_attach("b"));
  orphans.untake(std::move(*b));
  EXPECT_EQ(ids(orphans), "a b c");
}

TEST(Orphans, RemoveAndClear) {
  TestClock clock;
  AnnotationSet set(clock.clock(), 10);
  Orphans orphans;
  orphans.keep(span("a", 0, 1), set);
  orphans.keep(span("b", 0, 1), set);
  EXPECT_TRUE(orphans.remove("a"));
  EXPECT_FALSE(orphans.remove("a"));
  EXPECT_EQ(ids(orphans), "b");
  orphans.clear();
  EXPECT_TRUE(orphans.empty());
}

// --- The storage format's orphans list ---------------------------------------------------

Annotation stored(std::string id, uint32_t start, uint32_t end, std::string exact) {
  Annotation a = span(std::move(id), start, end);
  a.quote.exact = std::move(exact);
  a.created = a.modified = 1714555800000;
  return a;
}

TEST(StorageOrphans, RoundTripAndStayAbsentWhenThereAreNone) {
  StoredDocument doc;
  doc.document = {"https://example.org/a", "A", "", "sha256:00"};
  doc.annotations = {stored(kId, 0, 4, "Once")};
  EXPECT_EQ(write_storage_json(doc).find("orphans"), std::string::npos);
  doc.orphans = {stored("6fa459ea-ee8a-4ca4-894e-db77e160355e", 10, 20, "a lost quote")};
  const std::string json = write_storage_json(doc);
  auto back = read_storage_json(json);
  ASSERT_TRUE(back) << back.error().describe();
  EXPECT_EQ(*back, doc);
}

TEST(StorageOrphans, ABadOrphanIsNamedAndNothingIsRead) {
  const std::string json =
      R"({"schema":1,"document":{"id":"x","title":"","source_url":"","fingerprint":""},"annotations":[],)"
      R"("orphans":[{"id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","start":0,"end":1,"quote":{"exact":"a"},)"
      R"("color":"teal","created":1,"modified":1}]})";
  auto r = read_storage_json(json);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().path, "$.orphans[0].color");
}

// --- Stored copies merged in ----------------------------------------------------------------

Document text_doc(std::string_view text) { return document_from_plain_text(text, "doc").value(); }

TEST(MergeIncoming, TheSameTextMergesAsItIs) {
  const Document doc = text_doc("Title\n\nOnce upon a time there was a reader.");
  TestClock clock;
  AnnotationSet set(clock.clock(), doc.length());
  Orphans orphans;
  IncomingAnnotations in{{stored("a", 7, 11, "Once")}, {}, {}, true};
  auto r = merge_incoming(set, orphans, std::move(in), doc);
  ASSERT_TRUE(r);
  EXPECT_EQ(set.size(), 1u);
  EXPECT_EQ(r->moved, 0u);
  EXPECT_TRUE(orphans.empty());
}

TEST(MergeIncoming, AnEditedTextReanchorsAndOrphansWhatIsGoneOnce) {
  const Document doc = text_doc("Title\n\nA new first sentence. Once upon a time there was a reader.");
  TestClock clock;
  AnnotationSet set(clock.clock(), doc.length());
  Orphans orphans;
  // "Once" moved by 22 code points; "a vanished sentence" is gone.
  IncomingAnnotations in{{stored("a", 7, 11, "Once"), stored("b", 12, 31, "a vanished sentence")}, {}, {}, false};
  auto r = merge_incoming(set, orphans, in, doc);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->moved, 1u);
  ASSERT_EQ(set.size(), 1u);
  EXPECT_EQ(set.find("a")->start, 29u);
  ASSERT_EQ(r->new_orphans.size(), 1u);
  EXPECT_EQ(r->new_orphans[0].id, "b");
  EXPECT_EQ(ids(orphans), "b");
  // The same copy again (another tab saving): nothing new to report.
  auto again = merge_incoming(set, orphans, in, doc);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->new_orphans.empty());
  EXPECT_EQ(ids(orphans), "b");
}

TEST(MergeIncoming, SavedOrphansComeBackAndDeletedOnesStayDeleted) {
  const Document doc = text_doc("Title\n\nSome text.");
  TestClock clock;
  AnnotationSet set(clock.clock(), doc.length());
  Orphans orphans;
  Annotation kept = stored("kept", 0, 3, "elsewhere"), deleted = stored("deleted", 0, 3, "gone");
  IncomingAnnotations in{{}, {{"deleted", deleted.modified}}, {kept, deleted}, true};
  ASSERT_TRUE(merge_incoming(set, orphans, std::move(in), doc));
  EXPECT_EQ(ids(orphans), "kept");
}

// --- Imported annotations ---------------------------------------------------------------------

TEST(AnchorForeign, WhitespaceTheDocumentCollapsedStillMatches) {
  const AnchorText text(text_doc("Title\n\nThe minister said that the talks would go on."));
  FoundSelectors found;
  found.quote = TextQuote{"said  that\n the", "minister ", " talks"};
  const AnchorResult r = anchor_foreign(found, text);
  ASSERT_TRUE(r.anchored());
  EXPECT_EQ(r.text, "said that the");
}

TEST(AnchorForeign, APositionFromAnotherTextIsOnlyAHint) {
  const AnchorText text(text_doc("Title\n\nThe minister said that the talks would go on."));
  FoundSelectors found;
  found.quote = TextQuote{"the talks", "", ""};
  found.position = CodePointRange{900, 909};  // counted in the page's own, longer text
  const AnchorResult r = anchor_foreign(found, text);
  ASSERT_TRUE(r.anchored());
  EXPECT_EQ(r.text, "the talks");
}

TEST(PlaceImported, PlacesVerifiedOnesAsTheyAreAndFindsTheRestOrOrphansThem) {
  const Document doc = text_doc("Title\n\nThe minister said that the talks would go on.");
  std::vector<ImportedAnnotation> in(3);
  in[0].annotation = stored("verified", 7, 10, "The");
  in[0].status = ImportStatus::verified;
  in[1].annotation = stored("found", 0, 0, "the talks");
  in[1].status = ImportStatus::needs_anchoring;
  in[2].annotation = stored("lost", 0, 0, "a sentence that is nowhere");
  in[2].status = ImportStatus::quote_mismatch;
  in[2].position = CodePointRange{3, 9};
  const PlacedImport placed = place_imported(std::move(in), doc);
  ASSERT_EQ(placed.placed.size(), 2u);
  EXPECT_EQ(placed.placed[0].start, 7u);
  EXPECT_EQ(doc.offsets().slice(placed.placed[1].start, placed.placed[1].end), "the talks");
  EXPECT_EQ(placed.placed[1].quote.prefix, "Title\n\nThe minister said that ");  // described afresh
  ASSERT_EQ(placed.orphans.size(), 1u);
  EXPECT_EQ(placed.orphans[0].id, "lost");
  EXPECT_EQ(placed.orphans[0].start, 3u);  // its written position, kept as a hint
  EXPECT_FALSE(placed.orphan_results[0].anchored());
}

}  // namespace
}  // namespace scholion
