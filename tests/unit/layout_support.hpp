// Helpers for the layout and reader-state tests: a fixed-advance font, documents from
// short strings, and a notation for selections.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/document.hpp"
#include "core/layout/layout.hpp"
#include "core/text/utf8.hpp"

namespace scholion::test {

// Every visible code point is one unit wide, lines are 2 units high: a layout of width w
// breaks text as a monospace terminal of w columns would.
class FixedMetrics : public FontMetrics {
 public:
  float measure(std::u32string_view run, TextStyle) const override { return visible_count(run); }
  float line_height(TextStyle) const override { return 2; }
};

// Paragraphs separated by "\n\n" in `text`.
inline Document paragraphs(const std::string& text, std::string title = "Title",
                           std::string url = {}) {
  std::vector<Block> blocks;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t end = text.find("\n\n", pos);
    blocks.push_back(Block{BlockKind::paragraph, 0, text.substr(pos, end - pos)});
    if (end == std::string::npos) break;
    pos = end + 2;
  }
  return Document::make({"doc", std::move(title), std::move(url)}, std::move(blocks)).value();
}

// A layout `columns` units wide with no margin and an unlimited measure.
inline Layout monospace(const Document& doc, float columns) {
  static const FixedMetrics metrics;
  LayoutOptions options;
  options.width = columns;
  options.margin = 0;
  options.measure_ch = 100000;
  return Layout(doc, metrics, options);
}

// --- The selection notation ----------------------------------------------------------
// "The [quick] brown fox": a selection from the code point after '[' to the one before
// ']'; "The qu|ick": a caret. The marks are not part of the text.
struct Marked {
  std::string text;
  uint32_t from = 0;
  uint32_t to = 0;
};

inline Marked parse_marks(const std::string& notation) {
  Marked m;
  uint32_t cp = 0;
  for (std::size_t i = 0; i < notation.size();) {
    const char c = notation[i];
    if (c == '[' || c == '|') m.from = cp;
    if (c == ']' || c == '|') m.to = cp;
    if (c == '[' || c == ']' || c == '|') {
      ++i;
      continue;
    }
    const std::size_t start = i;
    next_code_point(notation, i);
    m.text.append(notation, start, i - start);
    ++cp;
  }
  return m;
}

// The text with the range [from, to) marked as above.
inline std::string mark(const Document& doc, uint32_t from, uint32_t to) {
  const TextOffsets& o = doc.offsets();
  if (from == to) {
    return std::string(o.slice(0, from)) + "|" + std::string(o.slice(from, o.cp_length()));
  }
  return std::string(o.slice(0, from)) + "[" + std::string(o.slice(from, to)) + "]" +
         std::string(o.slice(to, o.cp_length()));
}

// A deterministic RandomSource (SplitMix64).
inline auto counter_random(uint64_t seed = 1) {
  return [state = seed]() mutable {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
}

}  // namespace scholion::test
