#include "core/formats/json_input.hpp"

#include <gtest/gtest.h>

#include "core/text/iso8601.hpp"

namespace scholion {
namespace {

std::string error_of(std::string_view text) {
  auto r = parse_json(text);
  return r ? std::string("ok") : r.error().describe();
}

TEST(JsonInput, ParsesStrictJson) {
  auto r = parse_json(R"({"a": [1, "x", null]})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["a"][1], "x");
}

TEST(JsonInput, SyntaxErrorNamesThePathAndPosition) {
  const std::string e = error_of(R"({"rows": [{"id": 1}, {"id": tru}]})");
  EXPECT_EQ(e.rfind("$.rows[1].id: invalid JSON: ", 0), 0u) << e;
  EXPECT_NE(e.find("column"), std::string::npos) << e;
}

TEST(JsonInput, TrailingCommaIsRejected) {
  EXPECT_NE(error_of(R"({"a": 1,})"), "ok");
}

TEST(JsonInput, InvalidUtf8InsideAStringNamesByteAndPath) {
  const std::string text = "{\"rows\": [{\"text\": \"ok\"}, {\"text\": \"bad \xC3\x28\"}]}";
  EXPECT_EQ(error_of(text), "$.rows[1].text: invalid UTF-8 at byte 40: 0xC3 0x28");
}

TEST(JsonInput, LoneSurrogateEscapeIsRejected) {
  const std::string e = error_of(R"({"note": "\ud800"})");
  EXPECT_EQ(e.rfind("$.note: invalid JSON", 0), 0u) << e;
}

TEST(JsonInput, DeepNestingIsRefusedBeforeParsing) {
  const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');
  EXPECT_EQ(error_of(deep), "$: JSON nests deeper than 64 levels (at byte 64)");
  // Brackets inside strings do not count.
  EXPECT_EQ(error_of("[\"" + std::string(1000, '[') + "\"]"), "ok");
}

TEST(JsonInput, HugeInputIsRefusedBeforeParsing) {
  const std::string huge = "{\"note\": \"" + std::string(50u << 20, 'x') + "\"}";
  EXPECT_EQ(error_of(huge), "$: input of 52428812 bytes is larger than the limit of 33554432 bytes");
}

TEST(JsonInput, ReadersNameTheValue) {
  const Json j = Json::parse(R"({"s": "12", "n": -3, "f": 1.5, "big": 5000000000, "a": [1, 2]})");
  EXPECT_EQ(read_offset(j["s"], "$.start").error().describe(), "$.start: expected a non-negative integer, got \"12\"");
  EXPECT_EQ(read_offset(j["n"], "$.start").error().describe(), "$.start: expected a non-negative integer, got -3");
  EXPECT_EQ(read_offset(j["f"], "$.start").error().describe(), "$.start: expected a non-negative integer, got 1.5");
  EXPECT_EQ(read_offset(j["big"], "$.end").error().describe(), "$.end: offset 5000000000 is too large (limit 4294967295)");
  EXPECT_EQ(read_string(j["a"], "$.note").error().describe(), "$.note: expected a string, got an array of 2");
  EXPECT_EQ(require_field(j, "id", "$.rows[3]").error().describe(), "$.rows[3]: missing field \"id\"");
}

TEST(JsonInput, LongValuesAreCutInMessages) {
  const std::string shown = describe_json(Json(std::string(500, 'a')));
  EXPECT_LT(shown.size(), 90u);
  EXPECT_NE(shown.find("(500 bytes)"), std::string::npos);
}

TEST(JsonInput, PathsQuoteOddKeys) {
  EXPECT_EQ(path_key("$", "target"), "$.target");
  EXPECT_EQ(path_key("$", "@context"), "$.@context");
  EXPECT_EQ(path_key("$", "a b"), "$[\"a b\"]");
  EXPECT_EQ(path_index("$.rows", 3), "$.rows[3]");
}

TEST(Iso8601, FormatsUtcWithMillisecondsOnlyWhenPresent) {
  EXPECT_EQ(format_iso8601(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601(1714555800250), "2024-05-01T09:30:00.250Z");
  EXPECT_EQ(format_iso8601(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(format_iso8601(951782400000), "2000-02-29T00:00:00Z");
}

TEST(Iso8601, ParsesZonesAndFractions) {
  EXPECT_EQ(*parse_iso8601("2015-10-13T13:00:00Z"), 1444741200000);
  EXPECT_EQ(*parse_iso8601("2017-12-07T10:49:20.316178+00:00"), 1512643760316);
  EXPECT_EQ(*parse_iso8601("2015-10-13T15:00:00+02:00"), 1444741200000);
  EXPECT_EQ(*parse_iso8601("2015-10-13T08:00:00-0500"), 1444741200000);
  EXPECT_EQ(*parse_iso8601("2015-10-13T13:00:00"), 1444741200000);  // no zone: UTC
}

TEST(Iso8601, RoundTripsEveryMillisecondPattern) {
  for (int64_t t : {int64_t{0}, int64_t{1}, int64_t{999}, int64_t{1714555800250}, int64_t{253402300799999},
                    int64_t{-62135596800000}}) {
    EXPECT_EQ(*parse_iso8601(format_iso8601(t)), t) << t;
  }
}

TEST(Iso8601, RejectsWhatIsNotADateTime) {
  for (const char* bad : {"yesterday", "2015-13-01T00:00:00Z", "2015-02-29T00:00:00Z", "2015-01-01",
                          "2015-01-01T25:00:00Z", "2015-01-01T00:00:00Zjunk", "2015-01-01T00:00:00.Z"}) {
    EXPECT_FALSE(parse_iso8601(bad).ok()) << bad;
  }
  EXPECT_EQ(parse_iso8601("yesterday").error().message,
            "\"yesterday\" is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ssZ)");
}

}  // namespace
}  // namespace scholion
