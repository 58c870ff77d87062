#include "core/formats/w3c_format.hpp"

#include <random>

#include <gtest/gtest.h>

namespace scholion {
namespace {

Document article() {
  std::vector<Block> blocks = {
      {BlockKind::heading, 1, "Talks in Brussels \U0001F1F7\U0001F1F8"},
      {BlockKind::paragraph, 0, "President Vu\u010Di\u0107 met the Secretary General. \u201CWe talked\u201D, he said."},
      {BlockKind::paragraph, 0, "Dialogue is the *only* way [forward] \U0001F5E3."}};
  return Document::make({"https://example.org/news/talks", "Talks", ""}, std::move(blocks)).value();
}

Annotation annotation_on(const Document& doc, uint32_t start, uint32_t end, std::string id) {
  Annotation a;
  a.id = std::move(id);
  a.start = start;
  a.end = end;
  a.quote = quote_at(doc.offsets(), {start, end});
  a.created = 1714555800000;
  a.modified = 1714555800250;
  return a;
}

ImportOptions with(const Document* doc) {
  ImportOptions o;
  o.document = doc;
  o.clock = [] { return Timestamp{42}; };
  o.random = [n = uint64_t{0}]() mutable { return ++n * 0x9E3779B97F4A7C15ull; };
  return o;
}

std::string import_error(std::string_view json, const Document* doc = nullptr) {
  auto r = import_w3c(json, with(doc));
  return r ? std::string("ok") : r.error().describe();
}

TEST(W3cExport, WritesTheWebAnnotationShape) {
  const Document doc = article();
  Annotation a = annotation_on(doc, 32, 45, "1b4e28ba-2fa1-41d2-883f-0016d3cca427");
  a.note = "Who *else* was there?";
  a.tags = {"serbia"};
  a.color = Color::green;
  const Json j = annotation_to_w3c(a, doc.id());
  EXPECT_EQ(j["@context"], "http://www.w3.org/ns/anno.jsonld");
  EXPECT_EQ(j["id"], "urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427");
  EXPECT_EQ(j["type"], "Annotation");
  EXPECT_EQ(j["motivation"], "commenting");
  EXPECT_EQ(j["created"], "2024-05-01T09:30:00Z");
  EXPECT_EQ(j["modified"], "2024-05-01T09:30:00.250Z");
  EXPECT_EQ(j["body"][0], Json::parse(R"({"type": "TextualBody", "purpose": "commenting",
      "format": "text/markdown", "value": "Who *else* was there?"})"));
  EXPECT_EQ(j["body"][1], Json::parse(R"({"type": "TextualBody", "purpose": "tagging", "value": "serbia"})"));
  EXPECT_EQ(j["target"]["source"], "https://example.org/news/talks");
  EXPECT_EQ(j["target"]["styleClass"], "scholion-green");
  EXPECT_EQ(j["target"]["selector"][0]["type"], "TextQuoteSelector");
  EXPECT_EQ(j["target"]["selector"][0]["exact"], "Vu\u010Di\u0107 met the");
  EXPECT_EQ(j["target"]["selector"][1], Json::parse(R"({"type": "TextPositionSelector", "start": 32, "end": 45})"));
  EXPECT_EQ(j["stylesheet"]["type"], "CssStylesheet");
  EXPECT_NE(j["stylesheet"]["value"].get<std::string>().find(".scholion-green"), std::string::npos);
}

TEST(W3cExport, AHighlightHasNoBody) {
  const Document doc = article();
  const Json j = annotation_to_w3c(annotation_on(doc, 0, 5, "1b4e28ba-2fa1-41d2-883f-0016d3cca427"), doc.id());
  EXPECT_EQ(j["motivation"], "highlighting");
  EXPECT_FALSE(j.contains("body"));
}

TEST(W3cExport, PositionsAreCodePoints) {
  // The flag is two code points (four UTF-16 units): "Brussels" then " " then 🇷🇸.
  const Document doc = article();
  const Json j = annotation_to_w3c(annotation_on(doc, 18, 20, "1b4e28ba-2fa1-41d2-883f-0016d3cca427"), doc.id());
  EXPECT_EQ(j["target"]["selector"][0]["exact"], "\U0001F1F7\U0001F1F8");
  EXPECT_EQ(j["target"]["selector"][1]["start"], 18);
  EXPECT_EQ(j["target"]["selector"][1]["end"], 20);
}

TEST(W3cRoundTrip, RandomAnnotationsComeBackExactly) {
  const Document doc = article();
  std::mt19937_64 rng(7);
  const RandomSource random = [&] { return rng(); };
  const std::vector<std::string> notes = {"", "plain", "two\nlines", "**bold** & <b>", "\u010D\U0001F5E3 \"q\" \\"};
  for (int round = 0; round < 40; ++round) {
    std::vector<Annotation> list;
    for (int i = 0, n = 1 + static_cast<int>(rng() % 5); i < n; ++i) {
      const auto start = static_cast<uint32_t>(rng() % doc.length());
      const auto end = start + static_cast<uint32_t>(rng() % (doc.length() - start + 1));
      Annotation a = annotation_on(doc, start, end, make_uuid_v4(random));
      a.color = kPalette[rng() % kPalette.size()];
      a.note = notes[rng() % notes.size()];
      for (int t = 0, k = static_cast<int>(rng() % 3); t < k; ++t) a.tags.push_back("tag " + std::to_string(rng() % 9));
      a.created = static_cast<Timestamp>(rng() % 4'000'000'000'000);
      a.modified = a.created + static_cast<Timestamp>(rng() % 100'000);
      list.push_back(a);
    }
    const std::string exported = export_w3c_collection(doc, list);
    auto back = import_w3c(exported, with(&doc));
    ASSERT_TRUE(back.ok()) << back.error().describe() << "\n" << exported;
    ASSERT_EQ(back->annotations.size(), list.size());
    EXPECT_TRUE(back->skipped.empty());
    for (std::size_t i = 0; i < list.size(); ++i) {
      EXPECT_EQ(back->annotations[i].annotation, list[i]) << exported;
      EXPECT_EQ(back->annotations[i].status, ImportStatus::verified);
      EXPECT_EQ(back->annotations[i].source, doc.id());
    }
    // A single annotation, without the document: taken as written.
    auto single = import_w3c(export_w3c_annotation(list[0], doc.id()), with(nullptr));
    ASSERT_TRUE(single.ok());
    EXPECT_EQ(single->annotations[0].annotation, list[0]);
    EXPECT_EQ(single->annotations[0].status, ImportStatus::unchecked);
  }
}

constexpr const char* kQuoteAndPosition = R"({
  "@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:1B4E28BA-2FA1-41D2-883F-0016D3CCA427",
  "type": "Annotation", "bodyValue": "a note",
  "target": {"source": "https://example.org/news/talks", "selector": [
    {"type": "TextQuoteSelector", "exact": "%EXACT%"},
    {"type": "TextPositionSelector", "start": %START%, "end": %END%}]}})";

std::string with_selectors(std::string exact, int start, int end) {
  std::string s = kQuoteAndPosition;
  s.replace(s.find("%EXACT%"), 7, exact);
  s.replace(s.find("%START%"), 7, std::to_string(start));
  s.replace(s.find("%END%"), 5, std::to_string(end));
  return s;
}

TEST(W3cImport, QuoteAndPositionAreCheckedAgainstTheDocument) {
  const Document doc = article();
  auto ok = import_w3c(with_selectors("\U0001F1F7\U0001F1F8", 18, 20), with(&doc));
  ASSERT_TRUE(ok.ok()) << ok.error().describe();
  EXPECT_EQ(ok->annotations[0].status, ImportStatus::verified);
  EXPECT_EQ(ok->annotations[0].annotation.id, "1b4e28ba-2fa1-41d2-883f-0016d3cca427");  // urn:uuid, lowercased
  EXPECT_EQ(ok->annotations[0].annotation.note, "a note");
  EXPECT_EQ(ok->annotations[0].annotation.created, 42);  // no "created": the clock

  auto mismatch = import_w3c(with_selectors("Brussels", 18, 20), with(&doc));
  ASSERT_TRUE(mismatch.ok());
  const ImportedAnnotation& m = mismatch->annotations[0];
  EXPECT_EQ(m.status, ImportStatus::quote_mismatch);
  EXPECT_FALSE(m.has_range());
  EXPECT_EQ(m.position, (CodePointRange{18, 20}));
  EXPECT_EQ(m.detail, "the text at 18..20 is \"\U0001F1F7\U0001F1F8\", the quote is \"Brussels\"");
}

TEST(W3cImport, PositionOutsideTheTextFallsBackOnTheQuote) {
  const Document doc = article();
  auto r = import_w3c(with_selectors("Brussels", 500, 508), with(&doc));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->annotations[0].status, ImportStatus::needs_anchoring);
  EXPECT_EQ(r->annotations[0].detail, "range 500..508 is outside the text (length " + std::to_string(doc.length()) + ")");
}

TEST(W3cImport, PositionOnlyGetsItsQuoteFromTheDocument) {
  const Document doc = article();
  const std::string json = R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
    "id": "http://example.org/anno24", "target": {"source": "x:y",
    "selector": {"type": "TextPositionSelector", "start": 9, "end": 17}}})";
  auto r = import_w3c(json, with(&doc));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const ImportedAnnotation& a = r->annotations[0];
  EXPECT_EQ(a.status, ImportStatus::quote_filled);
  EXPECT_EQ(a.annotation.quote.exact, "Brussels");
  EXPECT_EQ(a.annotation.quote.prefix, "Talks in ");
  EXPECT_EQ(a.original_id, "http://example.org/anno24");
  EXPECT_TRUE(is_uuid(a.annotation.id));
  EXPECT_EQ(a.annotation.color, Color::yellow);

  const std::string outside = R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
    "target": {"source": "x:y", "selector": {"type": "TextPositionSelector", "start": 9, "end": 900}}})";
  EXPECT_EQ(import_error(outside, &doc),
            "$.target.selector: range 9..900 is outside the text (length " + std::to_string(doc.length()) + ")");
}

// Each case breaks one thing in a valid annotation; the whole import fails, naming where.
TEST(W3cImport, BadInputIsRejectedWithItsPath) {
  const Document doc = article();
  const Json good = annotation_to_w3c(annotation_on(doc, 32, 45, "1b4e28ba-2fa1-41d2-883f-0016d3cca427"), doc.id());
  ASSERT_EQ(import_error(dump_json(good), &doc), "ok");
  struct Case {
    const char* pointer;
    Json value;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"/target/selector/1/start", "12", "$.target.selector[1].start: expected a non-negative integer, got \"12\""},
      {"/target/selector/1/end", -4, "$.target.selector[1].end: expected a non-negative integer, got -4"},
      {"/target/selector/1/start", 50, "$.target.selector[1]: reversed range: start 50 is after end 45"},
      {"/target/selector/0/exact", 5, "$.target.selector[0].exact: expected a string, got 5"},
      {"/target/selector/0/type", nullptr, "$.target.selector[0].type: expected a string, got null"},
      {"/target/source", 3, "$.target.source: expected a source IRI, got 3"},
      {"/target", 9, "$.target: expected a target (IRI or object), got 9"},
      {"/target", "not a uri", "$.target: expected an IRI, got \"not a uri\""},
      {"/id", Json::array({"http://a.org/1", "http://a.org/2"}), "$.id: expected an IRI, got an array of 2"},
      {"/id", "not a uri", "$.id: expected an IRI, got \"not a uri\""},
      {"/type", "Squirrel",
       "$.type: expected type \"Annotation\", \"AnnotationPage\" or \"AnnotationCollection\", got \"Squirrel\""},
      {"/@context", "fish", "$.@context: expected the Web Annotation context \"http://www.w3.org/ns/anno.jsonld\", got \"fish\""},
      {"/created", "yesterday",
       "$.created: \"yesterday\" is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ssZ)"},
      {"/modified", Json::array({"2015-01-28T12:00:00Z"}), "$.modified: expected an ISO 8601 date-time string, got an array of 1"},
      {"/generated", "now", "$.generated: \"now\" is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ssZ)"},
      {"/creator", 6, "$.creator: expected an agent (IRI or object), got 6"},
      {"/via", "not a uri", "$.via: expected an IRI, got \"not a uri\""},
      {"/bodyValue", 23, "$.bodyValue: expected a string, got 23"},
      {"/body", "this is not a uri", "$.body: expected an IRI, got \"this is not a uri\""},
      {"/body", Json::parse(R"({"type": "TextualBody", "format": "text/plain"})"), "$.body: missing field \"value\""},
      {"/body", Json::parse(R"({"type": "TextualBody", "value": ["a", "b"]})"), "$.body.value: expected a string, got an array of 2"},
      {"/body", Json::parse(R"({"id": "http://a.org/1", "format": 6})"), "$.body.format: expected a string, got 6"},
      {"/body", Json::parse(R"({"id": "http://a.org/1", "textDirection": "squirrel"})"),
       "$.body.textDirection: expected \"ltr\", \"rtl\" or \"auto\", got \"squirrel\""},
      {"/body", Json::parse(R"({"items": ["http://a.org/1"]})"),
       "$.body: body has items but no type (Choice, List, Composite or Independents)"},
  };
  for (const Case& c : cases) {
    Json bad = good;
    bad[Json::json_pointer(c.pointer)] = c.value;
    EXPECT_EQ(import_error(dump_json(bad), &doc), c.expected) << c.pointer;
  }
  Json both = good;
  both["body"] = "http://example.org/post1";
  both["bodyValue"] = "doppelganger";
  EXPECT_EQ(import_error(dump_json(both), &doc), "$: an annotation has either body or bodyValue, not both");
  Json no_target = good;
  no_target.erase("target");
  EXPECT_EQ(import_error(dump_json(no_target), &doc), "$: missing field \"target\"");
}

TEST(W3cImport, NothingIsHalfImported) {
  const Document doc = article();
  Json page = Json::parse(R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": []})");
  page["items"].push_back(annotation_to_w3c(annotation_on(doc, 0, 5, "1b4e28ba-2fa1-41d2-883f-0016d3cca427"), doc.id(), false));
  Json second = annotation_to_w3c(annotation_on(doc, 5, 9, "6fa459ea-ee8a-4ca4-894e-db77e160355e"), doc.id(), false);
  second["target"]["selector"][1]["end"] = 2;
  page["items"].push_back(second);
  EXPECT_EQ(import_error(dump_json(page), &doc), "$.items[1].target.selector[1]: reversed range: start 5 is after end 2");

  page["items"][1] = page["items"][0];
  EXPECT_EQ(import_error(dump_json(page), &doc),
            "$.items[1].id: duplicate annotation id \"urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427\"");
}

TEST(W3cImport, AbsurdInputGetsAClearError) {
  EXPECT_EQ(import_error(std::string(10'000, '{')), "$: JSON nests deeper than 64 levels (at byte 64)");
  const std::string huge = R"({"bodyValue": ")" + std::string(50u << 20, 'x') + "\"}";
  EXPECT_EQ(import_error(huge).rfind("$: input of ", 0), 0u);
  EXPECT_EQ(import_error("{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"bodyValue\": \"\xED\xA0\x80\"}"),
            "$.bodyValue: invalid UTF-8 at byte 63: 0xED 0xA0 0x80");
  EXPECT_EQ(import_error("[1, 2"), "$[2]: invalid JSON: parse error at line 1, column 6: syntax error while parsing array - unexpected end of input; expected ']'");
}

TEST(W3cImport, UnsupportedAnnotationsInAPageAreListedNotImported) {
  const Document doc = article();
  Json page = Json::parse(R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage",
    "items": [{"type": "Annotation", "target": "http://example.org/photo1"}]})");
  page["items"].push_back(annotation_to_w3c(annotation_on(doc, 0, 5, "1b4e28ba-2fa1-41d2-883f-0016d3cca427"), doc.id(), false));
  auto r = import_w3c(dump_json(page), with(&doc));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->annotations.size(), 1u);
  ASSERT_EQ(r->skipped.size(), 1u);
  EXPECT_EQ(r->skipped[0].path, "$.items[0].target");
  EXPECT_EQ(r->skipped[0].reason, "target has no text selector (it is the whole resource \"http://example.org/photo1\")");
}

TEST(W3cImport, ColourComesFromTheStyleClass) {
  const Document doc = article();
  Annotation a = annotation_on(doc, 0, 5, "1b4e28ba-2fa1-41d2-883f-0016d3cca427");
  Json j = annotation_to_w3c(a, doc.id());
  j["target"]["styleClass"] = Json::array({"mine", "scholion-purple"});
  EXPECT_EQ(import_w3c(dump_json(j), with(&doc))->annotations[0].annotation.color, Color::purple);
  j["target"]["styleClass"] = "someone-elses-red";
  EXPECT_EQ(import_w3c(dump_json(j), with(&doc))->annotations[0].annotation.color, Color::yellow);
}

TEST(W3cImport, HtmlNotesAreNotSupported) {
  const Document doc = article();
  Json j = annotation_to_w3c(annotation_on(doc, 0, 5, "1b4e28ba-2fa1-41d2-883f-0016d3cca427"), doc.id());
  j["body"] = Json::parse(R"({"type": "TextualBody", "value": "<p>j'adore !</p>", "format": "text/html"})");
  EXPECT_EQ(import_error(dump_json(j), &doc), "$.body.format: a note in text/html is not supported (text/plain or text/markdown)");
}

}  // namespace
}  // namespace scholion
