// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/iso_time.h"

#include <charconv>
#include <cstdio>

namespace siaran::daemon::api {
namespace {

// Reads exactly `digits` decimal digits at `at`, moving past them.
std::optional<int> fixed_number(std::string_view text, std::size_t& at, std::size_t digits) {
  if (at + digits > text.size()) return std::nullopt;
  int value = 0;
  const char* begin = text.data() + at;
  const auto [end, error] = std::from_chars(begin, begin + digits, value);
  if (error != std::errc{} || end != begin + digits) return std::nullopt;
  at += digits;
  return value;
}

bool expect(std::string_view text, std::size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

// "Z", "+07:00", "-0300" -> minutes east of UTC.
std::optional<int> offset_minutes(std::string_view text, std::size_t at) {
  if (text.substr(at) == "Z" || text.substr(at) == "z") return 0;
  if (at >= text.size() || (text[at] != '+' && text[at] != '-')) return std::nullopt;
  const int sign = text[at++] == '-' ? -1 : 1;
  const auto hours = fixed_number(text, at, 2);
  if (at < text.size() && text[at] == ':') ++at;
  const auto minutes = fixed_number(text, at, 2);
  if (!hours || !minutes || at != text.size() || *hours > 23 || *minutes > 59) return std::nullopt;
  return sign * (*hours * 60 + *minutes);
}

// ".5", ".123456" -> milliseconds (digits after the third are dropped).
int fraction_millis(std::string_view text, std::size_t& at) {
  if (at >= text.size() || text[at] != '.') return 0;
  ++at;
  int millis = 0;
  int scale = 100;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
    millis += (text[at] - '0') * scale;
    scale /= 10;
    ++at;
  }
  return millis;
}

}  // namespace

std::string iso_utc(queue::timestamp t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day date{days};
  const std::chrono::hh_mm_ss time{t - days};
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
  return out;
}

std::optional<queue::timestamp> parse_iso(std::string_view text) {
  std::size_t at = 0;
  const auto year = fixed_number(text, at, 4);
  const bool dash1 = expect(text, at, '-');
  const auto month = fixed_number(text, at, 2);
  const bool dash2 = expect(text, at, '-');
  const auto day = fixed_number(text, at, 2);
  const bool t = expect(text, at, 'T') || expect(text, at, ' ');
  const auto hour = fixed_number(text, at, 2);
  const bool colon = expect(text, at, ':');
  const auto minute = fixed_number(text, at, 2);
  if (!(year && dash1 && month && dash2 && day && t && hour && colon && minute)) return std::nullopt;
  std::optional<int> second = 0;
  if (expect(text, at, ':')) second = fixed_number(text, at, 2);
  const int millis = fraction_millis(text, at);
  const auto offset = offset_minutes(text, at);
  const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!second || !offset || !date.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  return std::chrono::sys_days(date) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
         std::chrono::seconds(*second) + std::chrono::milliseconds(millis) - std::chrono::minutes(*offset);
}

}  // namespace siaran::daemon::api
