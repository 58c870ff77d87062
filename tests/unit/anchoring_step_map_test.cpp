// StepMap and Mapping: positions through known edits, deletion reported, every mapping
// checked back through its inverse; map_anchor on top of them.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/anchoring/anchoring.hpp"
#include "core/model/step_map.hpp"

namespace scholion {
namespace {

StepMap mk(std::vector<StepRange> ranges) {
  Result<StepMap> map = StepMap::make(std::move(ranges));
  EXPECT_TRUE(map.ok()) << (map.ok() ? "" : map.error().describe());
  return map.ok() ? map.value() : StepMap();
}

struct Case {
  uint32_t from;
  uint32_t to;
  Assoc assoc = Assoc::after;
  bool deleted = false;
};

// One line per case, ProseMirror style: every position maps where expected, and one that
// was not deleted maps back to itself through the inverse.
void test_mapping(const StepMap& map, std::initializer_list<Case> cases) {
  const StepMap inverse = map.invert();
  for (const Case& c : cases) {
    const MapResult r = map.map(c.from, c.assoc);
    EXPECT_EQ(r.pos, c.to) << "mapping " << c.from;
    EXPECT_EQ(r.deleted, c.deleted) << "deletion of " << c.from;
    if (!c.deleted) {
      EXPECT_EQ(inverse.map(r.pos, c.assoc).pos, c.from) << "inverse of " << c.from;
    }
  }
}

TEST(StepMap, Insertion) {
  test_mapping(mk({{2, 0, 4}}), {{0, 0}, {2, 6}, {2, 2, Assoc::before}, {3, 7}});
}

TEST(StepMap, Deletion) {
  test_mapping(mk({{2, 4, 0}}),
               {{0, 0}, {2, 2, Assoc::before}, {3, 2, Assoc::after, true}, {3, 2, Assoc::before, true},
                {6, 2, Assoc::before, true}, {6, 2}, {7, 3}});
}

TEST(StepMap, Replacement) {
  test_mapping(mk({{2, 4, 4}}),
               {{0, 0}, {2, 2, Assoc::before}, {4, 6, Assoc::after, true}, {4, 2, Assoc::before, true},
                {6, 6}, {8, 8}});
}

TEST(StepMap, SeveralRanges) {
  test_mapping(mk({{2, 1, 0}, {6, 0, 3}, {10, 2, 1}}), {{0, 0}, {4, 3}, {6, 5, Assoc::before}, {6, 8}, {9, 11},
                                                         {13, 14}, {20, 21}});
}

TEST(StepMap, DeletionFlagsSayWhichSideWasReplaced) {
  const StepMap map = mk({{2, 4, 0}});
  const MapResult at_start = map.map(2);
  EXPECT_TRUE(at_start.deleted_after);
  EXPECT_FALSE(at_start.deleted_before);
  const MapResult inside = map.map(4);
  EXPECT_TRUE(inside.deleted_across);
  EXPECT_TRUE(inside.deleted_before && inside.deleted_after);
  const MapResult at_end = map.map(6);
  EXPECT_TRUE(at_end.deleted_before);
  EXPECT_FALSE(at_end.deleted_after);
  EXPECT_FALSE(map.map(7).deleted_before);
}

TEST(StepMap, TouchingRangesAreOneReplacedStretch) {
  const StepMap map = mk({{2, 2, 1}, {4, 2, 0}});
  ASSERT_EQ(map.ranges().size(), 1u);
  EXPECT_EQ(map.ranges()[0], (StepRange{2, 4, 1}));
  EXPECT_TRUE(map.map(4).deleted_across);
}

TEST(StepMap, RefusesOverlappingOrUnsortedRanges) {
  const Result<StepMap> bad = StepMap::make({{5, 3, 0}, {6, 1, 1}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("[6, 1, 1]"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(StepMap::make({{5, 0, 1}, {2, 0, 1}}).ok());
}

TEST(StepMap, MapLengthAndIdentity) {
  EXPECT_EQ(mk({{2, 1, 0}, {6, 0, 3}}).map_length(10), 12u);
  EXPECT_EQ(StepMap().map(17).pos, 17u);
  EXPECT_TRUE(StepMap::replace(3, 0, 0).empty());
}

// Random edits on a plain string, with every original code point labelled: mapping a
// surviving code point's position must land on the same label, and every mapping must
// come back through the inverse.
TEST(StepMap, RandomEditsAgreeWithAPlainStringModel) {
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    const uint32_t length = 1 + rng() % 60;
    std::vector<int> labels(length);
    for (uint32_t i = 0; i < length; ++i) labels[i] = static_cast<int>(i);
    std::vector<StepRange> ranges;
    std::vector<int> after;
    uint32_t pos = 0;
    std::string log;
    while (pos <= length) {
      const uint32_t gap = rng() % 8;
      if (pos + gap > length) break;
      for (uint32_t i = pos; i < pos + gap; ++i) after.push_back(labels[i]);
      pos += gap;
      const uint32_t old_size = std::min<uint32_t>(rng() % 4, length - pos);
      const uint32_t new_size = rng() % 4;
      if (old_size + new_size == 0) continue;
      ranges.push_back({pos, old_size, new_size});
      log += "[" + std::to_string(pos) + "," + std::to_string(old_size) + "," + std::to_string(new_size) + "]";
      for (uint32_t i = 0; i < new_size; ++i) after.push_back(-1);
      pos += old_size + 1;  // leave a gap so ranges never touch
      if (pos - 1 < length) after.push_back(labels[pos - 1]);
    }
    for (uint32_t i = pos; i < length; ++i) after.push_back(labels[i]);
    const StepMap map = mk(ranges);
    ASSERT_EQ(map.map_length(length), after.size()) << log;
    const StepMap inverse = map.invert();
    for (uint32_t p = 0; p < length; ++p) {
      // The code point at p (between positions p and p + 1) survives unless replaced.
      const MapResult r = map.map(p, Assoc::after);
      if (!r.deleted) {
        ASSERT_LT(r.pos, after.size()) << log;
        EXPECT_EQ(after[r.pos], static_cast<int>(p)) << log << " at " << p;
        EXPECT_EQ(inverse.map(r.pos, Assoc::after).pos, p) << log;
      }
    }
  }
}

TEST(Mapping, ComposesStepsAndInvertsInReverseOrder) {
  Mapping mapping;
  mapping.append(StepMap::replace(2, 0, 3));  // insert 3 at 2
  mapping.append(StepMap::replace(0, 1, 0));  // delete the first code point
  EXPECT_EQ(mapping.map(5).pos, 7u);
  EXPECT_TRUE(mapping.map(0).deleted);
  const Mapping inverse = mapping.invert();
  EXPECT_EQ(inverse.map(7).pos, 5u);
}

TEST(MapAnchor, FollowsItsTextThroughEditsAroundIt) {
  // "The quick [brown] fox" → insert "very " before "quick" (at 4).
  const AnchorText after(U"The very quick brown fox");
  const AnchorResult r = map_anchor({10, 15}, StepMap::replace(4, 0, 5), after);
  ASSERT_TRUE(r.anchored());
  EXPECT_EQ(r.start, 15u);
  EXPECT_EQ(r.end, 20u);
  EXPECT_EQ(r.text, "brown");
  EXPECT_EQ(r.method, AnchorMethod::mapped);
  EXPECT_EQ(r.score, 1.0);
}

TEST(MapAnchor, TextInsertedAtTheEdgesStaysOutside) {
  // "ab[cd]ef": insert "X" at 2 and "Y" at 4.
  const AnchorText after(U"abXcdYef");
  const AnchorResult r = map_anchor({2, 4}, mk({{2, 0, 1}, {4, 0, 1}}), after);
  EXPECT_EQ(r.text, "cd");
}

TEST(MapAnchor, ShrinksWhenPartOfItsTextIsDeleted) {
  // "ab[cdef]gh" → delete "de".
  const AnchorResult r = map_anchor({2, 6}, StepMap::replace(3, 2, 0), AnchorText(U"abcfgh"));
  ASSERT_TRUE(r.anchored());
  EXPECT_EQ(r.text, "cf");
}

TEST(MapAnchor, ReportsDeletionWhenAllItsTextIsReplaced) {
  const AnchorResult gone = map_anchor({2, 6}, StepMap::replace(2, 4, 0), AnchorText(U"abgh"));
  EXPECT_EQ(gone.status, AnchorStatus::orphan);
  EXPECT_EQ(gone.reason, OrphanReason::deleted);
  // Replaced by other text of the same length: still deleted, never silently kept.
  const AnchorResult replaced = map_anchor({2, 6}, StepMap::replace(1, 6, 6), AnchorText(U"aWXYZUVh"));
  EXPECT_EQ(replaced.reason, OrphanReason::deleted);
  Mapping two;
  two.append(StepMap::replace(0, 1, 0));
  two.append(StepMap::replace(1, 4, 0));
  EXPECT_EQ(map_anchor({2, 6}, two, AnchorText(U"bgh")).reason, OrphanReason::deleted);
}

TEST(MapAnchor, SnapsToGraphemeClustersOfTheNewText) {
  // "e" + combining acute, then an edit inserts nothing: [0, 1) widens to the cluster.
  const AnchorResult r = map_anchor({0, 1}, StepMap(), AnchorText(U"e\u0301x"));
  EXPECT_EQ(r.end, 2u);
}

}  // namespace
}  // namespace scholion
