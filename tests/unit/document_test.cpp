#include "core/formats/plain_text.hpp"
#include "core/model/document.hpp"

#include <gtest/gtest.h>

#include "core/text/sha256.hpp"
#include "test_support.hpp"

namespace scholion {
namespace {

Document doc_of(std::vector<std::string> paragraphs) {
  std::vector<Block> blocks;
  for (auto& p : paragraphs) blocks.push_back(Block{BlockKind::paragraph, 0, std::move(p)});
  return Document::make({"doc", "Title", ""}, std::move(blocks)).value();
}

TEST(Document, NewsArticleHoldsTitleAndParagraphs) {
  const auto doc = document_from_plain_text(test::read_file(test::news_article()),
                                            "https://example.org/news/nato");
  ASSERT_TRUE(doc.ok()) << doc.error().describe();
  EXPECT_EQ(doc->title(), "NATO Secretary General with the President of Serbia \U0001F1F7\U0001F1F8 "
                          "Aleksandar Vu\u010Di\u0107");
  ASSERT_EQ(doc->blocks().size(), 14u);
  EXPECT_EQ(doc->blocks()[0].kind, BlockKind::heading);
  EXPECT_EQ(doc->blocks()[0].level, 1);
  // The source has "Source", U+00A0, a space: the no-break space is kept, as a browser does.
  EXPECT_EQ(doc->blocks()[1].text, "Source\u00A0 North Atlantic Treaty Organization (NATO)");
  EXPECT_EQ(doc->blocks()[2].text.rfind("Media \u2013 NATO Secretary General Jens Stoltenberg", 0), 0u);
  EXPECT_EQ(doc->blocks()[5].text.rfind("\U0001F5E3 | NATO Secretary General: President Vu\u010Di\u0107", 0), 0u);
  EXPECT_EQ(doc->blocks()[13].text.rfind("Your email address will not be published.", 0), 0u);
  for (std::size_t i = 1; i < doc->blocks().size(); ++i) {
    EXPECT_EQ(doc->blocks()[i].kind, BlockKind::paragraph) << i;
  }
}

TEST(Document, PlainTextIsBlocksJoinedByBlankLines) {
  const auto doc = doc_of({"One.", "Two \u010D.", "Three."});
  EXPECT_EQ(doc.text(), "One.\n\nTwo \u010D.\n\nThree.");
  EXPECT_EQ(doc.length(), 20u);
  EXPECT_EQ(doc.block_start(0), 0u);
  EXPECT_EQ(doc.block_start(1), 6u);
  EXPECT_EQ(doc.block_end(1), 12u);
  EXPECT_EQ(doc.block_start(2), 14u);
  EXPECT_EQ(doc.block_end(2), 20u);
}

TEST(Document, BlockLookupByPosition) {
  const auto doc = doc_of({"One.", "Two.", "Three."});
  EXPECT_EQ(doc.block_at(0), 0u);
  EXPECT_EQ(doc.block_at(4), 0u);   // end of block 0
  EXPECT_EQ(doc.block_at(5), 0u);   // in the separator: the block before
  EXPECT_EQ(doc.block_at(6), 1u);
  EXPECT_EQ(doc.block_at(12), 2u);
  EXPECT_EQ(doc.block_at(999), 2u);
}

TEST(Document, FingerprintIsSha256OfTheTextOnly) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  const auto a = doc_of({"abc"});
  EXPECT_EQ(a.fingerprint(), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto b = Document::make({"other-id", "Other title", ""}, {Block{BlockKind::heading, 2, "abc"}});
  EXPECT_EQ(b->fingerprint(), a.fingerprint());
  EXPECT_NE(doc_of({"abd"}).fingerprint(), a.fingerprint());
}

TEST(Document, RejectsInvalidUtf8NamingTheBlock) {
  auto r = Document::make({"id", "t", ""}, {Block{BlockKind::paragraph, 0, "ok"},
                                            Block{BlockKind::paragraph, 0, "bad \xC3("}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().describe(), "$.blocks[1].text: invalid UTF-8 at byte 4: 0xC3 0x28");
}

TEST(Document, RejectsBadHeadingLevels) {
  auto r = Document::make({"id", "t", ""}, {Block{BlockKind::heading, 7, "h"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().describe(), "$.blocks[0].level: heading level 7 is not in 1..6");
}

TEST(Normalize, CollapsesAsciiWhitespaceLikeABrowser) {
  EXPECT_EQ(normalize_block_text("  Source \t North\n\nAtlantic  "), "Source North Atlantic");
  EXPECT_EQ(normalize_block_text(" \n\t "), "");
}

TEST(Normalize, KeepsTypographicCharacters) {
  const std::string s = "Mr.\u00A0Twain \u2060\u2014 \u2019Toine\u00A0\u00A0\u201Cx\u201D";
  EXPECT_EQ(normalize_block_text(s), s);
}

TEST(Normalize, PreformattedKeepsSpacesAndUnifiesLineEnds) {
  EXPECT_EQ(normalize_preformatted_text("a  b\r\nc\rd\n"), "a  b\nc\nd\n");
}

}  // namespace
}  // namespace scholion
