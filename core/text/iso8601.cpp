#include "core/text/iso8601.hpp"

#include "core/text/digits.hpp"

namespace scholion {
namespace {

constexpr int64_t kMsPerDay = 86'400'000;

// Days between 1970-01-01 and the given proleptic Gregorian date. Counts in 400-year
// eras starting on March 1st, so that February (and its leap day) ends each year.
int64_t days_from_civil(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<int64_t>(day_of_era) - 719468;
}

struct Civil {
  int64_t year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Reads exactly `n` digits at `s[i]`, advancing `i`.
bool digits(std::string_view s, std::size_t& i, unsigned n, unsigned& out) {
  if (i + n > s.size()) return false;
  out = 0;
  for (unsigned k = 0; k < n; ++k, ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return true;
}

bool expect(std::string_view s, std::size_t& i, char c) {
  if (i >= s.size() || s[i] != c) return false;
  ++i;
  return true;
}

}  // namespace

std::string format_iso8601(int64_t ms) {
  int64_t days = ms / kMsPerDay;
  int64_t rem = ms % kMsPerDay;
  if (rem < 0) {
    rem += kMsPerDay;
    --days;
  }
  const Civil c = civil_from_days(days);
  const auto secs = static_cast<unsigned>(rem / 1000);
  const auto millis = static_cast<unsigned>(rem % 1000);
  // "%04lld-%02u-%02uT%02u:%02u:%02uZ", with ".%03u" before the Z for milliseconds.
  std::string out;
  if (c.year < 0) out += '-';
  append_digits(out, static_cast<uint64_t>(c.year < 0 ? -c.year : c.year), c.year < 0 ? 3 : 4);
  const auto two = [&](char separator, unsigned value) {
    out += separator;
    append_digits(out, value, 2);
  };
  two('-', c.month);
  two('-', c.day);
  two('T', secs / 3600);
  two(':', secs / 60 % 60);
  two(':', secs % 60);
  if (millis != 0) {
    out += '.';
    append_digits(out, millis, 3);
  }
  out += 'Z';
  return out;
}

Result<int64_t> parse_iso8601(std::string_view s) {
  auto fail = [&](const char* why) -> Error {
    std::string shown(s.substr(0, 60));
    return make_error("\"" + shown + "\" is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ssZ)" +
                      (why[0] ? std::string(": ") + why : std::string()));
  };
  std::size_t i = 0;
  unsigned year, month, day, hour, minute, second;
  if (!digits(s, i, 4, year) || !expect(s, i, '-') || !digits(s, i, 2, month) || !expect(s, i, '-') ||
      !digits(s, i, 2, day) || !expect(s, i, 'T') || !digits(s, i, 2, hour) || !expect(s, i, ':') ||
      !digits(s, i, 2, minute) || !expect(s, i, ':') || !digits(s, i, 2, second)) {
    return fail("");
  }
  if (month < 1 || month > 12) return fail("month out of range");
  if (day < 1 || day > days_in_month(year, month)) return fail("day out of range");
  if (hour > 23 || minute > 59 || second > 59) return fail("time out of range");

  unsigned millis = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t first = i;
    unsigned scale = 100;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      millis += static_cast<unsigned>(s[i] - '0') * scale;
      scale /= 10;
      ++i;
    }
    if (i == first) return fail("no digits after '.'");
  }

  int64_t offset_minutes = 0;
  if (i < s.size() && s[i] == 'Z') {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    const int sign = s[i] == '-' ? -1 : 1;
    ++i;
    unsigned oh, om;
    if (!digits(s, i, 2, oh)) return fail("bad zone offset");
    if (i < s.size() && s[i] == ':') ++i;
    if (!digits(s, i, 2, om) || oh > 14 || om > 59) return fail("bad zone offset");
    offset_minutes = sign * static_cast<int64_t>(oh * 60 + om);
  }
  if (i != s.size()) return fail("unexpected text after the time");

  const int64_t days = days_from_civil(year, month, day);
  return days * kMsPerDay + static_cast<int64_t>(hour * 3600 + minute * 60 + second) * 1000 + millis -
         offset_minutes * 60'000;
}

}  // namespace scholion
