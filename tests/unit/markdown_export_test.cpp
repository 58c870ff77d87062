#include "core/formats/plain_text.hpp"
#include "core/formats/markdown_export.hpp"

#include <gtest/gtest.h>

#include "core/formats/import_placement.hpp"
#include "test_support.hpp"

namespace scholion {
namespace {

const char* kArticleUrl = "https://www.example.org/news/nato-stoltenberg-vucic";

// The annotation over the first occurrence of `from`…`to` (inclusive of `to`).
Annotation over(const Document& doc, std::string_view from, std::string_view to, std::string id) {
  const std::size_t begin = doc.text().find(from);
  const std::size_t end = doc.text().find(to, begin) + to.size();
  Annotation a;
  a.id = std::move(id);
  a.start = doc.offsets().cp_from_byte(static_cast<uint32_t>(begin)).value();
  a.end = doc.offsets().cp_from_byte(static_cast<uint32_t>(end)).value();
  a.quote = quote_at(doc.offsets(), {a.start, a.end});
  a.created = a.modified = 1714555800000;
  return a;
}

TEST(MarkdownExport, NewsArticleWithThreeAnnotationsReadsWell) {
  const Document doc = document_from_plain_text(test::read_file(test::news_article()), kArticleUrl).value();
  std::vector<Annotation> list;
  // Given out of document order on purpose.
  list.push_back(over(doc, "We ensure a safe", "93 were injured", "6fa459ea-ee8a-4ca4-894e-db77e160355e"));
  list.push_back(over(doc, "\U0001F5E3 | NATO", "Welcome.", "1b4e28ba-2fa1-41d2-883f-0016d3cca427"));
  list.back().color = Color::green;
  list.back().note = "The tone is warm: **\"dear Aleksandar\"**.\nCompare with the statement on KFOR above.";
  list.back().tags = {"diplomacy", "kosovo"};
  list.push_back(over(doc, "Mr. Stoltenberg called", "unacceptable", "16fd2706-8baf-433b-82eb-8c7fada847da"));
  list.back().color = Color::pink;
  list.back().tags = {"foreign policy"};

  const std::string expected =
      test::read_file(std::filesystem::path(SCHOLION_SOURCE_DIR) / "tests/unit/data/nato-three-annotations.md");
  EXPECT_EQ(export_markdown(doc, list), expected);
}

TEST(MarkdownExport, EscapesMarkupInQuotes) {
  EXPECT_EQ(escape_markdown("# not a heading"), "\\# not a heading");
  EXPECT_EQ(escape_markdown("1. not a list"), "1\\. not a list");
  EXPECT_EQ(escape_markdown("- no"), "\\- no");
  EXPECT_EQ(escape_markdown("a *b* _c_ `d` [e](f) <g> a|b ~h~ \\"), "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> a\\|b \\~h\\~ \\\\");
  EXPECT_EQ(escape_markdown("AT&T &amp; & co"), "AT\\&T \\&amp; & co");
  EXPECT_EQ(escape_markdown("    code?"), "code?");
  EXPECT_EQ(escape_markdown("1999 was"), "1999 was");
}

TEST(MarkdownExport, MultiLineQuotesKeepTheMarkerOnEveryLine) {
  const Document doc = Document::make({"d", "T", ""}, {Block{BlockKind::preformatted, 0, "line one\nline two\n\n> third"}}).value();
  Annotation a;
  a.id = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
  a.end = doc.length();
  a.quote.exact = doc.text();
  EXPECT_EQ(export_markdown(doc, {&a, 1}),
            "# T\n\nSource: d\n\n1 annotation\n\n---\n\n> line one\\\n> line two\n>\n> \\> third\n\nyellow highlight\n");
}

}  // namespace
}  // namespace scholion
