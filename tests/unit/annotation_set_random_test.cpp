// Seeded random tests of AnnotationSet against naive models: edits with undo/redo against
// a map plus a stack of snapshots, windows and segments against a scan of every code
// point, merges against the merge rules written out per id. A failure prints the seed
// and the operations that led to it.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "annotation_notation.hpp"
#include "core/model/annotation_set.hpp"

namespace scholion {
namespace {

using namespace scholion::test;

uint32_t below(std::mt19937& rng, uint32_t n) { return static_cast<uint32_t>(rng() % n); }

// A random range in [0, length], empty about one time in eight, sometimes long.
std::pair<uint32_t, uint32_t> random_range(std::mt19937& rng, uint32_t length) {
  const uint32_t start = below(rng, length + 1);
  if (below(rng, 8) == 0) return {start, start};
  const uint32_t room = length - start;
  const uint32_t max_len = below(rng, 6) == 0 ? room : std::min<uint32_t>(room, 12);
  return {start, start + below(rng, max_len + 1)};
}

Annotation random_annotation(std::mt19937& rng, std::string id, uint32_t length) {
  const auto [start, end] = random_range(rng, length);
  Annotation a = span(std::move(id), start, end);
  a.color = kPalette[below(rng, kPalette.size())];
  static const char* kNotes[] = {"", "", "x", "y"};
  a.note = kNotes[below(rng, 4)];
  if (below(rng, 4) == 0) a.tags = {"t" + std::to_string(below(rng, 2))};
  return a;
}

std::string describe(const Annotation& a) {
  return a.id + "[" + std::to_string(a.start) + "," + std::to_string(a.end) + ")" +
         std::string(color_name(a.color)) + (a.note.empty() ? "" : " note=" + a.note) +
         (a.tags.empty() ? "" : " tag=" + a.tags[0]);
}

// --- Edits, undo and redo against a map and a stack of snapshots ----------------------------

class EditSession {
 public:
  static constexpr uint32_t kLength = 40;

  explicit EditSession(unsigned seed) : rng_(seed), set_(clock_.clock(), kLength) {}

  // Runs `steps` random operations; returns "" or what went wrong, with the history.
  std::string run(int steps) {
    for (int i = 0; i < steps; ++i) {
      step();
      clock_.advance(below(rng_, 3));  // 0: the clock stalls, stamps must still increase
      if (std::string problem = check(); !problem.empty()) {
        std::ostringstream out;
        out << problem << "\noperations:\n";
        for (const std::string& op : log_) out << "  " << op << "\n";
        return out.str();
      }
    }
    return "";
  }

 private:
  using State = std::map<std::string, Annotation>;

  void step() {
    const uint32_t pick = below(rng_, 12);
    if (pick < 3) {
      add();
    } else if (pick < 6) {
      update();
    } else if (pick < 8) {
      remove();
    } else if (pick < 10) {
      replay(true);
    } else if (pick < 11) {
      replay(false);
    } else {
      log_.push_back("begin group");
      set_.begin_group();
      group_open_ = true;
      group_recorded_ = false;
      for (uint32_t n = 1 + below(rng_, 3); n > 0; --n) {
        const uint32_t kind = below(rng_, 3);
        kind == 0 ? add() : kind == 1 ? update() : remove();
      }
      set_.end_group();
      group_open_ = false;
      log_.push_back("end group");
    }
  }

  // A change the set should record: one undo step, unless a group already has one.
  void recorded() {
    if (!group_open_ || !group_recorded_) undo_.push_back(before_);
    group_recorded_ = group_open_;
    redo_.clear();
  }

  std::string any_live_id() {
    auto it = live_.begin();
    std::advance(it, below(rng_, static_cast<uint32_t>(live_.size())));
    return it->first;
  }

  void expect_refused(const Result<Annotation>& r, const std::string& op) {
    log_.push_back(op + " -> refused");
    if (r.ok()) failure_ = "expected " + op + " to be refused";
  }

  void add() {
    before_ = live_;
    const uint32_t kind = below(rng_, 20);
    if (kind == 0 && !live_.empty()) {
      const auto a = random_annotation(rng_, any_live_id(), kLength);
      return expect_refused(set_.add(a), "add duplicate " + describe(a));
    }
    Annotation a = random_annotation(rng_, "n" + std::to_string(next_id_++), kLength);
    if (kind == 1 && a.start < a.end) {
      std::swap(a.start, a.end);
      return expect_refused(set_.add(a), "add reversed " + describe(a));
    }
    if (kind == 2) {
      a.end = kLength + 1 + below(rng_, 3);
      return expect_refused(set_.add(a), "add beyond " + describe(a));
    }
    log_.push_back("add " + describe(a));
    const auto r = set_.add(a);
    if (!r.ok()) return void(failure_ = "add refused: " + r.error().describe());
    a.created = a.modified = r->modified;
    live_[a.id] = a;
    ever_.insert(a.id);
    recorded();
  }

  void update() {
    before_ = live_;
    if (live_.empty() || below(rng_, 15) == 0) {
      return expect_refused(set_.update(span("missing", 0, 0)), "update missing");
    }
    Annotation a = random_annotation(rng_, any_live_id(), kLength);
    if (below(rng_, 6) == 0) a = live_[a.id];  // no change: nothing is recorded
    log_.push_back("update " + describe(a));
    const auto r = set_.update(a);
    if (!r.ok()) return void(failure_ = "update refused: " + r.error().describe());
    a.created = live_[a.id].created;
    if (same_content(a, live_[a.id])) return;
    live_[a.id] = a;
    recorded();
  }

  void remove() {
    before_ = live_;
    if (live_.empty() || below(rng_, 15) == 0) {
      return expect_refused(set_.remove("missing"), "remove missing");
    }
    const std::string id = any_live_id();
    log_.push_back("remove " + id);
    if (!set_.remove(id).ok()) return void(failure_ = "remove refused");
    live_.erase(id);
    recorded();
  }

  void replay(bool undoing) {
    auto& from = undoing ? undo_ : redo_;
    auto& to = undoing ? redo_ : undo_;
    const bool expected = !from.empty();
    log_.push_back(undoing ? "undo" : "redo");
    if ((undoing ? set_.undo() : set_.redo()) != expected) {
      failure_ = std::string(undoing ? "undo" : "redo") + " returned " + (expected ? "false" : "true");
      return;
    }
    if (!expected) return;
    to.push_back(live_);
    live_ = from.back();
    from.pop_back();
    for (const auto& [id, a] : live_) ever_.insert(id);
  }

  std::string check() {
    if (!failure_.empty()) return failure_;
    const std::vector<const Annotation*> all = set_.all();
    std::vector<const Annotation*> expected;
    for (const auto& [id, a] : live_) expected.push_back(&a);
    std::sort(expected.begin(), expected.end(),
              [](const Annotation* a, const Annotation* b) { return range_order_less(*a, *b); });
    if (all.size() != expected.size()) {
      return "size " + std::to_string(all.size()) + ", model " + std::to_string(expected.size());
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (!same_content(*all[i], *expected[i])) {
        return "annotation " + std::to_string(i) + " is " + describe(*all[i]) + ", model " +
               describe(*expected[i]);
      }
    }
    if (set_.can_undo() != !undo_.empty() || set_.can_redo() != !redo_.empty()) {
      return "can_undo/can_redo disagree with the model";
    }
    // Every id ever added is live or tombstoned, never both.
    std::string tombstones, model_tombstones;
    for (const Tombstone& t : set_.tombstones()) tombstones += t.id + " ";
    for (const std::string& id : ever_) {
      if (!live_.count(id)) model_tombstones += id + " ";
    }
    if (tombstones != model_tombstones) {
      return "tombstones {" + tombstones + "}, model {" + model_tombstones + "}";
    }
    // The latest stamp per id grows with every change, even when the clock stalls.
    for (const std::string& id : ever_) {
      const Annotation* a = set_.find(id);
      const Timestamp t = a ? a->modified : *set_.tombstone(id);
      const std::string state = a ? describe(*a) : "deleted";
      auto& [last_t, last_state] = last_[id];
      if (state != last_state && t <= last_t) {
        return id + " changed to " + state + " with stamp " + std::to_string(t) +
               ", not after " + std::to_string(last_t);
      }
      last_t = t;
      last_state = state;
    }
    return "";
  }

  std::mt19937 rng_;
  TestClock clock_;
  AnnotationSet set_;
  State live_, before_;
  std::vector<State> undo_, redo_;
  std::set<std::string> ever_;
  std::map<std::string, std::pair<Timestamp, std::string>> last_;
  std::vector<std::string> log_;
  std::string failure_;
  int next_id_ = 0;
  bool group_open_ = false;
  bool group_recorded_ = false;
};

TEST(AnnotationSetRandom, EditsUndoAndRedoMatchANaiveModel) {
  for (unsigned seed = 1; seed <= 2000; ++seed) {
    const std::string problem = EditSession(seed).run(40);
    ASSERT_TRUE(problem.empty()) << "seed " << seed << ": " << problem;
  }
}

// --- Windows and segments against a scan of every code point ------------------------------

// The documented rule, point by point: an empty range [p, p) stands for the code point p.
bool naive_touches(const Annotation& a, uint32_t from, uint32_t to) {
  if (from > to) return false;
  const uint32_t a_end = a.start == a.end ? a.start + 1 : a.end;
  const uint32_t w_end = from == to ? from + 1 : to;
  for (uint32_t p = from; p < w_end; ++p) {
    if (a.start <= p && p < a_end) return true;
  }
  return false;
}

std::string naive_segments(const std::vector<Annotation>& sorted, uint32_t from, uint32_t to) {
  std::vector<Run> out;
  for (uint32_t p = from; p < to; ++p) {
    std::vector<const Annotation*> covering;
    for (const Annotation& a : sorted) {
      if (a.start <= p && p < a.end) covering.push_back(&a);
    }
    if (!out.empty() && out.back().annotations == covering) {
      out.back().end = p + 1;
    } else {
      out.push_back(Run{p, p + 1, covering});
    }
  }
  return runs(out);
}

TEST(AnnotationSetRandom, WindowsAndSegmentsMatchANaiveScan) {
  constexpr uint32_t kLength = 300;
  for (unsigned seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed);
    AnnotationSet set(TestClock{}.clock(), kLength);
    std::vector<Annotation> sorted;
    // Odd seeds load most annotations with one merge into the empty set (the index is
    // built in bulk), then add a few, so later inserts go into a bulk-built index.
    if (seed % 2 == 1) {
      std::vector<Annotation> loaded;
      for (uint32_t n = below(rng, 150); n > 0; --n) {
        loaded.push_back(random_annotation(rng, "m" + std::to_string(n), kLength));
      }
      ASSERT_TRUE(set.merge(loaded, {}).ok());
      sorted = loaded;
    }
    for (uint32_t n = below(rng, seed % 2 == 1 ? 20 : 150); n > 0; --n) {
      const auto a = set.add(random_annotation(rng, "a" + std::to_string(n), kLength));
      ASSERT_TRUE(a.ok());
      sorted.push_back(*a);
    }
    std::sort(sorted.begin(), sorted.end(), range_order_less);
    // Some removals, so the index is checked after erasing too.
    for (uint32_t n = below(rng, 20); n > 0 && !sorted.empty(); --n) {
      const auto victim = sorted.begin() + below(rng, static_cast<uint32_t>(sorted.size()));
      ASSERT_TRUE(set.remove(victim->id).ok());
      sorted.erase(victim);
    }
    // A merge that moves a few of many: the index is updated in place, not rebuilt.
    std::vector<Annotation> moved;
    for (uint32_t n = below(rng, 4); n > 0 && !sorted.empty(); --n) {
      Annotation& a = sorted[below(rng, static_cast<uint32_t>(sorted.size()))];
      const auto [start, end] = random_range(rng, kLength);
      a.start = start;
      a.end = end;
      a.modified += 1000;
      moved.push_back(a);
    }
    ASSERT_TRUE(set.merge(moved, {}).ok());
    std::sort(sorted.begin(), sorted.end(), range_order_less);
    for (int q = 0; q < 40; ++q) {
      const uint32_t from = below(rng, kLength + 5);
      const uint32_t to = below(rng, 4) == 0 ? from : from + below(rng, 60);
      std::string expected;
      for (const Annotation& a : sorted) {
        if (naive_touches(a, from, to)) expected += (expected.empty() ? "" : " ") + a.id;
      }
      ASSERT_EQ(ids(set.between(from, to)), expected) << "seed " << seed << " window [" << from
                                                      << "," << to << ")";
      // Pointers compare by address in the naive runs, so map them onto the set's own.
      std::vector<Annotation> mine;
      for (const Annotation* a : set.all()) mine.push_back(*a);
      ASSERT_EQ(runs(set.segment(from, to)), naive_segments(mine, from, to))
          << "seed " << seed << " window [" << from << "," << to << ")";
    }
    ASSERT_EQ(ids(set.between(6, 2)), "");
  }
}

// --- Merge properties -------------------------------------------------------------------

// A copy of a set's contents as plain data, where random versions of a few ids collide
// with close (often equal) times: the hard cases for a merge.
struct Side {
  std::vector<Annotation> annotations;
  std::vector<Tombstone> tombstones;
};

Side random_side(std::mt19937& rng) {
  Side side;
  for (uint32_t n = below(rng, 8); n > 0; --n) {
    Annotation a = random_annotation(rng, std::string(1, static_cast<char>('a' + below(rng, 6))), 30);
    a.created = 1;
    a.modified = 1 + below(rng, 6);
    side.annotations.push_back(a);
  }
  for (uint32_t n = below(rng, 4); n > 0; --n) {
    side.tombstones.push_back({std::string(1, static_cast<char>('a' + below(rng, 6))), 1 + below(rng, 6)});
  }
  return side;
}

AnnotationSet set_from(const Side& side) {
  AnnotationSet set(TestClock{}.clock(), 30);
  EXPECT_TRUE(set.merge(side.annotations, side.tombstones).ok());
  return set;
}

std::string dump(const AnnotationSet& set) {
  std::string out;
  for (const Annotation* a : set.all()) out += describe(*a) + "@" + std::to_string(a->modified) + " ";
  out += "| ";
  for (const Tombstone& t : set.tombstones()) out += t.id + "@" + std::to_string(t.deleted) + " ";
  return out;
}

AnnotationSet merged(AnnotationSet a, const AnnotationSet& b) {
  EXPECT_TRUE(a.merge(b).ok());
  return a;
}

TEST(AnnotationSetRandom, MergeIsCommutativeAssociativeAndIdempotent) {
  for (unsigned seed = 1; seed <= 2000; ++seed) {
    std::mt19937 rng(seed);
    const AnnotationSet x = set_from(random_side(rng));
    const AnnotationSet y = set_from(random_side(rng));
    const AnnotationSet z = set_from(random_side(rng));
    const AnnotationSet xy = merged(x, y);
    const std::string context = "seed " + std::to_string(seed) + "\nx: " + dump(x) +
                                "\ny: " + dump(y) + "\nz: " + dump(z);
    ASSERT_EQ(dump(xy), dump(merged(y, x))) << context;
    ASSERT_EQ(dump(merged(xy, z)), dump(merged(x, merged(y, z)))) << context;
    AnnotationSet again = xy;
    const auto report = again.merge(y);
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(*report, MergeReport{}) << context;
    ASSERT_EQ(dump(again), dump(xy)) << context;
    ASSERT_EQ(*again.merge(AnnotationSet(xy)), MergeReport{}) << context;
  }
}

TEST(AnnotationSetRandom, MergeKeepsTheNewestVersionAndRespectsTombstones) {
  for (unsigned seed = 1; seed <= 2000; ++seed) {
    std::mt19937 rng(seed);
    const Side x = random_side(rng);
    const Side y = random_side(rng);
    const AnnotationSet result = merged(set_from(x), set_from(y));
    // The rules per id, over everything either side knew.
    std::map<std::string, Timestamp> newest, deleted;
    for (const Side* side : {&x, &y}) {
      for (const Annotation& a : side->annotations) newest[a.id] = std::max(newest[a.id], a.modified);
      for (const Tombstone& t : side->tombstones) deleted[t.id] = std::max(deleted[t.id], t.deleted);
    }
    const std::string context = "seed " + std::to_string(seed) + "\nresult: " + dump(result);
    std::set<std::string> all_ids;
    for (const auto& [id, t] : newest) all_ids.insert(id);
    for (const auto& [id, t] : deleted) all_ids.insert(id);
    for (const std::string& id : all_ids) {
      const bool live = newest.count(id) && (!deleted.count(id) || newest[id] > deleted[id]);
      const Annotation* a = result.find(id);
      ASSERT_EQ(a != nullptr, live) << id << "\n" << context;
      if (live) {
        ASSERT_EQ(a->modified, newest[id]) << id << "\n" << context;
        ASSERT_EQ(result.tombstone(id), std::nullopt) << id << "\n" << context;
      } else {
        ASSERT_EQ(result.tombstone(id), deleted[id]) << id << "\n" << context;
      }
    }
    ASSERT_EQ(result.size() + result.tombstones().size(), all_ids.size()) << context;
  }
}

// Two tabs editing copies of one set: after exchanging their sets both hold the same.
TEST(AnnotationSetRandom, TabsThatExchangeMergesConverge) {
  for (unsigned seed = 1; seed <= 500; ++seed) {
    std::mt19937 rng(seed);
    TestClock clock;
    AnnotationSet first(clock.clock(), 30);
    int next_id = 0;
    auto edit = [&](AnnotationSet& set) {
      const uint32_t pick = below(rng, 5);
      const std::vector<const Annotation*> all = set.all();
      if (pick == 0 || all.empty()) {
        EXPECT_TRUE(set.add(random_annotation(rng, "n" + std::to_string(next_id++), 30)).ok());
      } else if (pick == 1) {
        const auto* a = all[below(rng, static_cast<uint32_t>(all.size()))];
        EXPECT_TRUE(set.update(random_annotation(rng, a->id, 30)).ok());
      } else if (pick == 2) {
        EXPECT_TRUE(set.remove(all[below(rng, static_cast<uint32_t>(all.size()))]->id).ok());
      } else {
        pick == 3 ? set.undo() : set.redo();
      }
      clock.advance(below(rng, 2));
    };
    for (int i = 0; i < 10; ++i) edit(first);
    AnnotationSet second = first;
    for (int round = 0; round < 3; ++round) {
      for (int i = 0; i < 6; ++i) edit(below(rng, 2) ? first : second);
      ASSERT_TRUE(first.merge(second).ok());
      ASSERT_TRUE(second.merge(first).ok());
      ASSERT_EQ(dump(first), dump(second)) << "seed " << seed << " round " << round;
    }
  }
}

}  // namespace
}  // namespace scholion
