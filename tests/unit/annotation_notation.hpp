// Helpers for the annotation tests: a test clock and a tiny notation for spans.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/model/annotation_set.hpp"

namespace scholion::test {

// --- A tiny notation ----------------------------------------------------------------------
// Spans are written "a[0,5) b[3,9) c[7,7)": an id and its half-open code point range.
// Query results print back as ids ("a b") and runs as "[0,3)a [3,5)a+b [5,9)b [9,12)-".

struct TestClock {
  std::shared_ptr<Timestamp> now = std::make_shared<Timestamp>(1000);
  Clock clock() const {
    return [now = now] { return *now; };
  }
  void advance(Timestamp ms = 1) const { *now += ms; }
};

inline Annotation span(std::string id, uint32_t start, uint32_t end, std::string note = {}) {
  Annotation a;
  a.id = std::move(id);
  a.start = start;
  a.end = end;
  a.note = std::move(note);
  return a;
}

inline std::vector<Annotation> spans(const std::string& notation) {
  std::vector<Annotation> out;
  std::istringstream in(notation);
  std::string token;
  while (in >> token) {
    const auto open = token.find('[');
    const auto comma = token.find(',');
    out.push_back(span(token.substr(0, open),
                       static_cast<uint32_t>(std::stoul(token.substr(open + 1, comma - open - 1))),
                       static_cast<uint32_t>(std::stoul(token.substr(comma + 1)))));
  }
  return out;
}

inline AnnotationSet set_of(const std::string& notation, const TestClock& clock = {},
                     std::optional<uint32_t> length = std::nullopt) {
  AnnotationSet set(clock.clock(), length);
  for (Annotation& a : spans(notation)) EXPECT_TRUE(set.add(std::move(a)).ok()) << notation;
  return set;
}

inline std::string ids(const std::vector<const Annotation*>& found) {
  std::string out;
  for (const Annotation* a : found) out += (out.empty() ? "" : " ") + a->id;
  return out;
}

inline std::string runs(const std::vector<Run>& segments) {
  std::string out;
  for (const Run& r : segments) {
    if (!out.empty()) out += ' ';
    out += "[" + std::to_string(r.start) + "," + std::to_string(r.end) + ")";
    if (r.annotations.empty()) out += "-";
    for (std::size_t i = 0; i < r.annotations.size(); ++i) {
      out += (i ? "+" : "") + r.annotations[i]->id;
    }
  }
  return out;
}

inline std::string tombstone_ids(const AnnotationSet& set) {
  std::string out;
  for (const Tombstone& t : set.tombstones()) out += (out.empty() ? "" : " ") + t.id;
  return out;
}

}  // namespace scholion::test
