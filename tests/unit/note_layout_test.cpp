#include "core/layout/note_layout.hpp"

#include <gtest/gtest.h>

#include "core/text/utf8.hpp"
#include "layout_support.hpp"

namespace scholion {
namespace {

using test::FixedMetrics;  // one unit per code point, lines 2 units high

// Each line as "x,y:text", with "^" before the first line of a block; lines are 2 high.
std::vector<std::string> shown(const std::string& note, float width, float indent = 2) {
  const std::vector<NoteBlock> blocks = parse_note_markdown(note);
  const FixedMetrics metrics;
  const NoteLayout layout = layout_note(blocks, metrics, width, indent);
  std::vector<std::string> out;
  for (const NoteLine& line : layout.lines) {
    const std::u32string text = to_utf32(blocks[line.block].text);
    EXPECT_EQ(line.width, static_cast<float>(line.end - line.start));
    EXPECT_EQ(line.y, static_cast<float>(static_cast<int>(line.y)));  // whole units here
    out.push_back(std::string(line.first_of_block ? "^" : "") + std::to_string(int(line.x)) + "," +
                  std::to_string(int(line.y)) + ":" + to_utf8(text.substr(line.start, line.end - line.start)));
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(NoteLayout, ParagraphsFillTheWidthWithTheDocumentsLineBreaker) {
  EXPECT_EQ(shown("the quick brown fox", 10), (Lines{"^0,0:the quick", "0,2:brown fox"}));
}

TEST(NoteLayout, BlocksAreHalfALineApart) {
  EXPECT_EQ(shown("one\n\ntwo", 10), (Lines{"^0,0:one", "^0,3:two"}));
}

TEST(NoteLayout, ListItemsAreIndentedAndFollowEachOther) {
  EXPECT_EQ(shown("Items:\n- first item here\n- second", 12, 2),
            (Lines{"^0,0:Items:", "^2,3:first item", "2,5:here", "^2,7:second"}));
}

TEST(NoteLayout, HeightIsTheBottomOfTheLastLine) {
  const FixedMetrics metrics;
  EXPECT_EQ(layout_note(parse_note_markdown("a\n\nb"), metrics, 10, 2).height, 5.0f);
  EXPECT_EQ(layout_note({}, metrics, 10, 2).height, 0.0f);
  EXPECT_EQ(layout_note({}, metrics, 10, 2).line_height, 2.0f);
}

TEST(NoteLayout, NonAsciiNeverSplitsACluster) {
  // 🇷🇸 is two code points and one cluster: a narrow card breaks around it, not inside.
  // (A flag is a break opportunity on both sides, as an ideograph is: UAX #14 LB31.)
  EXPECT_EQ(shown("ab\U0001F1F7\U0001F1F8cd", 3), (Lines{"^0,0:ab", "0,2:\U0001F1F7\U0001F1F8", "0,4:cd"}));
  EXPECT_EQ(shown("**Vučić** #история", 6), (Lines{"^0,0:Vučić", "0,2:#истор", "0,4:ия"}));
}

TEST(NoteLayout, ANoteInARightToLeftScriptIsRightAlignedWithItsFirstWordOnTheRight) {
  // "שלום עולם" (hello world) in a card 20 units wide.
  const FixedMetrics metrics;
  const NoteLayout layout = layout_note(parse_note_markdown("\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD"),
                                        metrics, 20, 2);
  ASSERT_EQ(layout.lines.size(), 1u);
  EXPECT_FLOAT_EQ(layout.lines[0].x + layout.lines[0].width, 20);
  const auto [first, end] = layout.run_ranges[0];
  ASSERT_EQ(end - first, 3u);  // second word, space, first word, left to right
  EXPECT_EQ(layout.runs[first].start, 5u);
  EXPECT_EQ(layout.runs[end - 1].start, 0u);
  EXPECT_TRUE(layout.runs[first].rtl);
  EXPECT_FLOAT_EQ(layout.runs[end - 1].x + layout.runs[end - 1].width, 20);
}

TEST(NoteLayout, LeftToRightNotesKeepTheirRunsInOrder) {
  const FixedMetrics metrics;
  const NoteLayout layout = layout_note(parse_note_markdown("one two"), metrics, 20, 2);
  const auto [first, end] = layout.run_ranges[0];
  ASSERT_EQ(end - first, 3u);
  EXPECT_EQ(layout.runs[first].start, 0u);
  EXPECT_FALSE(layout.runs[first].rtl);
  EXPECT_FLOAT_EQ(layout.runs[first].x, 0);
}

}  // namespace
}  // namespace scholion
