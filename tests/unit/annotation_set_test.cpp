#include "core/model/annotation_set.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "core/model/annotation.hpp"
#include "annotation_notation.hpp"

namespace scholion {
namespace {

using namespace scholion::test;

// --- Annotation value type --------------------------------------------------------------

TEST(Annotation, ColorNamesRoundTripThroughThePalette) {
  for (Color c : kPalette) EXPECT_EQ(color_from_name(color_name(c)), c) << color_name(c);
  EXPECT_EQ(color_name(Color::yellow), "yellow");
  EXPECT_EQ(color_name(Color::purple), "purple");
  EXPECT_EQ(color_from_name("Yellow"), std::nullopt);  // names are exact, lowercase
  EXPECT_EQ(color_from_name("#ffff00"), std::nullopt);
  EXPECT_EQ(color_from_name(""), std::nullopt);
}

TEST(Annotation, UuidV4SetsVersionAndVariantBits) {
  EXPECT_EQ(make_uuid_v4([] { return uint64_t{0}; }), "00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(make_uuid_v4([] { return ~uint64_t{0}; }), "ffffffff-ffff-4fff-bfff-ffffffffffff");
}

TEST(Annotation, UuidV4IsDrawnFromTheInjectedSource) {
  std::mt19937_64 a(42), b(42);
  const std::string first = make_uuid_v4([&] { return a(); });
  EXPECT_EQ(first, make_uuid_v4([&] { return b(); }));  // same seed, same id
  std::set<std::string> seen{first};
  for (int i = 0; i < 1000; ++i) {
    const std::string id = make_uuid_v4([&] { return a(); });
    ASSERT_TRUE(is_uuid(id)) << id;
    ASSERT_EQ(id[14], '4') << id;
    ASSERT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
    ASSERT_TRUE(seen.insert(id).second) << "repeated " << id;
  }
}

TEST(Annotation, IsUuidAcceptsOnlyThe36CharacterForm) {
  EXPECT_TRUE(is_uuid("123e4567-e89b-42d3-a456-426614174000"));
  EXPECT_TRUE(is_uuid("123E4567-E89B-42D3-A456-426614174000"));
  EXPECT_FALSE(is_uuid(""));
  EXPECT_FALSE(is_uuid("123e4567e89b42d3a456426614174000"));        // no dashes
  EXPECT_FALSE(is_uuid("123e4567-e89b-42d3-a456-42661417400"));     // short
  EXPECT_FALSE(is_uuid("123e4567-e89b-42d3-a456-4266141740000"));   // long
  EXPECT_FALSE(is_uuid("123e4567-e89b-42d3-a456_426614174000"));    // wrong separator
  EXPECT_FALSE(is_uuid("123e4567-e89b-42d3-a456-42661417400g"));    // not hex
  EXPECT_FALSE(is_uuid("urn:uuid:123e4567-e89b-42d3-a456-426614174000"));
  EXPECT_FALSE(is_uuid("{123e4567-e89b-42d3-a456-42661417400}"));
}

// --- Adding, updating, removing -----------------------------------------------------------

TEST(AnnotationSet, AddStampsTimesAndKeepsDocumentOrder) {
  TestClock clock;
  AnnotationSet set = set_of("c[9,12) a[0,5) b[0,3) d[0,5)", clock);
  EXPECT_EQ(ids(set.all()), "b a d c");  // by start, then end, then id
  const auto added = set.add(span("e", 1, 2));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->created, 1000);
  EXPECT_EQ(added->modified, 1000);
  EXPECT_EQ(set.size(), 5u);
  ASSERT_NE(set.find("e"), nullptr);
  EXPECT_EQ(set.find("e")->start, 1u);
  EXPECT_EQ(set.find("zz"), nullptr);
}

TEST(AnnotationSet, AddKeepsAGivenCreationTime) {
  TestClock clock;
  AnnotationSet set(clock.clock());
  Annotation a = span("a", 0, 1);
  a.created = 5;
  a.modified = 7;
  const auto added = set.add(a);
  EXPECT_EQ(added->created, 5);
  EXPECT_EQ(added->modified, 1000);
}

TEST(AnnotationSet, AddRejectsADuplicateIdNamingIt) {
  AnnotationSet set = set_of("a[0,5)");
  const auto r = set.add(span("a", 1, 2));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().describe(), "annotation id \"a\" already exists");
  EXPECT_EQ(set.find("a")->start, 0u);
}

TEST(AnnotationSet, AddRejectsAReversedRange) {
  AnnotationSet set = set_of("");
  const auto r = set.add(span("a", 7, 3));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().describe(), "annotation \"a\": start 7 is after end 3");
  EXPECT_TRUE(set.empty());
  EXPECT_FALSE(set.can_undo());
}

TEST(AnnotationSet, AddRejectsARangeBeyondTheDocument) {
  AnnotationSet set(TestClock{}.clock(), 20);
  EXPECT_TRUE(set.add(span("a", 0, 20)).ok());
  const auto r = set.add(span("b", 15, 21));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().describe(), "annotation \"b\": end 21 is beyond the document length 20");
}

TEST(AnnotationSet, AddRejectsAnEmptyId) {
  AnnotationSet set = set_of("");
  EXPECT_EQ(set.add(span("", 0, 1)).error().describe(), "annotation id is empty");
}

TEST(AnnotationSet, UpdateOfAnUnknownIdIsAnError) {
  AnnotationSet set = set_of("a[0,5)");
  EXPECT_EQ(set.update(span("b", 0, 1)).error().describe(), "no annotation with id \"b\"");
  EXPECT_EQ(set.update(span("a", 6, 1)).error().describe(), "annotation \"a\": start 6 is after end 1");
}

TEST(AnnotationSet, UpdateKeepsCreatedStampsModifiedAndReorders) {
  TestClock clock;
  AnnotationSet set = set_of("a[0,5) b[2,4)", clock);
  clock.advance(50);
  Annotation moved = span("a", 3, 6, "a note");
  moved.created = 1;  // ignored: creation time is the set's record
  const auto r = set.update(moved);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->created, 1000);
  EXPECT_EQ(r->modified, 1050);
  EXPECT_EQ(r->note, "a note");
  EXPECT_EQ(ids(set.all()), "b a");
  EXPECT_EQ(ids(set.between(0, 3)), "b");
}

TEST(AnnotationSet, UpdateThatChangesNothingIsNotRecorded) {
  TestClock clock;
  AnnotationSet set = set_of("a[0,5)", clock);
  set.clear_history();
  int heard = 0;
  set.subscribe([&](const ChangeEvent&) { ++heard; });
  clock.advance();
  EXPECT_EQ(set.update(*set.find("a"))->modified, 1000);
  EXPECT_FALSE(set.can_undo());
  EXPECT_EQ(heard, 0);
}

TEST(AnnotationSet, RemoveLeavesATombstone) {
  TestClock clock;
  AnnotationSet set = set_of("a[0,5) b[1,2)", clock);
  clock.advance(10);
  const auto r = set.remove("a");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->id, "a");
  EXPECT_EQ(ids(set.all()), "b");
  EXPECT_EQ(set.tombstones(), (std::vector<Tombstone>{{"a", 1010}}));
  EXPECT_EQ(set.remove("a").error().describe(), "no annotation with id \"a\"");
}

TEST(AnnotationSet, StampsForOneIdIncreaseEvenWhenTheClockStalls) {
  TestClock clock;
  AnnotationSet set = set_of("a[0,5)", clock);
  EXPECT_EQ(set.update(span("a", 0, 4))->modified, 1001);
  *clock.now = 10;  // the clock steps back
  EXPECT_EQ(set.update(span("a", 0, 3))->modified, 1002);
  ASSERT_TRUE(set.remove("a").ok());
  EXPECT_EQ(set.tombstone("a"), 1003);
  ASSERT_TRUE(set.undo());
  EXPECT_EQ(set.find("a")->modified, 1004);
}

// --- Windows and segments -------------------------------------------------------------

TEST(AnnotationSet, BetweenCountsSharedCodePointsNotTouchingEdges) {
  AnnotationSet set = set_of("a[0,5) b[5,9) c[2,12) d[9,10)");
  EXPECT_EQ(ids(set.between(0, 5)), "a c");
  EXPECT_EQ(ids(set.between(5, 9)), "c b");
  EXPECT_EQ(ids(set.between(4, 6)), "a c b");
  EXPECT_EQ(ids(set.between(10, 20)), "c");
  EXPECT_EQ(ids(set.between(12, 20)), "");
}

TEST(AnnotationSet, BetweenAnEmptyWindowFindsWhatCoversThePoint) {
  AnnotationSet set = set_of("a[0,5) b[5,9)");
  EXPECT_EQ(ids(set.between(0, 0)), "a");
  EXPECT_EQ(ids(set.between(4, 4)), "a");
  EXPECT_EQ(ids(set.between(5, 5)), "b");  // a ends before 5
  EXPECT_EQ(ids(set.between(9, 9)), "");
}

TEST(AnnotationSet, BetweenFindsAnEmptyAnnotationAtAPointInTheWindow) {
  AnnotationSet set = set_of("e[5,5)");
  EXPECT_EQ(ids(set.between(0, 5)), "");
  EXPECT_EQ(ids(set.between(5, 6)), "e");
  EXPECT_EQ(ids(set.between(5, 5)), "e");
  EXPECT_EQ(ids(set.between(6, 6)), "");
}

TEST(AnnotationSet, BetweenAReversedWindowFindsNothing) {
  AnnotationSet set = set_of("a[0,9)");
  EXPECT_EQ(ids(set.between(6, 2)), "");
}

TEST(AnnotationSet, BetweenFindsALongAnnotationAmongManyShortOnes) {
  TestClock clock;
  AnnotationSet set(clock.clock());
  ASSERT_TRUE(set.add(span("long", 0, 1000000)).ok());
  for (uint32_t i = 0; i < 5000; ++i) {
    ASSERT_TRUE(set.add(span("s" + std::to_string(i), i * 100, i * 100 + 5)).ok());
  }
  EXPECT_EQ(ids(set.between(250003, 250150)), "long s2500 s2501");
  EXPECT_EQ(ids(set.between(999999, 1000000)), "long");
}

TEST(AnnotationSet, SegmentTilesTheWindowWithTheCoveringAnnotations) {
  AnnotationSet set = set_of("a[0,5) b[3,9) c[3,5)");
  EXPECT_EQ(runs(set.segment(0, 12)), "[0,3)a [3,5)a+c+b [5,9)b [9,12)-");
}

TEST(AnnotationSet, SegmentClipsRunsToTheWindow) {
  AnnotationSet set = set_of("a[0,5) b[3,9)");
  EXPECT_EQ(runs(set.segment(4, 7)), "[4,5)a+b [5,7)b");
  EXPECT_EQ(runs(set.segment(20, 25)), "[20,25)-");
  EXPECT_EQ(runs(set.segment(7, 7)), "");
}

TEST(AnnotationSet, SegmentLeavesOutEmptyAnnotations) {
  AnnotationSet set = set_of("a[0,5) e[2,2)");
  EXPECT_EQ(runs(set.segment(0, 5)), "[0,5)a");
}

// --- Undo and redo --------------------------------------------------------------------

TEST(AnnotationSet, UndoAndRedoAnAdd) {
  TestClock clock;
  AnnotationSet set = set_of("a[0,5)", clock);
  clock.advance();
  ASSERT_TRUE(set.undo());
  EXPECT_TRUE(set.empty());
  EXPECT_EQ(tombstone_ids(set), "a");  // so other tabs drop it too
  EXPECT_FALSE(set.undo());
  clock.advance();
  ASSERT_TRUE(set.redo());
  EXPECT_EQ(ids(set.all()), "a");
  EXPECT_EQ(tombstone_ids(set), "");
  EXPECT_FALSE(set.redo());
}

TEST(AnnotationSet, UndoAnUpdateRestoresTheContentWithAFreshStamp) {
  TestClock clock;
  AnnotationSet set = set_of("a[0,5)", clock);
  clock.advance();
  ASSERT_TRUE(set.update(span("a", 1, 3, "note")).ok());
  clock.advance();
  ASSERT_TRUE(set.undo());
  EXPECT_EQ(set.find("a")->end, 5u);
  EXPECT_EQ(set.find("a")->note, "");
  EXPECT_EQ(set.find("a")->modified, 1002);
  ASSERT_TRUE(set.redo());
  EXPECT_EQ(set.find("a")->note, "note");
}

TEST(AnnotationSet, UndoOfARemovalRemovesTheTombstone) {
  AnnotationSet set = set_of("a[0,5)");
  ASSERT_TRUE(set.remove("a").ok());
  ASSERT_TRUE(set.undo());
  EXPECT_EQ(ids(set.all()), "a");
  EXPECT_EQ(tombstone_ids(set), "");
  ASSERT_TRUE(set.redo());
  EXPECT_EQ(tombstone_ids(set), "a");
}

TEST(AnnotationSet, ANewChangeClearsRedo) {
  AnnotationSet set = set_of("a[0,5)");
  ASSERT_TRUE(set.undo());
  EXPECT_TRUE(set.can_redo());
  ASSERT_TRUE(set.add(span("b", 1, 2)).ok());
  EXPECT_FALSE(set.can_redo());
  EXPECT_FALSE(set.redo());
}

TEST(AnnotationSet, AGroupIsOneUndoStep) {
  AnnotationSet set = set_of("a[0,5) b[1,2)");
  set.begin_group();
  ASSERT_TRUE(set.remove("a").ok());
  ASSERT_TRUE(set.update(span("b", 1, 3)).ok());
  set.begin_group();  // nested groups join the outer one
  ASSERT_TRUE(set.add(span("c", 4, 6)).ok());
  set.end_group();
  set.end_group();
  ASSERT_TRUE(set.undo());
  EXPECT_EQ(runs(set.segment(0, 6)), "[0,1)a [1,2)a+b [2,5)a [5,6)-");
  ASSERT_TRUE(set.undo());  // the add of b
  ASSERT_TRUE(set.undo());  // the add of a
  EXPECT_TRUE(set.empty());
  ASSERT_TRUE(set.redo());
  ASSERT_TRUE(set.redo());
  ASSERT_TRUE(set.redo());
  EXPECT_EQ(runs(set.segment(0, 6)), "[0,1)- [1,3)b [3,4)- [4,6)c");
}

TEST(AnnotationSet, HistoryKeepsOnlyTheLimitOfSteps) {
  AnnotationSet set = set_of("");
  set.set_history_limit(2);
  for (const char* id : {"a", "b", "c"}) ASSERT_TRUE(set.add(span(id, 0, 1)).ok());
  EXPECT_TRUE(set.undo());
  EXPECT_TRUE(set.undo());
  EXPECT_FALSE(set.undo());
  EXPECT_EQ(ids(set.all()), "a");
}

TEST(AnnotationSet, UndoLeavesAloneWhatAMergeChangedSince) {
  TestClock clock;
  AnnotationSet set = set_of("a[0,5) b[6,8)", clock);
  clock.advance();
  set.begin_group();
  ASSERT_TRUE(set.update(span("a", 0, 5, "mine")).ok());
  ASSERT_TRUE(set.update(span("b", 6, 8, "mine")).ok());
  set.end_group();
  clock.advance();
  AnnotationSet other_tab = set;
  ASSERT_TRUE(other_tab.update(span("a", 0, 5, "theirs")).ok());
  ASSERT_TRUE(set.merge(other_tab).ok());
  ASSERT_TRUE(set.undo());
  EXPECT_EQ(set.find("a")->note, "theirs");  // not discarded
  EXPECT_EQ(set.find("b")->note, "");
  ASSERT_TRUE(set.redo());
  EXPECT_EQ(set.find("b")->note, "mine");
}

// --- Notifications -------------------------------------------------------------------

TEST(AnnotationSet, ListenersHearEveryChangeWithItsOrigin) {
  AnnotationSet set = set_of("");
  std::vector<std::string> heard;
  set.subscribe([&](const ChangeEvent& e) {
    static const char* kOrigins[] = {"edit", "undo", "redo", "merge"};
    std::string line = std::string(change_kind_name(e.kind)) + " " + e.annotation.id + "[" +
                       std::to_string(e.annotation.start) + "," + std::to_string(e.annotation.end) +
                       ") by " + kOrigins[static_cast<int>(e.origin)];
    if (e.previous) line += " was [" + std::to_string(e.previous->start) + "," +
                            std::to_string(e.previous->end) + ")";
    heard.push_back(line);
  });
  ASSERT_TRUE(set.add(span("a", 0, 5)).ok());
  ASSERT_TRUE(set.update(span("a", 1, 5)).ok());
  ASSERT_TRUE(set.remove("a").ok());
  ASSERT_TRUE(set.undo());
  ASSERT_TRUE(set.undo());
  ASSERT_TRUE(set.redo());
  EXPECT_EQ(heard, (std::vector<std::string>{
                       "added a[0,5) by edit", "updated a[1,5) by edit was [0,5)",
                       "removed a[1,5) by edit", "added a[1,5) by undo",
                       "updated a[0,5) by undo was [1,5)", "updated a[1,5) by redo was [0,5)"}));
}

TEST(AnnotationSet, AListenerCannotChangeTheSet) {
  AnnotationSet set = set_of("");
  std::string refused;
  set.subscribe([&](const ChangeEvent&) {
    refused = set.add(span("nested", 0, 1)).error().describe();
    EXPECT_FALSE(set.undo());
  });
  ASSERT_TRUE(set.add(span("a", 0, 5)).ok());
  EXPECT_EQ(refused, "the annotation set cannot change while a listener is being notified");
  EXPECT_EQ(ids(set.all()), "a");
}

TEST(AnnotationSet, AListenerMayUnsubscribeItself) {
  AnnotationSet set = set_of("");
  int first = 0, second = 0;
  ListenerId id = 0;
  id = set.subscribe([&](const ChangeEvent&) {
    ++first;
    set.unsubscribe(id);
  });
  set.subscribe([&](const ChangeEvent&) { ++second; });
  ASSERT_TRUE(set.add(span("a", 0, 1)).ok());
  ASSERT_TRUE(set.add(span("b", 0, 1)).ok());
  EXPECT_EQ(first, 1);
  EXPECT_EQ(second, 2);
}

TEST(AnnotationSet, ACopyIsIndependentAndHasNoListeners) {
  AnnotationSet set = set_of("a[0,5)");
  int heard = 0;
  set.subscribe([&](const ChangeEvent&) { ++heard; });
  AnnotationSet copy = set;
  ASSERT_TRUE(copy.add(span("b", 1, 2)).ok());
  ASSERT_TRUE(copy.undo());
  ASSERT_TRUE(copy.undo());
  EXPECT_EQ(ids(set.all()), "a");
  EXPECT_EQ(ids(copy.between(0, 9)), "");
  EXPECT_EQ(heard, 0);
}

TEST(AnnotationSet, PruningForgetsOldTombstonesOnly) {
  TestClock clock;
  AnnotationSet set = set_of("a[0,1) b[0,1)", clock);
  ASSERT_TRUE(set.remove("a").ok());
  clock.advance(100);
  ASSERT_TRUE(set.remove("b").ok());
  EXPECT_EQ(set.prune_tombstones(1050), 1u);
  EXPECT_EQ(tombstone_ids(set), "b");
}

// --- Merge -------------------------------------------------------------------------------

TEST(AnnotationMerge, NewestModificationWins) {
  TestClock clock;
  AnnotationSet here = set_of("a[0,5) b[6,9)", clock);
  AnnotationSet there = here;
  clock.advance();
  ASSERT_TRUE(here.update(span("a", 0, 5, "here")).ok());
  clock.advance();
  ASSERT_TRUE(there.update(span("a", 0, 5, "there")).ok());
  ASSERT_TRUE(there.add(span("c", 1, 2)).ok());
  ASSERT_TRUE(here.update(span("b", 6, 9, "here")).ok());
  const auto report = here.merge(there);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(*report, (MergeReport{1, 1, 0}));
  EXPECT_EQ(here.find("a")->note, "there");
  EXPECT_EQ(here.find("b")->note, "here");
  EXPECT_EQ(ids(here.all()), "a c b");
}

TEST(AnnotationMerge, ANewerTombstoneDeletes) {
  TestClock clock;
  AnnotationSet here = set_of("a[0,5)", clock);
  AnnotationSet there = here;
  clock.advance();
  ASSERT_TRUE(there.remove("a").ok());
  EXPECT_EQ(*here.merge(there), (MergeReport{0, 0, 1}));
  EXPECT_TRUE(here.empty());
  EXPECT_EQ(here.tombstone("a"), 1001);
}

TEST(AnnotationMerge, AnAnnotationModifiedAfterTheTombstoneResurrects) {
  TestClock clock;
  AnnotationSet here = set_of("a[0,5)", clock);
  AnnotationSet there = here;
  clock.advance();
  ASSERT_TRUE(there.remove("a").ok());
  clock.advance();
  ASSERT_TRUE(here.update(span("a", 0, 5, "kept")).ok());
  EXPECT_EQ(*here.merge(there), (MergeReport{0, 0, 0}));
  EXPECT_EQ(here.find("a")->note, "kept");
  EXPECT_EQ(*there.merge(here), (MergeReport{1, 0, 0}));
  EXPECT_EQ(there.find("a")->note, "kept");
  EXPECT_EQ(tombstone_ids(there), "");
}

TEST(AnnotationMerge, DeletionWinsATie) {
  AnnotationSet here = set_of("");
  Annotation a = span("a", 0, 5);
  a.modified = 2000;
  ASSERT_TRUE(here.merge({a}, {{"a", 2000}}).ok());
  EXPECT_TRUE(here.empty());
  EXPECT_EQ(here.tombstone("a"), 2000);
}

TEST(AnnotationMerge, KeepsStoredTimesAndIsNotUndoable) {
  AnnotationSet here = set_of("");
  Annotation a = span("a", 0, 5);
  a.created = 10;
  a.modified = 20;
  ASSERT_TRUE(here.merge({a}, {{"gone", 15}}).ok());
  EXPECT_EQ(*here.find("a"), a);
  EXPECT_EQ(here.tombstone("gone"), 15);
  EXPECT_FALSE(here.can_undo());
}

TEST(AnnotationMerge, BadInputIsRefusedAndChangesNothing) {
  AnnotationSet here(TestClock{}.clock(), 10);
  ASSERT_TRUE(here.add(span("a", 0, 5)).ok());
  const auto before = here.tombstones();
  auto r = here.merge({span("b", 0, 1), span("c", 4, 11)}, {{"a", 99999}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().describe(), "annotations[1]: annotation \"c\": end 11 is beyond the document length 10");
  r = here.merge({}, {{"a", 99999}, {"", 1}});
  EXPECT_EQ(r.error().describe(), "tombstones[1]: tombstone id is empty");
  EXPECT_EQ(ids(here.all()), "a");
  EXPECT_EQ(here.tombstones(), before);
}

TEST(AnnotationMerge, ListenersHearMergedChanges) {
  TestClock clock;
  AnnotationSet here = set_of("a[0,5) b[1,2)", clock);
  AnnotationSet there = here;
  clock.advance();
  ASSERT_TRUE(there.remove("a").ok());
  ASSERT_TRUE(there.update(span("b", 1, 3)).ok());
  ASSERT_TRUE(there.add(span("c", 1, 3)).ok());
  std::vector<std::string> heard;
  here.subscribe([&](const ChangeEvent& e) {
    EXPECT_EQ(e.origin, ChangeOrigin::merge);
    heard.push_back(std::string(change_kind_name(e.kind)) + " " + e.annotation.id);
  });
  ASSERT_TRUE(here.merge(there).ok());
  EXPECT_EQ(heard, (std::vector<std::string>{"removed a", "updated b", "added c"}));
}

TEST(AnnotationMerge, ListenersHearAMergeOnceAllOfItIsApplied) {
  AnnotationSet here = set_of("");
  std::vector<std::string> seen;
  here.subscribe([&](const ChangeEvent& e) {
    seen.push_back(e.annotation.id + ": " + ids(here.between(0, 9)));
  });
  ASSERT_TRUE(here.merge(spans("c[2,3) a[0,5) b[1,2)"), {}).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"a: a b c", "b: a b c", "c: a b c"}));
}

TEST(AnnotationMerge, MovingTheInputMergesTheSame) {
  TestClock clock;
  const AnnotationSet start = set_of("a[0,5) b[1,2) d[3,4)", clock);
  std::vector<Annotation> incoming = spans("b[1,3) c[2,3) b[0,9) a[0,5)");
  for (std::size_t i = 0; i < incoming.size(); ++i) incoming[i].modified = 2000 + static_cast<Timestamp>(i);
  const std::vector<Tombstone> tombstones = {{"d", 5000}, {"e", 7}};
  AnnotationSet copied = start;
  AnnotationSet moved = start;
  const auto by_copy = copied.merge(incoming, tombstones);
  const auto by_move = moved.merge(std::vector<Annotation>(incoming), tombstones);
  ASSERT_TRUE(by_copy.ok() && by_move.ok());
  EXPECT_EQ(*by_copy, (MergeReport{1, 2, 1}));
  EXPECT_EQ(*by_move, *by_copy);
  EXPECT_EQ(ids(moved.all()), "a b c");
  EXPECT_EQ(moved.find("b")->end, 9u);  // the later of the two versions of b
  for (const Annotation* a : moved.all()) EXPECT_EQ(*a, *copied.find(a->id));
  EXPECT_EQ(moved.tombstones(), copied.tombstones());
  EXPECT_EQ(tombstone_ids(moved), "d e");
}

}  // namespace
}  // namespace scholion
