// Small replacements, for the wasm build only, of the C library's formatted text
// functions. Musl's printf, sscanf and strtod share a long-double scanner and software
// 128-bit float arithmetic that cost the download more than everything that calls them
// needs: ImGui's window and popup names ("%s/%08X", "##Popup_%08x"), the JSON writer's
// "\u%04x", the core's dates and error messages, and the JSON reader's numbers.
// Defining the functions here keeps the library's versions out of the link.
//
// vsnprintf: flags - 0 + space #, width and precision (also *), the length modifiers
// h l ll z j t, and d i u o x X c s p f F e E g G %; not %Lf (long double). %f rounds
// the value times 10^precision to an integer (up to 10^19; beyond, and for %e and %g,
// at most 17 significant digits are exact).
// sscanf: the conversions ImGui's settings reader uses — d i u x X o f e g c s n and
// literal text, with widths and * (no assignment).
// strtod: decimal numbers (not hexadecimal ones): the syntax is read here, the value
// computed by JavaScript's parseFloat, which rounds correctly.

#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// Output that counts every character but stores only what fits (and the terminator).
struct Out {
  char* buf;
  std::size_t cap;
  std::size_t n = 0;
  void put(char c) {
    if (n + 1 < cap) buf[n] = c;
    ++n;
  }
  void repeat(char c, int count) {
    for (; count > 0; --count) put(c);
  }
};

struct Spec {
  bool left = false, zero = false, plus = false, space = false, alt = false;
  int width = 0;
  int precision = -1;
};

// Writes sign/prefix, then `digits` padded as the spec says.
void emit(Out& out, const Spec& s, const char* prefix, const char* digits, int len, int min_digits) {
  const int plen = static_cast<int>(std::strlen(prefix));
  const int zeros = min_digits > len ? min_digits - len : 0;
  const int body = plen + zeros + len;
  const int pad = s.width > body ? s.width - body : 0;
  if (!s.left && !s.zero) out.repeat(' ', pad);
  for (int i = 0; i < plen; ++i) out.put(prefix[i]);
  if (!s.left && s.zero) out.repeat('0', pad);
  out.repeat('0', zeros);
  for (int i = 0; i < len; ++i) out.put(digits[i]);
  if (s.left) out.repeat(' ', pad);
}

void format_integer(Out& out, Spec s, uint64_t v, bool negative, int base, bool upper) {
  char tmp[24];
  int len = 0;
  const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  for (uint64_t x = v; x; x /= base) tmp[len++] = set[x % base];
  char digits[24];
  for (int i = 0; i < len; ++i) digits[i] = tmp[len - 1 - i];
  if (s.precision >= 0) s.zero = false;
  int min_digits = s.precision >= 0 ? s.precision : 1;
  if (v == 0 && s.precision == 0) min_digits = 0;
  const char* prefix = negative ? "-" : s.plus ? "+" : s.space ? " " : "";
  if (s.alt && v != 0 && base == 16) prefix = upper ? "0X" : "0x";
  if (s.alt && base == 8 && min_digits <= len) min_digits = len + 1;
  emit(out, s, prefix, digits, len, min_digits);
}

// The decimal digits of |v| (finite, non-zero) as up to 17 significant digits in
// `digits`, with `exp10` the power of ten of the first one.
int decimal_digits(double v, int wanted, char* digits, int& exp10) {
  if (wanted > 17) wanted = 17;
  if (wanted < 1) wanted = 1;
  exp10 = 0;
  while (v >= 1e16) { v /= 1e16; exp10 += 16; }
  while (v >= 10) { v /= 10; ++exp10; }
  while (v < 1e-16) { v *= 1e16; exp10 -= 16; }
  while (v < 1) { v *= 10; --exp10; }
  // v in [1, 10): scale to an integer of `wanted` digits and round.
  double scaled = v;
  for (int i = 1; i < wanted; ++i) scaled *= 10;
  uint64_t m = static_cast<uint64_t>(std::rint(scaled));
  uint64_t limit = 1;
  for (int i = 0; i < wanted; ++i) limit *= 10;
  if (m >= limit) { m /= 10; ++exp10; }
  for (int i = wanted - 1; i >= 0; --i) { digits[i] = static_cast<char>('0' + m % 10); m /= 10; }
  return wanted;
}

// a * b - p exactly, for p = a * b rounded (Dekker's product, no fused multiply-add).
double product_error(double a, double b, double p) {
  auto split = [](double x, double& hi, double& lo) {
    const double c = 134217729.0 * x;  // 2^27 + 1
    hi = c - (c - x);
    lo = x - hi;
  };
  double ah, al, bh, bl;
  split(a, ah, al);
  split(b, bh, bl);
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

void format_float(Out& out, Spec s, double v, char conv) {
  const bool upper = conv == 'F' || conv == 'E' || conv == 'G';
  const bool negative = std::signbit(v);
  if (negative) v = -v;
  const char* prefix = negative ? "-" : s.plus ? "+" : s.space ? " " : "";
  if (v != v || v > 1.7976931348623157e308) {
    s.zero = false;
    const char* word = v != v ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    emit(out, s, prefix, word, 3, 0);
    return;
  }
  int precision = s.precision < 0 ? 6 : s.precision;
  char lower = static_cast<char>(conv | 0x20);
  bool trim = false;
  char sig[20];
  int exp10 = 0;
  int nsig = 0;
  if (lower == 'g') {
    if (precision == 0) precision = 1;
    if (v != 0) nsig = decimal_digits(v, precision, sig, exp10);
    trim = !s.alt;
    if (exp10 < -4 || exp10 >= precision) {
      lower = 'e';
      precision -= 1;
    } else {
      lower = 'f';
      precision -= 1 + exp10;
    }
  } else if (v != 0 && lower == 'e') {
    nsig = decimal_digits(v, precision + 1, sig, exp10);
  } else if (v != 0) {
    // %f: v * 10^precision rounded to an integer, when that is exact enough.
    double scale = 1;
    for (int i = 0; i < precision; ++i) scale *= 10;
    const double scaled = v * scale;
    if (precision <= 22 && scaled < 1e19) {
      uint64_t m = static_cast<uint64_t>(std::rint(scaled));
      const double below = std::floor(scaled);
      if (scaled - below == 0.5) {  // a tie in the rounded product: the exact one decides
        const double error = product_error(v, scale, scaled);
        if (error != 0) m = static_cast<uint64_t>(error > 0 ? below + 1 : below);
      }
      char tmp[24];
      int k = 0;
      for (; m; m /= 10) tmp[k++] = static_cast<char>('0' + m % 10);
      for (int i = 0; i < k; ++i) sig[i] = tmp[k - 1 - i];
      nsig = k;
      exp10 = k - 1 - precision;
    } else {
      int first;
      decimal_digits(v, 17, sig, first);
      nsig = decimal_digits(v, first + 1 + precision, sig, exp10);
    }
  }
  // Digit k (power of ten exp10 - k) of the significand, zero past its end.
  auto digit = [&](int power) {
    const int k = exp10 - power;
    return (nsig && k >= 0 && k < nsig) ? sig[k] : '0';
  };
  char text[400];
  int len = 0;
  auto add = [&](char c) { if (len < static_cast<int>(sizeof text)) text[len++] = c; };
  if (lower == 'f') {
    const int top = nsig && exp10 > 0 ? exp10 : 0;
    for (int p = top; p >= 0; --p) add(digit(p));
    if (precision > 0 || s.alt) add('.');
    for (int p = -1; p >= -precision; --p) add(digit(p));
  } else {
    add(nsig ? sig[0] : '0');
    if (precision > 0 || s.alt) add('.');
    for (int k = 1; k <= precision; ++k) add(nsig && k < nsig ? sig[k] : '0');
  }
  if (trim) {
    bool dot = false;
    for (int i = 0; i < len; ++i) dot |= text[i] == '.';
    if (dot) {
      while (len && text[len - 1] == '0') --len;
      if (len && text[len - 1] == '.') --len;
    }
  }
  if (lower == 'e') {
    const int e = nsig ? exp10 : 0;
    add(upper ? 'E' : 'e');
    add(e < 0 ? '-' : '+');
    const int a = e < 0 ? -e : e;
    if (a >= 100) add(static_cast<char>('0' + a / 100));
    add(static_cast<char>('0' + a / 10 % 10));
    add(static_cast<char>('0' + a % 10));
  }
  emit(out, s, prefix, text, len, 0);
}

}  // namespace

extern "C" {

int vsnprintf(char* buf, std::size_t cap, const char* fmt, va_list ap) {
  Out out{buf, cap};
  for (const char* f = fmt; *f; ++f) {
    if (*f != '%') {
      out.put(*f);
      continue;
    }
    Spec s;
    for (;; ++f) {
      const char c = f[1];
      if (c == '-') s.left = true;
      else if (c == '0') s.zero = true;
      else if (c == '+') s.plus = true;
      else if (c == ' ') s.space = true;
      else if (c == '#') s.alt = true;
      else break;
    }
    ++f;
    if (*f == '*') {
      s.width = va_arg(ap, int);
      if (s.width < 0) { s.left = true; s.width = -s.width; }
      ++f;
    } else {
      while (*f >= '0' && *f <= '9') s.width = s.width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
      ++f;
      s.precision = 0;
      if (*f == '*') {
        s.precision = va_arg(ap, int);
        ++f;
      } else {
        while (*f >= '0' && *f <= '9') s.precision = s.precision * 10 + (*f++ - '0');
      }
    }
    if (s.left) s.zero = false;
    int longs = 0;  // 0: int, 1: long, 2: long long (also size_t, intmax_t, ptrdiff_t)
    for (;; ++f) {
      if (*f == 'l') ++longs;
      else if (*f == 'z' || *f == 'j' || *f == 't') longs = 2;
      else if (*f != 'h' && *f != 'L') break;
    }
    const char conv = *f;
    if (!conv) break;
    switch (conv) {
      case 'd': case 'i': {
        const long long v = longs >= 2 ? va_arg(ap, long long) : longs ? va_arg(ap, long) : va_arg(ap, int);
        format_integer(out, s, v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v), v < 0, 10, false);
        break;
      }
      case 'u': case 'x': case 'X': case 'o': {
        const unsigned long long v = longs >= 2 ? va_arg(ap, unsigned long long)
                                     : longs ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
        s.plus = s.space = false;
        format_integer(out, s, v, false, conv == 'u' ? 10 : conv == 'o' ? 8 : 16, conv == 'X');
        break;
      }
      case 'p': {
        s.alt = true;
        format_integer(out, s, reinterpret_cast<uintptr_t>(va_arg(ap, void*)), false, 16, false);
        break;
      }
      case 'c': {
        const char c = static_cast<char>(va_arg(ap, int));
        s.zero = false;
        emit(out, s, "", &c, 1, 0);
        break;
      }
      case 's': {
        const char* str = va_arg(ap, const char*);
        if (!str) str = "(null)";
        int len = 0;
        while ((s.precision < 0 || len < s.precision) && str[len]) ++len;
        s.zero = false;
        emit(out, s, "", str, len, 0);
        break;
      }
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
        format_float(out, s, va_arg(ap, double), conv);
        break;
      case '%':
        out.put('%');
        break;
      default:  // an unknown conversion is written as it stands
        out.put('%');
        out.put(conv);
    }
  }
  if (cap) buf[out.n < cap ? out.n : cap - 1] = '\0';
  return static_cast<int>(out.n);
}

int snprintf(char* buf, std::size_t cap, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const int n = vsnprintf(buf, cap, fmt, ap);
  va_end(ap);
  return n;
}

// library_scholion.js: parseFloat of the `length` bytes at `text`.
double scholion_parse_float(const char* text, int length);

double strtod(const char* text, char** end) {
  const char* p = text;
  while (std::isspace(static_cast<unsigned char>(*p))) ++p;
  const char* start = p;
  if (*p == '+' || *p == '-') ++p;
  const char* digits = p;
  while (std::isdigit(static_cast<unsigned char>(*p))) ++p;
  bool any = p > digits;
  if (*p == '.') {
    const char* frac = ++p;
    while (std::isdigit(static_cast<unsigned char>(*p))) ++p;
    any |= p > frac;
  }
  if (any && (*p == 'e' || *p == 'E')) {
    const char* q = p + 1;
    if (*q == '+' || *q == '-') ++q;
    if (std::isdigit(static_cast<unsigned char>(*q))) {
      while (std::isdigit(static_cast<unsigned char>(*q))) ++q;
      p = q;
    }
  }
  if (!any) {  // also "inf", "infinity" and "nan", as parseFloat reads them ("Infinity")
    const char* q = digits;
    auto word = [&](const char* w) {
      std::size_t n = std::strlen(w);
      for (std::size_t i = 0; i < n; ++i) {
        if (std::tolower(static_cast<unsigned char>(q[i])) != w[i]) return false;
      }
      q += n;
      return true;
    };
    if (word("inf")) {
      word("inity");
      if (end) *end = const_cast<char*>(q);
      return (*start == '-' ? -1.0 : 1.0) * __builtin_inf();
    }
    if (word("nan")) {
      if (end) *end = const_cast<char*>(q);
      return __builtin_nan("");
    }
    if (end) *end = const_cast<char*>(text);
    return 0;
  }
  if (end) *end = const_cast<char*>(p);
  return scholion_parse_float(start, static_cast<int>(p - start));
}

// The library defines these two with strtod: defining all three keeps its version out.
float strtof(const char* text, char** end) { return static_cast<float>(strtod(text, end)); }
long double strtold(const char* text, char** end) { return strtod(text, end); }

int vsscanf(const char* in, const char* fmt, va_list ap) {
  const char* p = in;
  int assigned = 0;
  bool converted = false;
  for (const char* f = fmt; *f; ++f) {
    if (std::isspace(static_cast<unsigned char>(*f))) {
      while (std::isspace(static_cast<unsigned char>(*p))) ++p;
      continue;
    }
    if (*f != '%' || f[1] == '%') {
      if (*f == '%') ++f;
      if (*p != *f) break;
      ++p;
      continue;
    }
    ++f;
    const bool skip = *f == '*';
    if (skip) ++f;
    int width = 0;
    while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
    int longs = 0;
    for (;; ++f) {
      if (*f == 'l') ++longs;
      else if (*f == 'z' || *f == 'j' || *f == 't') longs = 2;
      else if (*f != 'h' && *f != 'L') break;
    }
    const char conv = *f;
    if (conv == 'n') {
      if (!skip) *va_arg(ap, int*) = static_cast<int>(p - in);
      continue;
    }
    if (conv != 'c') {
      while (std::isspace(static_cast<unsigned char>(*p))) ++p;
    }
    if (!*p) return converted ? assigned : EOF;
    // The field: at most `width` characters of the input.
    char field[64];
    std::size_t n = std::strlen(p);
    if (width > 0 && static_cast<std::size_t>(width) < n) n = static_cast<std::size_t>(width);
    if (n >= sizeof field) n = sizeof field - 1;
    std::memcpy(field, p, n);
    field[n] = '\0';
    char* used = field;
    if (conv == 'c') {
      if (!skip) *va_arg(ap, char*) = *p;
      used = field + 1;
    } else if (conv == 's') {
      char* dst = skip ? nullptr : va_arg(ap, char*);
      std::size_t k = 0;
      while (k < n && !std::isspace(static_cast<unsigned char>(p[k]))) {
        if (dst) dst[k] = p[k];
        ++k;
      }
      if (dst) dst[k] = '\0';
      used = field + k;
    } else if (conv == 'f' || conv == 'e' || conv == 'g' || conv == 'E' || conv == 'G' || conv == 'a') {
      const double v = strtod(field, &used);
      if (used == field) break;
      if (!skip) {
        if (longs) *va_arg(ap, double*) = v;
        else *va_arg(ap, float*) = static_cast<float>(v);
      }
    } else if (conv == 'd' || conv == 'i' || conv == 'u' || conv == 'x' || conv == 'X' || conv == 'o') {
      const int base = conv == 'i' ? 0 : conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
      const long long v = static_cast<long long>(std::strtoull(field, &used, base));
      if (used == field) break;
      if (!skip) {
        if (longs >= 2) *va_arg(ap, long long*) = v;
        else if (longs) *va_arg(ap, long*) = static_cast<long>(v);
        else *va_arg(ap, int*) = static_cast<int>(v);
      }
    } else {
      break;  // a conversion the canvas never asks for
    }
    p += used - field;
    converted = true;
    if (!skip) ++assigned;
  }
  return assigned;
}

int sscanf(const char* in, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const int n = vsscanf(in, fmt, ap);
  va_end(ap);
  return n;
}

}  // extern "C"
