// snprintf and vsnprintf, in the wasm build only, are stb_sprintf's: the formatter ImGui
// already uses (IMGUI_USE_STB_SPRINTF; its implementation is compiled in imgui.cpp).
// Besides ImGui, nlohmann's JSON writer calls snprintf ("\\u%04x"). Defining the two here
// keeps musl's printf, with its long-double formatting, out of the download.
//
// strtod (nlohmann's number reader) is JavaScript's parseFloat (library_numbers.js), and
// ImGui's .ini settings reader — which never runs: io.IniFilename is null — has its
// sscanf calls bound to a function that reads nothing (wasm/CMakeLists.txt). So musl's
// scanf and long-double number reader, with its software 128-bit arithmetic, stay out too.
//
// stb_sprintf reads the widths z t l ll (so "%zu" is a 32-bit size_t here) but not hh
// ("%hhd" prints as "%d"), L ("%Lf") nor, on wasm32, j (it takes intmax_t for size_t);
// it writes "Inf" and "NaN", and "%a" with six hexadecimal digits unless told. No format
// in the project uses those. tests/wasm/printf_test.cpp runs every format the project
// uses through this file, in wasm32 under node.
#include <climits>
#include <cstdarg>
#include <cstddef>

#include "stb_sprintf.h"

extern "C" {

int vsnprintf(char* buf, std::size_t size, const char* fmt, va_list ap) {
  return stbsp_vsnprintf(buf, size > INT_MAX ? INT_MAX : static_cast<int>(size), fmt, ap);
}

int snprintf(char* buf, std::size_t size, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const int n = vsnprintf(buf, size, fmt, ap);
  va_end(ap);
  return n;
}

double scholion_strtod(const char* text, char** end);  // library_numbers.js

double strtod(const char* text, char** end) { return scholion_strtod(text, end); }
// Defined beside strtod in the C library's object file, so they come along here too.
float strtof(const char* text, char** end) { return static_cast<float>(scholion_strtod(text, end)); }
long double strtold(const char* text, char** end) { return scholion_strtod(text, end); }

// ImGui's .ini reader only (imgui.cpp, imgui_tables.cpp): settings are never read.
int scholion_unread_ini_sscanf(const char*, const char*, ...) { return 0; }

}  // extern "C"
