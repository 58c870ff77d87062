#include "core/formats/markdown_import.hpp"

#include <gtest/gtest.h>

#include <random>

#include "test_support.hpp"

namespace scholion {
namespace {

Block heading(int level, std::string text) { return Block{BlockKind::heading, static_cast<uint8_t>(level), std::move(text)}; }
Block para(std::string text) { return Block{BlockKind::paragraph, 0, std::move(text)}; }
Block quote(std::string text) { return Block{BlockKind::quote, 0, std::move(text)}; }
Block item(std::string text) { return Block{BlockKind::list_item, 0, std::move(text)}; }
Block code(std::string text) { return Block{BlockKind::preformatted, 0, std::move(text)}; }

std::vector<Block> blocks_of(std::string_view markdown) { return import_markdown(markdown).value().blocks; }

TEST(MarkdownImport, HeadingsParagraphsQuotesListsAndCodeBecomeBlocks) {
  const auto result = import_markdown(
      "# The String\n"
      "\n"
      "Along all the roads around Goderville\n"
      "the peasants and their wives\n"
      "were coming.\n"
      "\n"
      "## Part two ##\n"
      "\n"
      "> He said: it is\n"
      "> a lie.\n"
      ">\n"
      "> Second quoted paragraph.\n"
      "\n"
      "- first item\n"
      "  continued\n"
      "* second item\n"
      "  1. nested item\n"
      "\n"
      "```js\n"
      "let x = 1;\n"
      "  indented();\n"
      "```\n"
      "\n"
      "---\n"
      "\n"
      "    four spaces of code\n"
      "\n"
      "Setext heading\n"
      "==============\n");
  ASSERT_TRUE(result) << result.error().describe();
  EXPECT_EQ(result->title, "The String");
  const std::vector<Block> expected = {
      heading(1, "The String"),
      para("Along all the roads around Goderville the peasants and their wives were coming."),
      heading(2, "Part two"),
      quote("He said: it is a lie."),
      quote("Second quoted paragraph."),
      item("first item continued"),
      item("second item"),
      item("nested item"),
      code("let x = 1;\n  indented();"),
      code("four spaces of code"),
      heading(1, "Setext heading"),
  };
  EXPECT_EQ(result->blocks, expected);
}

TEST(MarkdownImport, InlineMarkupIsRemovedAndItsTextKept) {
  EXPECT_EQ(markdown_inline_text("*emphasis* and **strong** and ***both***"), "emphasis and strong and both");
  EXPECT_EQ(markdown_inline_text("_under_ but snake_case_name stays"), "under but snake_case_name stays");
  EXPECT_EQ(markdown_inline_text("a [link](https://example.org \"t\") and ![alt text](img.png)"),
            "a link and alt text");
  EXPECT_EQ(markdown_inline_text("[ref link][r] and [collapsed][]"), "ref link and collapsed");
  EXPECT_EQ(markdown_inline_text("`code *not emphasis*` and `` a ` b ``"), "code *not emphasis* and a ` b");
  EXPECT_EQ(markdown_inline_text("<https://example.org> <b>bold</b> <!-- gone -->x"), "https://example.org bold x");
  EXPECT_EQ(markdown_inline_text("\\*not emphasis\\* 2 * 3 * 4"), "*not emphasis* 2 * 3 * 4");
  EXPECT_EQ(markdown_inline_text("AT&amp;T &lt;tag&gt; &#233;t&#xE9; & co"), "AT&T <tag> \u00e9t\u00e9 & co");
  EXPECT_EQ(markdown_inline_text("[not a link] and a < b"), "[not a link] and a < b");
  EXPECT_EQ(markdown_inline_text("**unclosed"), "**unclosed");
}

TEST(MarkdownImport, TitleIsTheFirstHeadingOrEmpty) {
  EXPECT_EQ(import_markdown("Intro\n\n## Second level first\n\n# Later").value().title, "Second level first");
  EXPECT_EQ(import_markdown("No heading at all.\n").value().title, "");
}

TEST(MarkdownImport, EmptyBlocksAndReferenceDefinitionsAreDropped) {
  EXPECT_EQ(blocks_of("#\n\n[r]: https://example.org\n\n***\n\ntext\r\n"), std::vector<Block>{para("text")});
  EXPECT_TRUE(blocks_of("").empty());
  EXPECT_TRUE(blocks_of("\n\n   \n").empty());
}

TEST(MarkdownImport, ByteOrderMarkIsSkippedAndInvalidUtf8IsNamed) {
  EXPECT_EQ(blocks_of("\xEF\xBB\xBF# T"), std::vector<Block>{heading(1, "T")});
  const auto bad = import_markdown("# ok\n\nbad \xC3\x28 byte");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().describe(), "invalid UTF-8 at byte 10: 0xC3 0x28");
}

TEST(MarkdownImport, UnclosedFenceRunsToTheEnd) {
  EXPECT_EQ(blocks_of("text\n\n~~~\ncode\n\nmore"), (std::vector<Block>{para("text"), code("code\n\nmore")}));
}

// Markup soup (seeded): every input reads, and no block comes out empty or unnormalised.
TEST(MarkdownImport, RandomMarkupNeverFailsOrYieldsEmptyBlocks) {
  const std::string_view alphabet = "#*_`[]()!<>&;\\-+=~ \t\nab1.:x";
  std::mt19937 rng(20240501);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) text += alphabet[rng() % alphabet.size()];
    auto read = import_markdown(text);
    ASSERT_TRUE(read) << text;
    for (const Block& b : read->blocks) {
      ASSERT_FALSE(b.text.empty()) << text;
      if (b.kind != BlockKind::preformatted) {
        ASSERT_EQ(b.text, normalize_block_text(b.text)) << text;
      }
    }
  }
}

// Paragraphs of half a megabyte full of unmatched markers read in linear time (a
// quadratic reader would not finish within the test's timeout).
TEST(MarkdownImport, UnmatchedMarkersDoNotMakeReadingQuadratic) {
  for (std::string_view unit : {"[a ", "` `` ", "<a ", "*_ ", "![x](", "<!-- "}) {
    std::string text;
    while (text.size() < 500000) text += unit;
    auto read = import_markdown(text);
    ASSERT_TRUE(read);
    ASSERT_EQ(read->blocks.size(), 1u) << unit;
  }
}

TEST(MarkdownImport, NaughtyStringsReadAsText) {
  const std::string text = test::read_file(std::filesystem::path(SCHOLION_SHARED_DIR) /
                                           "corpus/texts/mixed/blns-big-list-of-naughty-strings.txt");
  auto read = import_markdown(text);
  ASSERT_TRUE(read) << read.error().describe();
  EXPECT_GT(read->blocks.size(), 100u);
  EXPECT_EQ(read->title, "Reserved Strings");
}

}  // namespace
}  // namespace scholion
