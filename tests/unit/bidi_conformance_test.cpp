// The Bidirectional Algorithm against the Unicode conformance files, every line of both:
//  - BidiTest.txt: sequences of Bidi_Class values (no brackets), each under every
//    paragraph direction its bitset names (one case each): resolved levels after L1, and
//    the visual order;
//  - BidiCharacterTest.txt: code points (brackets, mirroring pairs, canonical equivalents)
//    with a paragraph direction: paragraph level, levels, and the visual order.
// Both treat one line as one paragraph drawn as one line. Characters removed by rule X9
// have no level ("x") and are left out of the order.
#include "core/text/bidi.hpp"
#include "core/text/bidi_reorder.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>


namespace scholion {
namespace {

std::filesystem::path unicode_dir() {
  if (const char* env = std::getenv("SCHOLION_UNICODE_DIR")) return env;
  return SCHOLION_UNICODE_DIR;
}

std::vector<std::string> split(std::string_view s, char by) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in{std::string(s)};
  while (std::getline(in, part, by)) out.push_back(part);
  if (!s.empty() && s.back() == by) out.emplace_back();
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// 1234567 -> "1,234,567"
std::string with_commas(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// "1 x 0" for levels, with x where X9 removed the character.
std::string show_levels(const std::vector<BidiLevel>& levels, const std::vector<BidiClass>& classes) {
  std::string out;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (i) out += ' ';
    out += is_removed_by_x9(classes[i]) ? std::string("x") : std::to_string(levels[i]);
  }
  return out;
}

// The visual order of a whole-line paragraph, X9-removed characters left out, as "2 1 0".
std::string show_order(const std::vector<BidiLevel>& levels, const std::vector<BidiClass>& classes) {
  std::string out;
  for (const uint32_t i : visual_order(levels)) {
    if (is_removed_by_x9(classes[i])) continue;
    if (!out.empty()) out += ' ';
    out += std::to_string(i);
  }
  return out;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

// Collects failures, reporting the first few in full.
struct Tally {
  std::size_t lines = 0;
  std::size_t cases = 0;
  std::size_t failures = 0;
  void fail(const std::string& what) {
    if (++failures <= 20) ADD_FAILURE() << what;
  }
  void report(const char* file) const {
    std::printf("%s: %s lines, %s cases, %s\n", file, with_commas(lines).c_str(), with_commas(cases).c_str(),
                failures == 0 ? "all pass" : (with_commas(failures) + " FAIL").c_str());
  }
};

BidiClass class_named(const std::string& name) {
  for (int c = 0; c <= static_cast<int>(BidiClass::pdi); ++c) {
    if (bidi_class_name(static_cast<BidiClass>(c)) == name) return static_cast<BidiClass>(c);
  }
  ADD_FAILURE() << "unknown Bidi_Class " << name;
  return BidiClass::l;
}

TEST(BidiConformance, EveryLineOfBidiTest) {
  std::ifstream in(unicode_dir() / "BidiTest.txt");
  ASSERT_TRUE(in) << "cannot read " << (unicode_dir() / "BidiTest.txt");
  Tally tally;
  std::string expected_levels, expected_order;
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("@Levels:", 0) == 0) {
      expected_levels = join(words(line.substr(8)));
      continue;
    }
    if (line.rfind("@Reorder:", 0) == 0) {
      expected_order = join(words(line.substr(9)));
      continue;
    }
    if (line[0] == '@') continue;
    const auto fields = split(line, ';');
    ASSERT_EQ(fields.size(), 2u) << "BidiTest.txt:" << line_number;
    std::vector<BidiClass> classes;
    for (const auto& name : words(fields[0])) classes.push_back(class_named(name));
    ++tally.lines;
    const int bitset = std::stoi(fields[1], nullptr, 16);
    const std::pair<int, std::optional<BidiDirection>> directions[] = {
        {1, std::nullopt}, {2, BidiDirection::ltr}, {4, BidiDirection::rtl}};
    for (const auto& [bit, direction] : directions) {
      if (!(bitset & bit)) continue;
      ++tally.cases;
      const BidiParagraph p = resolve_bidi_classes(classes, {}, direction);
      const auto levels = line_levels(p, 0, p.size());
      const std::string got_levels = show_levels(levels, classes);
      const std::string got_order = show_order(levels, classes);
      if (got_levels != expected_levels || got_order != expected_order) {
        tally.fail("BidiTest.txt:" + std::to_string(line_number) + " [" + fields[0] + "] direction bit " +
                   std::to_string(bit) + "\n  levels " + got_levels + ", expected " + expected_levels +
                   "\n  order  " + got_order + ", expected " + expected_order);
      }
    }
  }
  tally.report("BidiTest");
  EXPECT_GT(tally.lines, 490000u);
  EXPECT_EQ(tally.failures, 0u);
}

TEST(BidiConformance, EveryLineOfBidiCharacterTest) {
  std::ifstream in(unicode_dir() / "BidiCharacterTest.txt");
  ASSERT_TRUE(in) << "cannot read " << (unicode_dir() / "BidiCharacterTest.txt");
  Tally tally;
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const auto fields = split(line, ';');
    ASSERT_EQ(fields.size(), 5u) << "BidiCharacterTest.txt:" << line_number;
    std::u32string text;
    for (const auto& hex : words(fields[0])) text += static_cast<char32_t>(std::stoul(hex, nullptr, 16));
    const int given = std::stoi(fields[1]);
    const std::optional<BidiDirection> direction =
        given == 0 ? std::optional(BidiDirection::ltr) : given == 1 ? std::optional(BidiDirection::rtl) : std::nullopt;
    ++tally.lines;
    ++tally.cases;
    const BidiParagraph p = resolve_bidi_paragraph(text, direction);
    const auto levels = line_levels(p, 0, p.size());
    const std::string got_levels = show_levels(levels, p.classes);
    const std::string got_order = show_order(levels, p.classes);
    const std::string expected_levels = join(words(fields[3]));
    const std::string expected_order = join(words(fields[4]));
    if (std::to_string(p.level) != join(words(fields[2])) || got_levels != expected_levels ||
        got_order != expected_order) {
      tally.fail("BidiCharacterTest.txt:" + std::to_string(line_number) + " [" + fields[0] + "] direction " +
                 fields[1] + "\n  paragraph level " + std::to_string(p.level) + ", expected " + fields[2] +
                 "\n  levels " + got_levels + ", expected " + expected_levels + "\n  order  " + got_order +
                 ", expected " + expected_order);
    }
    // P2-P3 alone agree with the paragraph level the file gives for auto direction.
    if (given == 2 && paragraph_direction(text) != direction_of_level(p.level)) {
      tally.fail("BidiCharacterTest.txt:" + std::to_string(line_number) + ": paragraph_direction disagrees");
    }
  }
  tally.report("BidiCharacterTest");
  EXPECT_GT(tally.cases, 90000u);
  EXPECT_EQ(tally.failures, 0u);
}

// The property tables against the files they were generated from.
TEST(BidiConformance, EveryMirroringAndBracketOfTheUnicodeData) {
  std::size_t mirrors = 0;
  std::size_t brackets = 0;
  std::ifstream mirroring(unicode_dir() / "BidiMirroring.txt");
  ASSERT_TRUE(mirroring);
  std::vector<bool> has_mirror(0x110000, false);
  for (std::string line; std::getline(mirroring, line);) {
    const auto fields = split(line.substr(0, line.find('#')), ';');
    if (fields.size() != 2) continue;
    const auto from = static_cast<char32_t>(std::stoul(fields[0], nullptr, 16));
    const auto to = static_cast<char32_t>(std::stoul(fields[1], nullptr, 16));
    EXPECT_EQ(static_cast<uint32_t>(mirrored(from)), static_cast<uint32_t>(to)) << "U+" << fields[0];
    has_mirror[from] = true;
    ++mirrors;
  }
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    if (!has_mirror[cp] && mirrored(cp) != cp) ADD_FAILURE() << "U+" << std::hex << static_cast<uint32_t>(cp) << " mirrors unexpectedly";
  }
  std::ifstream bracket_file(unicode_dir() / "BidiBrackets.txt");
  ASSERT_TRUE(bracket_file);
  for (std::string line; std::getline(bracket_file, line);) {
    const auto fields = split(line.substr(0, line.find('#')), ';');
    if (fields.size() != 3) continue;
    const auto cp = static_cast<char32_t>(std::stoul(fields[0], nullptr, 16));
    const PairedBracket b = paired_bracket(cp);
    EXPECT_EQ(static_cast<uint32_t>(b.pair), std::stoul(fields[1], nullptr, 16)) << "U+" << fields[0];
    EXPECT_EQ(b.type, words(fields[2]).at(0) == "o" ? BracketType::open : BracketType::close) << "U+" << fields[0];
    ++brackets;
  }
  std::printf("BidiMirroring: %zu mappings; BidiBrackets: %zu brackets; all match\n", mirrors, brackets);
  EXPECT_GT(mirrors, 400u);
  EXPECT_GT(brackets, 120u);
}

TEST(BidiConformance, BidiClassOfEveryAssignedCodePoint) {
  std::ifstream in(unicode_dir() / "UnicodeData.txt");
  ASSERT_TRUE(in);
  std::size_t checked = 0;
  char32_t range_first = 0;
  for (std::string line; std::getline(in, line);) {
    const auto fields = split(line, ';');
    ASSERT_GE(fields.size(), 5u);
    const auto cp = static_cast<char32_t>(std::stoul(fields[0], nullptr, 16));
    const bool range_end = fields[1].find(", Last>") != std::string::npos;
    if (fields[1].find(", First>") != std::string::npos) {
      range_first = cp;
      continue;
    }
    for (char32_t c = range_end ? range_first : cp; c <= cp; ++c, ++checked) {
      if (bidi_class_name(bidi_class(c)) != fields[4]) {
        ADD_FAILURE() << "U+" << fields[0] << " is " << fields[4] << ", looked up "
                      << bidi_class_name(bidi_class(c));
      }
    }
  }
  std::printf("UnicodeData: Bidi_Class of %s assigned code points, all match\n", with_commas(checked).c_str());
  EXPECT_GT(checked, 280000u);
}

}  // namespace
}  // namespace scholion
