// The W3C Web Annotation examples and test-suite samples under ../shared/conformance/w3c/:
// each one imports, or is refused with the reason asserted here.
#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include "core/formats/w3c_format.hpp"
#include "test_support.hpp"

namespace scholion {
namespace {

namespace fs = std::filesystem;

const fs::path kW3c = "conformance/w3c";

std::string outcome_of(const fs::path& file) {
  auto r = import_w3c(test::read_file(file));
  if (!r) return r.error().describe();
  std::string out = "imports " + std::to_string(r->annotations.size());
  for (const ImportedAnnotation& a : r->annotations) out += std::string(" ") + std::string(import_status_name(a.status));
  return out;
}

std::vector<fs::path> json_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(test::shared_dir() / dir)) {
    if (e.path().extension() == ".json") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const std::string kWhole = "$.target: target has no text selector (it is the whole resource \"";
const std::string kNoText = "$.target: target has no text selector";
const std::string kRefined = "$.target.selector.refinedBy: the text selector refines a FragmentSelector, which Scholion cannot resolve";

// Every example of the Recommendation. Only text selectors on the whole target are
// Scholion's subset; everything else is refused with the reason below.
const std::map<std::string, std::string> kModelExamples = {
    {"example01", kWhole + "http://example.com/page1\")"},
    {"example02", kWhole + "http://example.gov/patent1.pdf\")"},
    {"example03", kWhole + "http://example.org/website1\")"},
    {"example04", kWhole + "http://example.com/image1#xywh=100,100,300,300\")"},
    {"example05", kWhole + "http://example.org/photo1\")"},
    {"example06", kWhole + "http://example.org/target1\")"},
    {"example07", kWhole + "http://example.org/target1\")"},
    {"example08", kWhole + "http://example.org/ebook1\")"},
    {"example09", "$.target: 2 targets; a Scholion annotation has one"},
    {"example10", kWhole + "http://example.org/website1\")"},
    {"example11", kWhole + "http://example.com/restaurant1\")"},
    {"example12", kWhole + "http://example.com/restaurant1\")"},
    {"example13", kWhole + "http://example.com/textbook1\")"},
    {"example14", kWhole + "http://example.com/video1\")"},
    {"example15", kWhole + "http://example.com/page1\")"},
    {"example16", kWhole + "http://example.com/product1\")"},
    {"example17", kWhole + "http://example.com/product1\")"},
    {"example18", kWhole + "http://example.org/photo1\")"},
    {"example19", kNoText},  // selector by reference
    {"example20", kWhole + "http://example.org/image1\")"},
    {"example21", kNoText},  // CssSelector
    {"example22", kNoText},  // XPathSelector
    {"example23", "imports 1 needs_anchoring"},  // quote only: anchored later
    {"example24", "imports 1 unchecked"},        // position only, no document given
    {"example25", kNoText},  // DataPositionSelector counts bytes, not text
    {"example26", kNoText},
    {"example27", kNoText},
    {"example28", kNoText},  // RangeSelector of XPathSelectors
    {"example29", kRefined},
    {"example30", kNoText},
    {"example31", kNoText},
    {"example32", kNoText},
    {"example33", kNoText},
    {"example34", kNoText},
    {"example35", kNoText},
    {"example36", kNoText},
    {"example37", kNoText},
    {"example38", "$.first: the collection's first page is not embedded (\"http://example.org/page1\"); import its pages instead"},
    {"example39", "$.items[0].target: target has no text selector (it is the whole resource \"http://example.com/book/chapter1\") (and 2 more annotations not importable)"},
    {"example40", "$.first.items[0].target: target has no text selector (it is the whole resource \"http://example.com/book/chapter1\") (and 1 more annotations not importable)"},
    {"example41", kRefined},
    {"example42", "$.target: a target of type Composite is not supported"},
    {"example43", "$.target: a target of type List is not supported"},
    {"example44", "$.target: a target of type Independents is not supported"},
};

TEST(W3cConformance, EveryModelExampleImportsOrIsRefusedWithAReason) {
  const auto files = json_files(kW3c / "model-examples");
  ASSERT_EQ(files.size(), kModelExamples.size());
  for (const fs::path& file : files) {
    const std::string key = file.filename().string().substr(0, 9);
    EXPECT_EQ(outcome_of(file), kModelExamples.at(key)) << file.filename();
  }
}

TEST(W3cConformance, ExamplesInOurSubsetKeepTheirSelectors) {
  auto quote = import_w3c(test::read_file(test::shared_dir() / kW3c / "model-examples/example23-text-quote-selector.json"));
  ASSERT_TRUE(quote.ok());
  const ImportedAnnotation& q = quote->annotations[0];
  EXPECT_EQ(q.annotation.quote, (TextQuote{"anotation", "this is an ", " that has some"}));
  EXPECT_EQ(q.source, "http://example.org/page1");
  EXPECT_EQ(q.original_id, "http://example.org/anno23");
  EXPECT_EQ(q.annotation.note, "<http://example.org/comment1>");  // an external body: its link is kept

  auto position = import_w3c(test::read_file(test::shared_dir() / kW3c / "model-examples/example24-text-position-selector.json"));
  ASSERT_TRUE(position.ok());
  EXPECT_EQ(position->annotations[0].position, (CodePointRange{412, 795}));
  EXPECT_EQ(position->annotations[0].annotation.start, 412u);
  EXPECT_EQ(position->annotations[0].annotation.end, 795u);
}

// The spec repository's correct examples are the model examples again (annoN = Example N
// for 1-37, anno38-41 = Examples 41-44, anno42/43 = Examples 6/7 in other words).
TEST(W3cConformance, SpecRepositoryCorrectExamplesBehaveLikeTheModelExamples) {
  for (const fs::path& file : json_files(kW3c / "spec-repo-examples/correct")) {
    const std::string name = file.stem().string();
    if (name == "collection1") {
      auto r = import_w3c(test::read_file(file));
      ASSERT_TRUE(r.ok()) << r.error().describe();
      EXPECT_EQ(r->annotations.size(), 2u);  // anno23 and anno24
      EXPECT_EQ(r->skipped.size(), 41u);
      continue;
    }
    int n = std::stoi(name.substr(4));
    std::string key;
    if (n <= 37) key = "example" + std::string(n < 10 ? "0" : "") + std::to_string(n);
    else if (n <= 41) key = "example" + std::to_string(n + 3);
    else key = n == 42 ? "example06" : "example07";
    std::string expected = kModelExamples.at(key);
    EXPECT_EQ(outcome_of(file), expected) << name;
  }
}

bool is_unsupported_reason(const std::string& outcome) {
  for (const char* reason : {"target has no text selector", "is not supported", "targets; a Scholion annotation has one",
                             "cannot resolve", "is not embedded"}) {
    if (outcome.find(reason) != std::string::npos) return true;
  }
  return false;
}

TEST(W3cConformance, TestSuiteValidSamplesAreNeverCalledMalformed) {
  const auto files = json_files(kW3c / "test-suite/tools/samples/correct");
  ASSERT_EQ(files.size(), 45u);
  int imported = 0;
  for (const fs::path& file : files) {
    const std::string outcome = outcome_of(file);
    if (outcome.rfind("imports", 0) == 0) ++imported;
    else EXPECT_TRUE(is_unsupported_reason(outcome)) << file.filename() << ": " << outcome;
  }
  EXPECT_EQ(imported, 3);  // the quote example, the position example, and the collection holding both
}

// The invalid samples, with the label each carries: every one is refused, and those
// whose fault is in what Scholion reads are refused for that fault.
TEST(W3cConformance, InvalidSamplesAreRefused) {
  const std::map<std::string, std::string> specific = {
      {"anno1", "$: invalid JSON: parse error at line 1, column 2: syntax error while parsing value - invalid literal; last read: 'th'"},
      {"anno2", "$: missing field \"@context\" (the Web Annotation context \"http://www.w3.org/ns/anno.jsonld\")"},
      {"anno3", "$: missing field \"@context\" (the Web Annotation context \"http://www.w3.org/ns/anno.jsonld\")"},
      {"anno4", "$.@context: expected the Web Annotation context \"http://www.w3.org/ns/anno.jsonld\", got \"fish\""},
      {"anno5", "$.@context: expected the Web Annotation context \"http://www.w3.org/ns/anno.jsonld\", got an array of 2"},
      {"anno6", "$.id: expected an IRI, got \"not a uri\""},
      {"anno7", "$.id: expected an IRI, got an array of 2"},
      {"anno8", "$: missing field \"type\""},
      {"anno9", "$.type: expected type \"Annotation\", \"AnnotationPage\" or \"AnnotationCollection\", got \"Squirrel\""},
  };
  for (const fs::path& dir : {kW3c / "spec-repo-examples/incorrect", kW3c / "test-suite/tools/samples/incorrect"}) {
    const auto files = json_files(dir);
    EXPECT_GE(files.size(), 39u);
    for (const fs::path& file : files) {
      const std::string outcome = outcome_of(file);
      EXPECT_NE(outcome.rfind("imports", 0), 0u) << file;
      EXPECT_FALSE(is_unsupported_reason(outcome)) << file << " refused for the wrong reason: " << outcome;
      if (auto it = specific.find(file.stem().string()); it != specific.end()) {
        EXPECT_EQ(outcome, it->second) << file;
      }
    }
  }
}

}  // namespace
}  // namespace scholion
