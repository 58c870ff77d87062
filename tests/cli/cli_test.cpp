// The `scholion` command-line contract (examples/cli/scholion_cli.cpp), run as a process:
// stdout, stderr and exit status of each command and each bad-input path.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "../unit/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Outcome {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("scholion-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  Outcome run(const std::string& args) {
    const std::string cmd = std::string(SCHOLION_CLI) + " " + args + " >" + (dir_ / "out").string() +
                            " 2>" + (dir_ / "err").string();
    const int raw = std::system(cmd.c_str());
    return Outcome{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(dir_ / "out"), slurp(dir_ / "err")};
  }

  static std::string news() { return scholion::test::news_article().string(); }

  fs::path dir_;
};

void expect_bad_input(const Outcome& r, const std::string& fragment) {
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "") << "nothing on stdout for bad input";
  EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line on stderr: " << r.err;
}

TEST_F(Cli, DescribeGivesAW3cTarget) {
  const Outcome r = run("describe " + news() + " 300 360");
  ASSERT_EQ(r.status, 0) << r.err;
  const json target = json::parse(r.out);
  ASSERT_EQ(target["selector"].size(), 2u);
  EXPECT_EQ(target["selector"][0]["type"], "TextQuoteSelector");
  EXPECT_EQ(target["selector"][0]["exact"].get<std::string>().size(), 60u);
  EXPECT_EQ(target["selector"][0]["prefix"].get<std::string>(), "orthern Kosovo.\n\nMr. Stoltenberg");
  EXPECT_EQ(target["selector"][1], json({{"type", "TextPositionSelector"}, {"start", 300}, {"end", 360}}));
}

TEST_F(Cli, DescribeCountsUtf16WhenAsked) {
  // "🇷🇸" is 2 code points and 4 UTF-16 units: code points 50..54 are units 50..56.
  const fs::path text = write("flag.txt", "\xEF\xBB\xBF" "Serbia \U0001F1F7\U0001F1F8 Belgrade");
  Outcome cp = run("describe " + text.string() + " 7 9");
  ASSERT_EQ(cp.status, 0) << cp.err;
  EXPECT_EQ(json::parse(cp.out)["selector"][0]["exact"], "\U0001F1F7\U0001F1F8");
  Outcome u16 = run("describe " + text.string() + " 7 11 --units utf16");
  ASSERT_EQ(u16.status, 0) << u16.err;
  const json t = json::parse(u16.out);
  EXPECT_EQ(t["selector"][0]["exact"], "\U0001F1F7\U0001F1F8");
  EXPECT_EQ(t["selector"][1]["start"], 7);  // the byte-order mark is not counted
  EXPECT_EQ(t["selector"][1]["end"], 11);
}

TEST_F(Cli, DescribeSnapsToGraphemeClusters) {
  const fs::path text = write("flag.txt", "Serbia \U0001F1F7\U0001F1F8 Belgrade");
  const Outcome r = run("describe " + text.string() + " 8 9");  // half a flag
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["selector"][0]["exact"], "\U0001F1F7\U0001F1F8");
}

TEST_F(Cli, AnchorReportsEveryAnnotationInInputOrder) {
  const Outcome target = run("describe " + news() + " 300 360");
  ASSERT_EQ(target.status, 0);
  const json anno = {{"@context", "http://www.w3.org/ns/anno.jsonld"}, {"type", "Annotation"}};
  json list = json::array();
  json a1 = anno;
  a1["id"] = "urn:uuid:0b3d1a6e-4a9e-4c55-9d7e-2d1f3f0a1b2c";
  a1["target"] = json::parse(target.out);
  json a2 = anno;
  a2["id"] = "http://example.org/2";
  a2["target"] = {{"source", "x"}, {"selector", {{"type", "TextQuoteSelector"}, {"exact", "Belgrade and Pristina"}}}};
  json a3 = anno;
  a3["id"] = "http://example.org/3";
  a3["target"] = "http://example.org/page";  // no text selector at all
  json a4 = anno;
  a4["id"] = "http://example.org/4";
  a4["target"] = {{"source", "x"}, {"selector", {{"type", "TextQuoteSelector"}, {"exact", "a sentence this article never had"}}}};
  list = {a1, a2, a3, a4};
  const Outcome r = run("anchor " + news() + " " + write("a.json", list.dump()).string());
  ASSERT_EQ(r.status, 0) << r.err;
  const json out = json::parse(r.out);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0]["id"], a1["id"]);
  EXPECT_EQ(out[0]["status"], "anchored");
  EXPECT_EQ(out[0]["method"], "position");
  EXPECT_EQ(out[0]["start"], 300);
  EXPECT_EQ(out[0]["end"], 360);
  EXPECT_EQ(out[0]["score"], 1.0);
  EXPECT_EQ(out[1]["id"], "http://example.org/2");
  EXPECT_EQ(out[1]["method"], "exact");
  EXPECT_EQ(out[2]["id"], "http://example.org/3");
  EXPECT_EQ(out[2]["status"], "orphan");
  EXPECT_FALSE(out[2].contains("start"));
  EXPECT_EQ(out[3]["status"], "orphan");
  EXPECT_FALSE(out[3].contains("end"));
}

TEST_F(Cli, AnchorReadsAHypothesisSearchResponseInUtf16) {
  // Hypothesis counts UTF-16 units: "🗣" before the quote is 2 of them.
  const fs::path text = write("t.txt", "\U0001F5E3 | NATO Secretary General: President Vu\u010Di\u0107, dear Aleksandar");
  const json rows = {{"total", 1}, {"rows", {{
      {"id", "K8YIKPrMEeew46PspufAQg"}, {"uri", "https://example.org/"}, {"text", ""}, {"tags", json::array()},
      {"created", "2023-06-01T10:00:00.000000+00:00"}, {"updated", "2023-06-01T10:00:00.000000+00:00"},
      {"target", {{{"source", "https://example.org/"}, {"selector", {
          {{"type", "TextPositionSelector"}, {"start", 5}, {"end", 28}},
          {{"type", "TextQuoteSelector"}, {"exact", "NATO Secretary General"}}}}}}}}}}};
  const fs::path file = write("h.json", rows.dump());
  Outcome cp = run("anchor " + text.string() + " " + file.string());
  ASSERT_EQ(cp.status, 0) << cp.err;
  json out = json::parse(cp.out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["status"], "anchored");
  EXPECT_EQ(out[0]["start"], 4);   // code points
  EXPECT_EQ(out[0]["end"], 26);
  Outcome u16 = run("anchor " + text.string() + " " + file.string() + " --units utf16");
  out = json::parse(u16.out);
  EXPECT_EQ(out[0]["start"], 5);   // UTF-16 units
  EXPECT_EQ(out[0]["end"], 27);
}

TEST_F(Cli, ConvertWritesEachFormat) {
  const fs::path anno = write("a.json", json({{"@context", "http://www.w3.org/ns/anno.jsonld"},
      {"id", "urn:uuid:0b3d1a6e-4a9e-4c55-9d7e-2d1f3f0a1b2c"}, {"type", "Annotation"},
      {"body", {{"type", "TextualBody"}, {"value", "Worth watching."}, {"purpose", "commenting"}}},
      {"target", {{"source", "x"}, {"selector", {{"type", "TextQuoteSelector"}, {"exact", "Belgrade and Pristina"}}}}}}).dump());
  const Outcome md = run("convert " + anno.string() + " --to markdown --text " + news());
  ASSERT_EQ(md.status, 0) << md.err;
  EXPECT_NE(md.out.find("> Belgrade and Pristina"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("Worth watching."), std::string::npos);

  const Outcome storage = run("convert " + anno.string() + " --to storage --text " + news());
  ASSERT_EQ(storage.status, 0) << storage.err;
  const json stored = json::parse(storage.out);
  EXPECT_EQ(stored["schema"], 1);
  ASSERT_EQ(stored["annotations"].size(), 1u);
  EXPECT_GT(stored["annotations"][0]["end"].get<int>(), stored["annotations"][0]["start"].get<int>());

  const Outcome w3c = run("convert " + write("s.json", storage.out).string() + " --to w3c");
  ASSERT_EQ(w3c.status, 0) << w3c.err;
  const json collection = json::parse(w3c.out);
  EXPECT_EQ(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
  EXPECT_NE(w3c.out.find("Belgrade and Pristina"), std::string::npos);
}

TEST_F(Cli, BadInputExitsWithTwoAndOneLine) {
  const std::string text = news();
  expect_bad_input(run(""), "usage");
  expect_bad_input(run("frobnicate " + text), "unknown command");
  expect_bad_input(run("describe " + text + " 5"), "usage");
  expect_bad_input(run("describe " + text + " 5 3"), "start 5 is after end 3");
  expect_bad_input(run("describe " + text + " 0 99999999"), "outside the text");
  expect_bad_input(run("describe " + text + " x 3"), "START must be a non-negative integer");
  expect_bad_input(run("describe " + text + " 0 3 --units bytes"), "--units must be cp or utf16");
  expect_bad_input(run("describe /nonexistent/file.txt 0 3"), "cannot read /nonexistent/file.txt");
  expect_bad_input(run("describe " + write("bad.txt", "ok \xC3(").string() + " 0 1"),
                   "invalid UTF-8 at byte 3");
  // Inside the surrogate pair of U+1F5E3:
  expect_bad_input(run("describe " + write("e.txt", "\U0001F5E3 x").string() + " 1 3 --units utf16"),
                   "inside the surrogate pair");
  expect_bad_input(run("anchor " + text + " " + write("j.json", "{\"rows\": [").string()), "invalid JSON");
  expect_bad_input(run("anchor " + text + " " + write("k.json", "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\", \"target\": 5}").string()),
                   "target");
  expect_bad_input(run("convert " + write("l.json", "[]").string() + " --to pdf"), "usage");
  expect_bad_input(run("convert " + write("m.json", "{\"schema\": 99}").string() + " --to w3c"), "schema 99");
}

}  // namespace
