#include "core/formats/storage_format.hpp"

#include <algorithm>
#include <random>

#include "core/formats/storage_scan.hpp"

#include <gtest/gtest.h>

namespace scholion {
namespace {

Annotation sample(std::string id, uint32_t start, uint32_t end) {
  Annotation a;
  a.id = std::move(id);
  a.start = start;
  a.end = end;
  a.quote = {"Vu\u010Di\u0107", "President ", " said"};
  a.color = Color::green;
  a.note = "A *note*\nwith two lines";
  a.tags = {"serbia", "foreign policy"};
  a.created = 1714555800000;
  a.modified = 1714555800250;
  return a;
}

StoredDocument sample_document() {
  StoredDocument s;
  s.document = {"https://example.org/news/nato", "NATO \U0001F1F7\U0001F1F8", "https://example.org/news/nato",
                "sha256:00ff"};
  s.annotations = {sample("1b4e28ba-2fa1-41d2-883f-0016d3cca427", 3, 9),
                   sample("6fa459ea-ee8a-4ca4-894e-db77e160355e", 0, 0)};
  s.annotations[1].note.clear();
  s.annotations[1].tags.clear();
  s.tombstones = {{"16fd2706-8baf-433b-82eb-8c7fada847da", 1714555900000}};
  return s;
}

std::string read_error(std::string_view text) {
  auto r = read_storage_json(text);
  return r ? std::string("ok") : r.error().describe();
}

TEST(StorageFormat, RoundTripsExactly) {
  const StoredDocument s = sample_document();
  auto back = read_storage_json(write_storage_json(s));
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(*back, s);
}

TEST(StorageFormat, WritesSchemaOneWithColoursByNameAndTimesInMs) {
  const Json j = storage_to_json(sample_document());
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["annotations"][0]["color"], "green");
  EXPECT_EQ(j["annotations"][0]["modified"], 1714555800250);
  EXPECT_EQ(j["tombstones"][0]["deleted"], 1714555900000);
  EXPECT_EQ(j["document"]["fingerprint"], "sha256:00ff");
}

TEST(StorageFormat, RandomAnnotationsRoundTrip) {
  std::mt19937_64 rng(20240501);
  const RandomSource random = [&] { return rng(); };
  const std::vector<std::string> words = {"a", "\u010D", "\U0001F1F7\U0001F1F8", "\"q\"", "\\", "\n", " ", "#x"};
  auto text = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += words[rng() % words.size()];
    return s;
  };
  for (int round = 0; round < 50; ++round) {
    StoredDocument s;
    s.document = {text(3), text(5), text(2), text(4)};
    for (int i = 0, n = static_cast<int>(rng() % 6); i < n; ++i) {
      Annotation a;
      a.id = make_uuid_v4(random);
      a.start = static_cast<uint32_t>(rng() % 1000);
      a.end = a.start + static_cast<uint32_t>(rng() % 50);
      a.quote = {text(4), text(2), text(2)};
      a.color = kPalette[rng() % kPalette.size()];
      a.note = text(static_cast<int>(rng() % 8));
      for (int t = 0, k = static_cast<int>(rng() % 3); t < k; ++t) a.tags.push_back(text(2));
      a.created = static_cast<Timestamp>(rng() % 4'000'000'000'000);
      a.modified = a.created + static_cast<Timestamp>(rng() % 1000);
      s.annotations.push_back(a);
    }
    if (rng() % 2) s.tombstones.push_back({make_uuid_v4(random), 17});
    auto back = read_storage_json(write_storage_json(s));
    ASSERT_TRUE(back.ok()) << back.error().describe() << "\n" << write_storage_json(s);
    EXPECT_EQ(*back, s) << write_storage_json(s);
  }
}

TEST(StorageFormat, NewerSchemaIsRefusedClearly) {
  EXPECT_EQ(read_error(R"({"schema": 2, "document": {}, "annotations": []})"),
            "$.schema: schema 2 was written by a newer Scholion; this one reads up to schema 1");
}

TEST(StorageFormat, MissingOrOddSchemaIsRefused) {
  EXPECT_EQ(read_error(R"({"annotations": []})"), "$: missing field \"schema\"");
  EXPECT_EQ(read_error(R"({"schema": "1"})"), "$.schema: expected an integer, got \"1\"");
  EXPECT_EQ(read_error(R"({"schema": 0})"), "$.schema: schema 0 is older than any this version can read (1)");
  EXPECT_EQ(read_error(R"([1])"), "$: expected an object, got an array of 1");
}

// A made-up schema 0 that kept the range as a pair and called the colour "colour",
// upgraded by a one-step table: what a real upgrade will look like.
Result<Json> upgrade_from_zero(Json old) {
  if (!old.contains("annotations") || !old["annotations"].is_array()) {
    return make_error("expected an array", "$.annotations");
  }
  for (Json& a : old["annotations"]) {
    if (!a.is_object() || !a.contains("range") || !a["range"].is_array() || a["range"].size() != 2) {
      return make_error("expected a [start, end] pair", "$.annotations[].range");
    }
    a["start"] = a["range"][0];
    a["end"] = a["range"][1];
    a.erase("range");
    a["color"] = a.value("colour", std::string("yellow"));
    a.erase("colour");
  }
  old["schema"] = 1;
  return old;
}

constexpr StorageMigration kTestMigrations[] = {upgrade_from_zero};

TEST(StorageFormat, MigrationUpgradesOlderSchemasBeforeReading) {
  const std::string v0 = R"({"schema": 0,
    "document": {"id": "d", "title": "T", "source_url": "", "fingerprint": "sha256:1"},
    "annotations": [{"id": "1b4e28ba-2fa1-41d2-883f-0016d3cca427", "range": [2, 5], "colour": "pink",
                     "quote": {"exact": "abc"}, "created": 1, "modified": 2}]})";
  auto r = read_storage_json(v0, kTestMigrations);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->annotations.size(), 1u);
  EXPECT_EQ(r->annotations[0].start, 2u);
  EXPECT_EQ(r->annotations[0].end, 5u);
  EXPECT_EQ(r->annotations[0].color, Color::pink);
  // Schema 1 input passes through the same table untouched.
  EXPECT_TRUE(read_storage_json(write_storage_json(sample_document()), kTestMigrations).ok());
}

TEST(StorageFormat, FailedMigrationSaysWhichStep) {
  auto r = read_storage_json(R"({"schema": 0, "annotations": [{"range": 3}]})", kTestMigrations);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().describe(), "$.annotations[].range: upgrading schema 0 to 1: expected a [start, end] pair");
}

TEST(StorageFormat, ProductionTableIsEmptyWhileSchemaOneIsTheOnlyOne) {
  EXPECT_EQ(storage_migrations().size(), static_cast<std::size_t>(kStorageSchema - 1));
}

// One bad value per case; the path and the value are named; nothing is returned.
TEST(StorageFormat, BadValuesAreNamedWithTheirPath) {
  Json good = storage_to_json(sample_document());
  struct Case {
    const char* pointer;
    Json value;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"/annotations/1/start", "12", "$.annotations[1].start: expected a non-negative integer, got \"12\""},
      {"/annotations/1/end", -1, "$.annotations[1].end: expected a non-negative integer, got -1"},
      {"/annotations/0/start", 20, "$.annotations[0].start: reversed range: start 20 is after end 9"},
      {"/annotations/0/color", "teal",
       "$.annotations[0].color: unknown colour \"teal\" (expected yellow, green, blue, pink or purple)"},
      {"/annotations/0/id", "anno-1", "$.annotations[0].id: expected a UUID, got \"anno-1\""},
      {"/annotations/1/id", "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
       "$.annotations[1].id: duplicate annotation id \"1b4e28ba-2fa1-41d2-883f-0016d3cca427\""},
      {"/annotations/0/tags/1", 7, "$.annotations[0].tags[1]: expected a string, got 7"},
      {"/annotations/0/note", nullptr, "$.annotations[0].note: expected a string, got null"},
      {"/annotations/0/created", "2024-05-01", "$.annotations[0].created: expected an integer, got \"2024-05-01\""},
      {"/annotations/0/quote", "abc", "$.annotations[0].quote: expected an object, got \"abc\""},
      {"/annotations", Json::object(), "$.annotations: expected an array, got an empty object"},
      {"/document/title", 3, "$.document.title: expected a string, got 3"},
      {"/tombstones/0/deleted", true, "$.tombstones[0].deleted: expected an integer, got true"},
  };
  for (const Case& c : cases) {
    Json bad = good;
    bad[Json::json_pointer(c.pointer)] = c.value;
    EXPECT_EQ(read_error(dump_json(bad)), c.expected) << c.pointer;
  }
  for (const char* pointer : {"/annotations/0/quote/exact", "/annotations/0/modified", "/document/fingerprint"}) {
    Json bad = good;
    bad[Json::json_pointer(pointer).parent_pointer()].erase(Json::json_pointer(pointer).back());
    const std::string e = read_error(dump_json(bad));
    EXPECT_NE(e.find("missing field \"" + Json::json_pointer(pointer).back() + "\""), std::string::npos) << e;
  }
}

// --- The scan and the tree reader ---------------------------------------------------------
// read_storage_json scans current-schema text in one pass and falls back to the tree
// reader for anything else. Whatever the scan accepts, the tree reader must read the same.

// Writes `value` as JSON text with random spacing and key order, changed at the given
// decision points (numbered in writing order): each value may be replaced by an odd
// token, each member dropped or given twice, each object given an extra member.
class MutatingWriter {
 public:
  explicit MutatingWriter(std::mt19937_64& rng) : rng_(rng) {}

  std::string write(const Json& value, std::vector<int> changes = {}) {
    changes_ = std::move(changes);
    point_ = 0;
    out_.clear();
    emit(value);
    return out_;
  }
  int points() const { return point_; }  // decision points in the last text written

 private:
  bool change_here() { return std::find(changes_.begin(), changes_.end(), point_++) != changes_.end(); }
  void space() {
    static const char* kSpaces[] = {"", "", "", " ", "\n  ", "\t"};
    out_ += kSpaces[rng_() % 6];
  }

  void emit(const Json& value) {
    space();
    if (change_here()) {
      out_ += rng_() % 8 ? any_value() : kBroken[rng_() % kBroken.size()];
    } else if (value.is_object()) {
      std::vector<std::pair<std::string, const Json*>> members;
      for (const auto& [k, v] : value.items()) members.emplace_back(k, &v);
      std::shuffle(members.begin(), members.end(), rng_);
      out_ += '{';
      bool first = true;
      auto member = [&](const std::string& k, const Json& v) {
        if (!first) out_ += ',';
        first = false;
        space();
        out_ += Json(k).dump();
        space();
        out_ += ':';
        emit(v);
      };
      for (const auto& [k, v] : members) {
        if (change_here()) continue;                  // dropped
        if (change_here()) member(k, rng_() % 2 ? *v : Json::parse(any_value()));  // given twice
        member(k, *v);
      }
      if (change_here()) member(rng_() % 2 ? "extra" : "Id", Json::parse(R"({"deep": [[{"x": null}]]})"));
      space();
      out_ += '}';
    } else if (value.is_array()) {
      out_ += '[';
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (i) out_ += ',';
        emit(value[i]);
      }
      space();
      out_ += ']';
    } else {
      out_ += value.dump();
    }
    space();
  }

  // Odd values, and text that is not JSON (or too deep).
  inline static const std::vector<std::string> kValues = {
      "null", "true", "false", "0", "-0", "1", "2", "-1", "1.0", "1e3", "4294967295", "4294967296",
      "9223372036854775807", "9223372036854775808", "18446744073709551616", "-9223372036854775808",
      "\"\"", "\"yellow\"", "\"teal\"", "\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\"",
      "\"1B4E28BA-2FA1-41D2-883F-0016D3CCA427\"", "\"\\u00e9\\n\"", "[]", "{}", "[\"a\"]", "[1]",
      "{\"exact\": \"x\"}", "{\"a\": 1, \"a\": [2]}"};
  inline static const std::vector<std::string> kBroken = {
      "\"\\ud800\"", "\"\xFF\"", "01", "[1,]", std::string(70, '[') + std::string(70, ']')};
  const std::string& any_value() { return kValues[rng_() % kValues.size()]; }

  std::mt19937_64& rng_;
  std::vector<int> changes_;
  int point_ = 0;
  std::string out_;
};

StoredDocument random_document(std::mt19937_64& rng) {
  const RandomSource random = [&] { return rng(); };
  const std::vector<std::string> words = {"a", "\u010D", "\"", "\\", "\n", " ", "\U0001F600"};
  auto text = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += words[rng() % words.size()];
    return s;
  };
  StoredDocument s;
  s.document = {text(2), text(3), text(1), text(2)};
  for (int i = 0, n = static_cast<int>(rng() % 5); i < n; ++i) {
    Annotation a = sample(make_uuid_v4(random), static_cast<uint32_t>(rng() % 100), 0);
    a.end = a.start + static_cast<uint32_t>(rng() % 20);
    a.quote = {text(3), text(static_cast<int>(rng() % 2)), text(1)};
    a.color = kPalette[rng() % kPalette.size()];
    a.note = text(static_cast<int>(rng() % 3));
    a.tags.resize(rng() % 3, "t");
    s.annotations.push_back(a);
  }
  for (int i = 0, n = static_cast<int>(rng() % 3); i < n; ++i) {
    s.tombstones.push_back({make_uuid_v4(random), static_cast<Timestamp>(rng() % 3) - 1});
  }
  return s;
}

TEST(StorageFormat, WhatTheScanReadsTheTreeReaderReadsTheSame) {
  std::mt19937_64 rng(7);
  int scanned = 0, refused = 0;
  for (int round = 0; round < 4000; ++round) {
    const Json value = storage_to_json(random_document(rng));
    MutatingWriter writer(rng);
    writer.write(value);
    std::vector<int> changes;  // none, one or two
    for (int i = 0; i < round % 3; ++i) changes.push_back(static_cast<int>(rng() % writer.points()));
    const std::string text = writer.write(value, changes);

    auto parsed = parse_json(text);
    const Result<StoredDocument> tree =
        parsed ? storage_from_json(std::move(parsed).value()) : Result<StoredDocument>(parsed.error());
    if (const std::optional<StoredDocument> scan = scan_storage_json(text)) {
      ++scanned;
      ASSERT_TRUE(tree.ok()) << tree.error().describe() << "\n" << text;
      ASSERT_EQ(*scan, *tree) << text;
    } else {
      ++refused;
    }
    const auto read = read_storage_json(text);
    ASSERT_EQ(read.ok(), tree.ok()) << text;
    if (read.ok()) {
      ASSERT_EQ(*read, *tree) << text;
    } else {
      ASSERT_EQ(read.error().describe(), tree.error().describe()) << text;
    }
  }
  EXPECT_GT(scanned, 1500);  // the unchanged texts, at least
  EXPECT_GT(refused, 1500);
}

TEST(StorageFormat, WhatIsWrittenIsScannedInOnePass) {
  const StoredDocument s = sample_document();
  EXPECT_EQ(scan_storage_json(write_storage_json(s)), s);
  EXPECT_EQ(scan_storage_json(dump_json(storage_to_json(s), 2)), s);
}

TEST(StorageFormat, AbsurdInputGetsAClearError) {
  EXPECT_EQ(read_error("not json").rfind("$: invalid JSON", 0), 0u);
  EXPECT_EQ(read_error(std::string(10'000, '[')), "$: JSON nests deeper than 64 levels (at byte 64)");
  const std::string huge = R"({"schema": 1, "note": ")" + std::string(50u << 20, 'x') + "\"}";
  EXPECT_EQ(read_error(huge).rfind("$: input of ", 0), 0u);
  EXPECT_EQ(read_error("{\"schema\": 1, \"document\": {\"id\": \"\xFF\"}}"),
            "$.document.id: invalid UTF-8 at byte 34: 0xFF");
}

}  // namespace
}  // namespace scholion
