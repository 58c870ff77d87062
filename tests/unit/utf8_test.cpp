#include "core/text/utf8.hpp"

#include <gtest/gtest.h>

namespace scholion {
namespace {

struct Bad {
  std::string bytes;
  std::string message;
};

TEST(Utf8, InvalidSequencesAreRejectedWithTheirByteOffset) {
  const std::vector<Bad> cases = {
      {"ab\xC3(", "invalid UTF-8 at byte 2: 0xC3 0x28"},              // truncated 2-byte
      {"\x80", "invalid UTF-8 at byte 0: 0x80"},                       // lone continuation
      {"ok\xC0\xAF", "invalid UTF-8 at byte 2: 0xC0 0xAF"},           // overlong '/'
      {"\xED\xA0\x80", "invalid UTF-8 at byte 0: 0xED 0xA0 0x80"},    // UTF-16 surrogate
      {"\xF4\x90\x80\x80", "invalid UTF-8 at byte 0: 0xF4 0x90 0x80 0x80"},  // > U+10FFFF
      {"\xFF", "invalid UTF-8 at byte 0: 0xFF"},
      {"Vu\xC4\x8Di\xC4", "invalid UTF-8 at byte 5: 0xC4"},           // cut at the end
  };
  for (const auto& c : cases) {
    auto r = validate_utf8(c.bytes);
    ASSERT_FALSE(r.ok()) << c.message;
    EXPECT_EQ(r.error().message, c.message);
  }
}

TEST(Utf8, ValidTextPasses) {
  for (std::string s : {"", "plain", "Vučić", "\xF0\x9F\x87\xB7\xF0\x9F\x87\xB8", "\xEF\xBB\xBF"}) {
    EXPECT_TRUE(validate_utf8(s).ok()) << s;
  }
}

TEST(Utf8, RoundTripsThroughUtf32) {
  const std::string s = "č ć š ž đ — \U0001F5E3 \u2060";
  EXPECT_EQ(to_utf8(to_utf32(s)), s);
  EXPECT_EQ(to_utf32(s).size(), 15u);
  EXPECT_EQ(format_code_point(0x1F5E3), "U+1F5E3");
  EXPECT_EQ(format_code_point(0x41), "U+0041");
}

}  // namespace
}  // namespace scholion
