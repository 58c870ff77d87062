// The wasm build's own snprintf, sscanf and strtod (wasm/small_libc.cpp), compiled here
// under other names and compared with the C library's.
#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#define vsnprintf small_vsnprintf
#define snprintf small_snprintf
#define strtod small_strtod
#define strtof small_strtof
#define strtold small_strtold
#define vsscanf small_vsscanf
#define sscanf small_sscanf
#include "wasm/small_libc.cpp"
#undef vsnprintf
#undef snprintf
#undef strtod
#undef strtof
#undef strtold
#undef vsscanf
#undef sscanf

// What library_scholion.js does in the browser: a correctly rounded parse.
extern "C" double scholion_parse_float(const char* text, int length) {
  return std::strtod(std::string(text, static_cast<std::size_t>(length)).c_str(), nullptr);
}

namespace {

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-security"

template <typename... Args>
void same_as_libc(const char* fmt, Args... args) {
  char expected[256];
  char actual[256];
  const int n_expected = std::snprintf(expected, sizeof expected, fmt, args...);
  const int n_actual = small_snprintf(actual, sizeof actual, fmt, args...);
  EXPECT_STREQ(actual, expected) << "format " << fmt;
  EXPECT_EQ(n_actual, n_expected) << "format " << fmt;
}

TEST(SmallLibc, IntegersAndStringsAsTheCoreAndImGuiWriteThem) {
  same_as_libc("%04lld-%02u-%02uT%02u:%02u:%02u.%03uZ", 2024LL, 3u, 7u, 4u, 5u, 6u, 7u);
  same_as_libc("%04lld|%d|%i", -5LL, -2147483647 - 1, 0);
  same_as_libc("%s0x%02X", " ", 0xABu);
  same_as_libc("U+%04X", 0x1F600u);
  same_as_libc("\\u%04x", 0x1Fu);
  same_as_libc("<U+%.4X>", 0x1Fu);
  same_as_libc("%s/%s_%08X", "a", "b", 0xDEADBEEFu);
  same_as_libc("##Popup_%08x|%.*s|%-5d|%5s|%c|%%", 0x12u, 3, "abcdef", 42, "x", 'q');
  same_as_libc("#%02X%02X%02X%02X", 1, 2, 255, 16);
  same_as_libc("%+d % d %x %o %#x %#o %.0d|", 5, 5, 255u, 8u, 255u, 8u, 0);
  same_as_libc("%zu %lu %llu %lld", static_cast<std::size_t>(7), 8ul, 9ull, -9223372036854775807LL - 1);
  same_as_libc("%p", reinterpret_cast<void*>(0x1234));
  same_as_libc("%*d|%-*d|%.3d", 6, 42, 4, 7, 5);
}

TEST(SmallLibc, FloatingPoint) {
  same_as_libc("%.0f%% %.0f/%.0f", 99.5, 0.4, 1234567.0);
  same_as_libc("%6.1f,%6.1f %f", -3.14159, 1e5, 3.0);
  same_as_libc("%f %f %.2f %.0f %.1f", 0.0, -0.0, 9.996, 0.5, 0.05);
  same_as_libc("%08.3f|%-8.2f|%+.1f", -1.5, 2.25, 2.0);
  same_as_libc("%f %.3f", 1e20, 123456789012.125);
  same_as_libc("%.3f %.4f %.2f %.1f", 0.0005, 2.00005, 1.005, 0.25);
  same_as_libc("%e %.3E %g %g %g", 12345.678, 0.000123, 0.0001, 123456.0, 1234567.0);
  same_as_libc("%g %g %G %g %#g", 100.0, 0.5, 1e-10, 0.0, 1.0);
  same_as_libc("%f %F %e", INFINITY, -INFINITY, NAN);
}

TEST(SmallLibc, TruncatesLikeSnprintf) {
  char b[4];
  EXPECT_EQ(small_snprintf(b, sizeof b, "%s", "hello"), 5);
  EXPECT_STREQ(b, "hel");
  EXPECT_EQ(small_snprintf(nullptr, 0, "%d", 12345), 5);
}

TEST(SmallLibc, StrtodReadsWhatTheLibraryReads) {
  for (const char* s : {"0", "-0.5", "1e10", "3.14159", "1.7976931348623157e308", "5e-324", "  12abc", "1.",
                        ".5", "1e", "1e+", "-", "abc", "", "+.e1", "2.2250738585072014e-308", "1E-2x", "inf", "-Infinity",
                        "nan", "0.1000000000000000055511151231257827"}) {
    char* end_expected = nullptr;
    char* end_actual = nullptr;
    const double expected = std::strtod(s, &end_expected);
    const double actual = small_strtod(s, &end_actual);
    EXPECT_EQ(end_actual - s, end_expected - s) << s;
    if (std::isnan(expected)) EXPECT_TRUE(std::isnan(actual)) << s;
    else EXPECT_EQ(actual, expected) << s;
  }
}

TEST(SmallLibc, SscanfReadsImGuiSettingsLines) {
  int x = 0, y = 0, n = 0;
  unsigned u = 0;
  float f = 0;
  char c = 0;
  EXPECT_EQ(small_sscanf("Pos=12,-34", "Pos=%i,%i", &x, &y), 2);
  EXPECT_EQ(x, 12);
  EXPECT_EQ(y, -34);
  EXPECT_EQ(small_sscanf("Collapsed=1", "Pos=%i,%i", &x, &y), 0);
  EXPECT_EQ(small_sscanf("0xDEADBEEF,5", "0x%08X,%d%n", &u, &x, &n), 2);
  EXPECT_EQ(u, 0xDEADBEEFu);
  EXPECT_EQ(x, 5);
  EXPECT_EQ(n, 12);
  EXPECT_EQ(small_sscanf("Weight=0.25 Sort=3v", "Weight=%f Sort=%d%c%n", &f, &x, &c, &n), 3);
  EXPECT_EQ(f, 0.25f);
  EXPECT_EQ(x, 3);
  EXPECT_EQ(c, 'v');
  EXPECT_EQ(n, 19);
  EXPECT_EQ(small_sscanf("", "%d", &x), EOF);
  EXPECT_EQ(small_sscanf("12 34", "%*d %d", &x), 1);
  EXPECT_EQ(x, 34);
}

}  // namespace
