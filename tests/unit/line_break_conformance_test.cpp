// UAX #14 conformance: every line of the Unicode Consortium's LineBreakTest.txt.
//
// Each line is a string of code points with "÷" wherever a line may break and "×"
// wherever it may not; line_break_opportunities must agree at every position. No line
// is skipped and no rule is tailored: the file assumes rule LB25 in the form of UAX #14's
// Example 7, which is the form core/text/line_breaks.cpp implements.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/text/line_breaks.hpp"

namespace scholion {
namespace {

std::filesystem::path unicode_dir() {
  if (const char* env = std::getenv("SCHOLION_UNICODE_DIR")) return env;
  return SCHOLION_UNICODE_DIR;
}

struct Case {
  std::u32string text;
  std::vector<bool> breaks;  // position 0..size: whether the file marks "÷"
};

// One data line of the file ("× 0023 ÷ 2014 ÷\t# comment"); false on a comment line.
bool parse_case(const std::string& line, Case& out) {
  const std::string data = line.substr(0, line.find('#'));
  std::istringstream words(data);
  std::string word;
  out = {};
  while (words >> word) {
    if (word == "\u00F7") {
      out.breaks.push_back(true);
    } else if (word == "\u00D7") {
      out.breaks.push_back(false);
    } else {
      out.text += static_cast<char32_t>(std::stoul(word, nullptr, 16));
    }
  }
  return !out.text.empty();
}

std::string hex(std::u32string_view text, const std::vector<LineBreak>& got) {
  std::string out;
  char buffer[16];
  for (std::size_t i = 0; i <= text.size(); ++i) {
    out += got[i] == LineBreak::none ? "\u00D7 " : "\u00F7 ";
    if (i == text.size()) break;
    std::snprintf(buffer, sizeof buffer, "%04X ", static_cast<unsigned>(text[i]));
    out += buffer;
  }
  return out;
}

TEST(LineBreakConformance, EveryLineOfLineBreakTest) {
  const auto path = unicode_dir() / "auxiliary/LineBreakTest.txt";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path << " (install the Debian package unicode-data)";
  int cases = 0;
  int failures = 0;
  int number = 0;
  std::string line;
  Case c;
  while (std::getline(in, line)) {
    ++number;
    if (!parse_case(line, c)) continue;
    ++cases;
    ASSERT_EQ(c.breaks.size(), c.text.size() + 1) << "line " << number;
    const std::vector<LineBreak> got = line_break_opportunities(c.text);
    bool same = true;
    for (std::size_t p = 0; p <= c.text.size(); ++p) same = same && (got[p] != LineBreak::none) == c.breaks[p];
    if (!same) {
      ++failures;
      ADD_FAILURE() << "line " << number << "\n  expected " << line << "\n  got      " << hex(c.text, got);
    }
  }
  std::printf("LineBreakTest.txt (Unicode %s): %d cases, %d passed, %d failed, 0 tailored\n",
              std::string(line_break_data_version()).c_str(), cases, cases - failures, failures);
  EXPECT_EQ(cases, 7654);  // the 15.0 file has exactly this many
  EXPECT_EQ(failures, 0);
}

TEST(LineBreakConformance, TheTableIsUnicode15) { EXPECT_EQ(line_break_data_version(), "15.0.0"); }

}  // namespace
}  // namespace scholion
