#include "core/text/text_offsets.hpp"

#include <gtest/gtest.h>

#include <regex>

#include <utf8.h>

#include "core/text/utf8.hpp"
#include "test_support.hpp"

namespace scholion {
namespace {

// The naive model: every code point's byte and UTF-16 offsets, by a walk from the start.
struct NaiveOffsets {
  std::vector<uint32_t> byte, u16;  // indexed by code point, one extra at the end
  explicit NaiveOffsets(const std::string& s) {
    auto it = s.begin();
    uint32_t u = 0;
    while (true) {
      byte.push_back(static_cast<uint32_t>(it - s.begin()));
      u16.push_back(u);
      if (it == s.end()) break;
      const uint32_t cp = utf8::next(it, s.end());  // checked: throws on bad input
      u += cp > 0xFFFF ? 2 : 1;
    }
  }
};

void expect_exact_conversions(const std::string& text, const std::string& name) {
  ASSERT_TRUE(validate_utf8(text).ok()) << name;
  const TextOffsets offsets(text);
  const NaiveOffsets naive(text);
  const auto n = static_cast<uint32_t>(naive.byte.size() - 1);
  ASSERT_EQ(offsets.cp_length(), n) << name;
  ASSERT_EQ(offsets.u16_length(), naive.u16.back()) << name;
  ASSERT_EQ(offsets.byte_length(), text.size()) << name;

  std::vector<bool> is_byte_boundary(text.size() + 1, false);
  std::vector<bool> is_u16_boundary(naive.u16.back() + 1, false);
  for (uint32_t cp = 0; cp <= n; ++cp) {
    ASSERT_EQ(*offsets.byte_from_cp(cp), naive.byte[cp]) << name << " cp " << cp;
    ASSERT_EQ(*offsets.u16_from_cp(cp), naive.u16[cp]) << name << " cp " << cp;
    ASSERT_EQ(*offsets.cp_from_byte(naive.byte[cp]), cp) << name << " byte " << naive.byte[cp];
    ASSERT_EQ(*offsets.cp_from_u16(naive.u16[cp]), cp) << name << " u16 " << naive.u16[cp];
    is_byte_boundary[naive.byte[cp]] = true;
    is_u16_boundary[naive.u16[cp]] = true;
  }
  // Offsets inside a sequence or a surrogate pair are refused, never rounded.
  for (uint32_t b = 0; b <= text.size(); ++b) {
    if (!is_byte_boundary[b]) {
      ASSERT_FALSE(offsets.cp_from_byte(b).ok()) << name << " byte " << b;
    }
  }
  for (uint32_t u = 0; u < is_u16_boundary.size(); ++u) {
    if (!is_u16_boundary[u]) {
      ASSERT_FALSE(offsets.cp_from_u16(u).ok()) << name << " u16 " << u;
    }
  }
  EXPECT_FALSE(offsets.byte_from_cp(n + 1).ok());
  EXPECT_FALSE(offsets.cp_from_byte(offsets.byte_length() + 1).ok());
  EXPECT_FALSE(offsets.cp_from_u16(offsets.u16_length() + 1).ok());
}

TEST(TextOffsets, ExactOverEveryCorpusText) {
  const auto files = test::corpus_texts();
  ASSERT_GE(files.size(), 8u) << "corpus/texts/ not found under " << test::shared_dir();
  for (const auto& path : files) expect_exact_conversions(test::read_file(path), path.string());
}

TEST(TextOffsets, LengthsMatchTheCorpusCatalogue) {
  // SOURCES.txt records bytes / code points / UTF-16 units, counted independently.
  const std::string catalogue = test::read_file(test::shared_dir() / "corpus/texts/SOURCES.txt");
  const std::regex line(R"(^([a-z0-9-]+\.txt) +(\d+) B / (\d+) cp / (\d+) u16)");
  int checked = 0;
  for (const auto& path : test::corpus_texts()) {
    std::istringstream lines(catalogue);
    for (std::string l; std::getline(lines, l);) {
      std::smatch m;
      if (!std::regex_search(l, m, line) || m[1] != path.filename().string()) continue;
      const std::string text = test::read_file(path);
      const TextOffsets offsets(text);
      EXPECT_EQ(offsets.byte_length(), std::stoul(m[2])) << m[1];
      EXPECT_EQ(offsets.cp_length(), std::stoul(m[3])) << m[1];
      EXPECT_EQ(offsets.u16_length(), std::stoul(m[4])) << m[1];
      ++checked;
      break;
    }
  }
  EXPECT_GE(checked, 8);
}

TEST(TextOffsets, AstralCharactersCountTwiceInUtf16) {
  const std::string text = "a\U0001F1F7\U0001F1F8b";  // a🇷🇸b
  const TextOffsets offsets(text);
  EXPECT_EQ(offsets.cp_length(), 4u);
  EXPECT_EQ(offsets.u16_length(), 6u);
  EXPECT_EQ(offsets.byte_length(), 10u);
  EXPECT_EQ(*offsets.u16_from_cp(2), 3u);
  EXPECT_EQ(*offsets.cp_from_u16(5), 3u);
  EXPECT_EQ(offsets.slice(1, 3), "\U0001F1F7\U0001F1F8");
}

TEST(TextOffsets, ErrorsNameTheOffset) {
  const std::string text = "x\U0001F5E3";
  const TextOffsets offsets(text);
  EXPECT_EQ(offsets.cp_from_u16(2).error().message,
            "UTF-16 offset 2 is inside the surrogate pair of U+1F5E3");
  EXPECT_EQ(offsets.cp_from_byte(3).error().message, "byte offset 3 is inside a UTF-8 sequence");
  EXPECT_EQ(offsets.byte_from_cp(9).error().message,
            "code point offset 9 is outside the text (length 2)");
}

TEST(TextOffsets, EmptyText) {
  const TextOffsets offsets(std::string_view{});
  EXPECT_EQ(offsets.cp_length(), 0u);
  EXPECT_EQ(*offsets.cp_from_u16(0), 0u);
  EXPECT_EQ(*offsets.byte_from_cp(0), 0u);
  EXPECT_FALSE(offsets.cp_from_u16(1).ok());
}

}  // namespace
}  // namespace scholion
