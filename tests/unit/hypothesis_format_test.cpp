#include "core/formats/hypothesis_format.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace scholion {
namespace {

ImportOptions with(const Document* doc) {
  ImportOptions o;
  o.document = doc;
  o.clock = [] { return Timestamp{42}; };
  o.random = [n = uint64_t{0}]() mutable { return ++n * 0x9E3779B97F4A7C15ull; };
  return o;
}

// The page's document.body.textContent as one preformatted block: positions index it.
Document page_text(const std::string& text) {
  return Document::make({"page", "", ""}, {Block{BlockKind::preformatted, 0, text}}).value();
}

std::string hypothesis_file(const char* name) {
  return test::read_file(test::shared_dir() / "conformance/hypothesis-format" / name);
}

TEST(Hypothesis, IdsDecodeToUuids) {
  EXPECT_EQ(uuid_from_hypothesis_id("K8YIKPrMEeew46PspufAQg"), "2bc60828-facc-11e7-b0e3-a3eca6e7c042");
  EXPECT_EQ(uuid_from_hypothesis_id("test"), std::nullopt);
  EXPECT_EQ(uuid_from_hypothesis_id("K8YIKPrMEeew46PspufAQ!"), std::nullopt);
}

TEST(Hypothesis, MinimalBaselineLandsOnItsQuote) {
  const Document doc = page_text("One Two Three\n");
  auto r = import_hypothesis(hypothesis_file("client-html-baselines/minimal.api-search.json"), with(&doc));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->annotations.size(), 1u);
  const ImportedAnnotation& a = r->annotations[0];
  EXPECT_EQ(a.status, ImportStatus::verified);
  EXPECT_EQ(a.annotation.start, 4u);
  EXPECT_EQ(a.annotation.end, 7u);
  EXPECT_EQ(a.annotation.quote, (TextQuote{"Two", "One ", " Three\n"}));
}

TEST(Hypothesis, WikipediaBaselinesLandOnTheirQuotes) {
  const Json vectors = Json::parse(test::read_file(test::shared_dir() / "conformance/hypothesis/html-baseline-wikipedia-regression-testing.json"));
  const Document doc = page_text(vectors["root_text"].get<std::string>());
  for (const char* file : {"client-html-baselines/wikipedia-regression-testing.api-search.2016-original.json",
                           "client-html-baselines/wikipedia-regression-testing.api-search.HEAD.json"}) {
    auto r = import_hypothesis(hypothesis_file(file), with(&doc));
    ASSERT_TRUE(r.ok()) << r.error().describe();
    ASSERT_EQ(r->annotations.size(), 5u) << file;
    const std::vector<std::string> notes = {"Footer", "Body", "Quote", "Introduction", "Heading"};
    for (std::size_t i = 0; i < 5; ++i) {
      const ImportedAnnotation& a = r->annotations[i];
      EXPECT_EQ(a.status, ImportStatus::verified) << file << " " << i << ": " << a.detail;
      EXPECT_EQ(doc.offsets().slice(a.annotation.start, a.annotation.end), a.annotation.quote.exact);
      EXPECT_EQ(a.annotation.note, notes[i]);
      EXPECT_EQ(a.source, "https://en.wikipedia.org/wiki/Regression_testing");
    }
    EXPECT_EQ(r->annotations[0].annotation.start, 11881u);
    EXPECT_EQ(r->annotations[0].annotation.quote.exact, "11 November 2016");
    EXPECT_EQ(r->annotations[0].annotation.created, 1481887454673);  // 2016-12-16T11:24:14.673557+00:00
  }
}

// The baselines have nothing above U+FFFF, so UTF-16 and code points agree there. Here
// they do not: two astral characters before the quote shift it by two.
TEST(Hypothesis, Utf16OffsetsBecomeCodePoints) {
  const Document doc = page_text("\U0001F1F7\U0001F1F8 Vu\u010Di\u0107 \U0001F5E3 said");
  const std::string row = R"({"id": "K8YIKPrMEeew46PspufAQg", "text": "note", "tags": ["a", "b"],
    "created": "2018-01-16T14:47:27.138496+00:00", "updated": "2018-01-17T00:00:00+00:00", "uri": "https://x.org/",
    "target": [{"source": "https://x.org/", "selector": [
      {"type": "TextPositionSelector", "start": 5, "end": 10},
      {"type": "TextQuoteSelector", "exact": "Vu\u010di\u0107", "prefix": "\ud83c\uddf7\ud83c\uddf8 ", "suffix": " "}]}]})";
  auto r = import_hypothesis(row, with(&doc));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const ImportedAnnotation& a = r->annotations[0];
  EXPECT_EQ(a.status, ImportStatus::verified) << a.detail;
  EXPECT_EQ(a.annotation.start, 3u);
  EXPECT_EQ(a.annotation.end, 8u);
  EXPECT_EQ(a.annotation.tags, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(a.annotation.modified, 1516147200000);
  EXPECT_EQ(a.annotation.id, "2bc60828-facc-11e7-b0e3-a3eca6e7c042");

  // An offset inside a surrogate pair cannot be a position in this text: anchor by quote.
  std::string split = row;
  split.replace(split.find("\"start\": 5"), 10, "\"start\": 1");
  auto s = import_hypothesis(split, with(&doc));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->annotations[0].status, ImportStatus::needs_anchoring);
  EXPECT_EQ(s->annotations[0].detail, "UTF-16 offset 1 is inside the surrogate pair of U+1F1F7");
}

TEST(Hypothesis, RealRowsWithoutTheirPagesKeepTheQuote) {
  auto r = import_hypothesis(hypothesis_file("elife-hypothesis-dummy/search-response.3-real-annotations.json"), with(nullptr));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->annotations.size(), 3u);
  for (const ImportedAnnotation& a : r->annotations) {
    EXPECT_EQ(a.status, ImportStatus::needs_anchoring);
    EXPECT_NE(a.detail.find("cannot be converted without the document"), std::string::npos);
  }
  EXPECT_EQ(r->annotations[0].annotation.quote.exact, "estuarine circulation");
  EXPECT_EQ(r->annotations[0].annotation.note, "what is this?");
  EXPECT_NE(r->annotations[2].annotation.quote.exact.find("We\u2019ll"), std::string::npos);

  auto single = import_hypothesis(hypothesis_file("elife-hypothesis-dummy/post-annotation-response.json"), with(nullptr));
  ASSERT_TRUE(single.ok()) << single.error().describe();
  EXPECT_EQ(single->annotations[0].annotation.quote.exact, "imaged");
}

TEST(Hypothesis, RepliesAndPageNotesAreSkippedWithAReason) {
  const std::string json = R"({"rows": [
    {"id": "a", "target": [{"source": "https://x.org/"}], "text": "page note"},
    {"id": "b", "references": ["a"], "target": [{"source": "https://x.org/"}], "text": "reply"}]})";
  EXPECT_EQ(import_hypothesis(json, with(nullptr)).error().describe(),
            "$.rows[0].target[0]: a page note has no quoted text (and 1 more annotations not importable)");
}

TEST(Hypothesis, BadRowsFailTheWholeImport) {
  const Document doc = page_text("One Two Three\n");
  const std::string good = R"({"id": "x", "target": [{"selector": [{"type": "TextPositionSelector", "start": 4, "end": 7}]}]})";
  ASSERT_TRUE(import_hypothesis(good, with(&doc)).ok());
  auto error = [&](std::string json) {
    auto r = import_hypothesis(json, with(&doc));
    return r ? std::string("ok") : r.error().describe();
  };
  EXPECT_EQ(error(R"({"rows": [)" + good + R"(, {"id": 3}]})"), "$.rows[1].id: expected a string, got 3");
  EXPECT_EQ(error(R"({"rows": {}})"), "$.rows: expected an array of annotations, got an empty object");
  EXPECT_EQ(error(R"({"id": "x", "target": [{"selector": [{"type": "TextPositionSelector", "start": 7, "end": 4}]}]})"),
            "$.target[0].selector[0]: reversed range: start 7 is after end 4");
  EXPECT_EQ(error(R"({"id": "x", "target": [{"selector": [{"type": "TextPositionSelector", "start": 4, "end": 70}]}]})"),
            "$.target[0].selector[0]: UTF-16 offset 70 is outside the text (length 14)");
  EXPECT_EQ(error(R"({"id": "x", "created": "yesterday", "target": []})"),
            "$.created: \"yesterday\" is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ssZ)");
  EXPECT_EQ(error(R"({"id": "x", "tags": "a", "target": []})"), "$.tags: expected an array of strings, got \"a\"");
  EXPECT_EQ(error(R"({"id": "x", "target": "https://x.org"})"), "$.target: expected an array of targets, got \"https://x.org\"");
}

}  // namespace
}  // namespace scholion
