// Every printf- and scanf-style format the project uses, run in wasm32 under node with the
// shipped module's formatting: snprintf/vsnprintf from wasm/libc_shim.cpp, ImGui's
// ImFormatString through stb_sprintf (IMGUI_USE_STB_SPRINTF), strtod from libc_shim.cpp
// (JavaScript's parseFloat). (ImGui's .ini reader is the only sscanf user, and it never
// runs: its calls are bound to a function that reads nothing.) A native run would not do: size_t and long are 32 bits here, 64 there.
//
// One line per case: the format, its arguments, the text C says it gives. The program
// prints every disagreement and exits with the number of them (0: all agree).
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>  // ImFormatString
#include <nlohmann/json.hpp>

namespace {

int failures = 0;
int cases = 0;

// Output by fputs: printf itself would link the C library's vfprintf into this program,
// which the shipped module does not have.
void report(const std::string& line) { std::fputs(("FAIL " + line + "\n").c_str(), stdout); }

void expect_text(const char* where, const char* fmt, const std::string& got, const std::string& want) {
  ++cases;
  if (got == want) return;
  ++failures;
  report(std::string(where) + " \"" + fmt + "\": got \"" + got + "\", want \"" + want + "\"");
}

// snprintf: the C library's name, stb_sprintf's code (libc_shim.cpp).
template <typename... Args>
void c_format(const char* want, const char* fmt, Args... args) {
  char buf[256];
  const int n = std::snprintf(buf, sizeof buf, fmt, args...);
  expect_text("snprintf", fmt, buf, want);
  expect_text("snprintf length", fmt, std::to_string(n), std::to_string(std::strlen(want)));
}

// ImGui's own formatting (ImGui::Text, window and popup names, the settings writer).
template <typename... Args>
void imgui_format(const char* want, const char* fmt, Args... args) {
  char buf[256];
  ImFormatString(buf, sizeof buf, fmt, args...);
  expect_text("ImFormatString", fmt, buf, want);
}

template <typename... Args>
void both(const char* want, const char* fmt, Args... args) {
  c_format(want, fmt, args...);
  imgui_format(want, fmt, args...);
}

void expect_int(const char* what, long long got, long long want) {
  expect_text("sscanf", what, std::to_string(got), std::to_string(want));
}

void expect_double(const char* what, double got, double want) {
  ++cases;
  if (got == want) return;
  ++failures;
  char buf[80];
  std::snprintf(buf, sizeof buf, ": got %.17g, want %.17g", got, want);
  report(what + std::string(buf));
}

void formats_of_the_canvas() {
  // wasm/chooser.cpp: ImGui::TextDisabled("%zu overlapping annotations", ids.size()).
  imgui_format("3 overlapping annotations", "%zu overlapping annotations", std::size_t{3});
  imgui_format("4000000000 overlapping annotations", "%zu overlapping annotations", std::size_t{4000000000u});
  // A size_t read as 64 bits would swallow the next argument: "30064771075|0".
  both("3|7", "%zu|%d", std::size_t{3}, 7);
  both("-5|7", "%td|%d", std::ptrdiff_t{-5}, 7);
  both("4294967295|7", "%zu|%d", SIZE_MAX, 7);
}

void formats_of_imgui() {
  // Window, child, popup, menu, combo and tooltip names.
  imgui_format("Parent/0000BEEF", "%s/%08X", "Parent", 0xBEEFu);
  imgui_format("Parent/list_DEADBEEF", "%s/%s_%08X", "Parent", "list", 0xDEADBEEFu);
  imgui_format("##Popup_0badf00d", "##Popup_%08x", 0x0BADF00Du);
  imgui_format("##Menu_03", "##Menu_%02d", 3);
  imgui_format("##Combo_12", "##Combo_%02d", 12);
  imgui_format("##Tooltip_00", "##Tooltip_%02d", 0);
  imgui_format("Noto Sans, 16px", "%s, %.0fpx", "Noto Sans", 15.5);
  imgui_format("ProggyClean.ttf, 13px", "ProggyClean.ttf, %dpx", 13);
  imgui_format("7", "%d", 7);
  // The settings writer (linked though the canvas keeps no .ini).
  imgui_format("[Window][##chooser]\n", "[%s][%s]\n", "Window", "##chooser");
  imgui_format("Pos=-20,300\n", "Pos=%d,%d\n", -20, 300);
  imgui_format("Size=640,480\n", "Size=%d,%d\n", 640, 480);
  imgui_format("Collapsed=0\n", "Collapsed=%d\n", 0);
  imgui_format("[Table][0x00C0FFEE,4]\n", "[%s][0x%08X,%d]\n", "Table", 0xC0FFEEu, 4);
  imgui_format("RefScale=13\n", "RefScale=%g\n", 13.0);
  imgui_format("RefScale=16.5\n", "RefScale=%g\n", 16.5);
  imgui_format("Column 0 ", "Column %-2d", 0);
  imgui_format("Column 12", "Column %-2d", 12);
  imgui_format(" UserID=0000ABCD", " UserID=%08X", 0xABCDu);
  imgui_format(" Weight=0.3333", " Weight=%.4f", 1.0 / 3);
  imgui_format(" Width=120", " Width=%d", 120);
  imgui_format(" Sort=1^", " Sort=%d%c", 1, '^');
}

void formats_of_nlohmann() {
  // The serializer escapes control characters with snprintf(…, "\\u%04x", …).
  c_format("\\u001f", "\\u%04x", 0x1F);
  c_format("\\u0001", "\\u%04x", 0x01);
  expect_text("json::dump", "\\u%04x", nlohmann::json("a\x01" "b\x1f").dump(), "\"a\\u0001b\\u001f\"");
  // Its number parser calls strtod; its writer formats doubles itself (no printf).
  const auto parsed = nlohmann::json::parse("[0.1, -2.5E+3, 1e-7, 1.7976931348623157e308, 5e-324, 3]");
  expect_double("json 0.1", parsed[0].get<double>(), 0.1);
  expect_double("json -2.5E+3", parsed[1].get<double>(), -2500.0);
  expect_double("json 1e-7", parsed[2].get<double>(), 1e-7);
  expect_double("json DBL_MAX", parsed[3].get<double>(), DBL_MAX);
  expect_double("json 5e-324", parsed[4].get<double>(), 5e-324);
  expect_text("json::dump", "number", parsed.dump(), "[0.1,-2500.0,1e-07,1.7976931348623157e+308,5e-324,3]");
}

void representative_values() {
  both("DEADBEEF", "%08X", 0xDEADBEEFu);
  both("0000BEEF", "%08X", 0xBEEFu);
  both("0000beef", "%08x", 0xBEEFu);
  both("0xff", "%#x", 0xFFu);
  both("-2147483648", "%d", INT_MIN);
  both("4294967295", "%u", UINT_MAX);
  both("-2147483648", "%ld", LONG_MIN);  // long is 32 bits on wasm32
  both("-9223372036854775808", "%lld", LLONG_MIN);
  both("18446744073709551615", "%llu", ULLONG_MAX);
  both("|   42|42   |00042|+42| 42|", "|%5d|%-5d|%05d|%+d|% d|", 42, 42, 42, 42, 42);
  both("|  -42|-0042|", "|%5d|%05d|", -42, -42);
  both("|  007|", "|%5.3d|", 7);
  both("1.000", "%.3f", 1.0005);  // 1.000499999…: below the half
  both("2.67", "%.2f", 2.675);    // 2.67499999…
  both("-0.500", "%.3f", -0.5);
  both("3.141593", "%f", 3.14159265358979);
  both("  3.1", "%5.1f", 3.14159);
  both("100", "%.0f", 99.5);
  both("1e+06", "%g", 1e6);
  both("1.5e-05", "%g", 1.5e-5);
  both("0.17", "%.2g", 0.165);  // 0.16500000000000000777…
  both("1.234568e+02", "%e", 123.456789);
  both("-0x1.8p+1", "%.1a", -3.0);
  both("0x1.000p-2", "%.3a", 0.25);
  both("[abc]", "[%.3s]", "abcdef");
  both("[ab]", "[%.*s]", 2, "abcdef");
  both("[   hi][hi   ]", "[%5s][%-5s]", "hi", "hi");
  both("x", "%c", 'x');
  both("100%", "%d%%", 100);
}

// Where stb_sprintf differs from C (libc_shim.cpp says so too); no format in the project
// relies on these. Checked so that the documentation stays true.
void known_differences_from_c() {
  both("300", "%hhd", 300);               // C: "44" (stb reads hh as int)
  both("Inf|NaN", "%f|%f", HUGE_VAL, NAN);  // C: "inf|nan"
  both("0x1.000000p+0", "%a", 1.0);       // C: "0x1p+0" (stb: 6 hex digits by default)
  // Not run: "%jd" (stb reads intmax_t as 32 bits on wasm32) and "%Lf" (no long double).
}

void numbers_read() {
  expect_double("strtod 0.1", std::strtod("0.1", nullptr), 0.1);
  expect_double("strtod DBL_MIN", std::strtod("2.2250738585072014e-308", nullptr), DBL_MIN);
  expect_double("strtod +1.5", std::strtod(" +1.5", nullptr), 1.5);
  char* end = nullptr;
  const char* text = "-12.5e1x";
  expect_double("strtod -12.5e1x", std::strtod(text, &end), -125.0);
  expect_text("strtod end", "-12.5e1x", std::to_string(end - text), "7");
  text = "x1";
  expect_double("strtod x1", std::strtod(text, &end), 0.0);
  expect_text("strtod end", "x1", std::to_string(end - text), "0");
  text = "-Infinity,";
  expect_double("strtod -Infinity", std::strtod(text, &end), -INFINITY);
  expect_text("strtod end", "-Infinity,", std::to_string(end - text), "9");
  expect_text("strtod nan", "NaN", std::isnan(std::strtod("NaN", nullptr)) ? "nan" : "number", "nan");
  expect_double("strtod .5e-3", std::strtod(".5e-3]", nullptr), 0.0005);
  expect_double("strtod 1e400", std::strtod("1e400", nullptr), INFINITY);
  expect_double("strtod 0.30000000000000004", std::strtod("0.30000000000000004", nullptr), 0.1 + 0.2);
}

}  // namespace

int main() {
  formats_of_the_canvas();
  formats_of_imgui();
  formats_of_nlohmann();
  representative_values();
  known_differences_from_c();
  numbers_read();
  std::fputs((std::to_string(cases - failures) + " of " + std::to_string(cases) +
              " format cases agree in wasm32\n").c_str(), stdout);
  return failures;
}
