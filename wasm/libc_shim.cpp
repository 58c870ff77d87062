// snprintf and vsnprintf, in the wasm build only, are stb_sprintf's: the formatter ImGui
// already uses (IMGUI_USE_STB_SPRINTF; its implementation is compiled in imgui.cpp).
// Besides ImGui, nlohmann's JSON writer calls snprintf ("\\u%04x"). Defining the two here
// keeps musl's printf, with its long-double formatting, out of the download. sscanf and
// strtod stay musl's (ImGui's .ini reader, nlohmann's number reader).
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

}  // extern "C"
