// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/contacts/birth_date.h"

#include <cctype>
#include <chrono>
#include <charconv>
#include <cstdio>
#include <system_error>
#include <vector>

#include "common/ascii.h"
#include "common/month_names.h"

namespace siaran::daemon::contacts {
namespace {

// The text split into runs of digits and runs of letters; separators (- / . space ,) dropped.
std::vector<std::string> pieces_of(std::string_view text) {
  std::vector<std::string> pieces;
  std::string current;
  const auto flush = [&] {
    if (!current.empty()) pieces.push_back(std::move(current));
    current.clear();
  };
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool same_kind = !current.empty() && (std::isdigit(c) != 0) ==
                                                   (std::isdigit(static_cast<unsigned char>(current.back())) != 0);
    if (std::isalnum(c)) {
      if (!current.empty() && !same_kind) flush();
      current += common::to_lower(ch);
    } else if (ch == '-' || ch == '/' || ch == '.' || ch == ' ' || ch == ',') {
      flush();
    } else {
      throw date_error("unexpected character '" + std::string(1, ch) + "'");
    }
  }
  flush();
  return pieces;
}

bool all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

unsigned number_of(const std::string& s) {
  unsigned value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

unsigned month_of(const std::string& piece) {
  if (all_digits(piece)) return number_of(piece);
  if (const auto month = common::month_of_name(piece)) return *month;
  throw date_error("'" + piece + "' is not a month");
}

std::string checked(unsigned day, unsigned month, const std::string& year_text) {
  if (year_text.size() != 4) throw date_error("write the year with four digits");
  const int year = static_cast<int>(number_of(year_text));
  if (year < 1900 || year > 2100) throw date_error("the year " + year_text + " is out of range");
  if (month < 1 || month > 12) throw date_error("there is no month " + std::to_string(month));
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (!date.ok()) {
    throw date_error("there is no day " + std::to_string(day) + " in month " + std::to_string(month) + " of " +
                     year_text);
  }
  // Sized for any unsigned, not only the checked ranges: a fortified build cannot see those.
  char iso[32];
  std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", year, month, day);
  return iso;
}

}  // namespace

std::string excel_serial_date(std::string_view serial) {
  double value = 0;
  const auto [end, error] = std::from_chars(serial.data(), serial.data() + serial.size(), value);
  if (error != std::errc() || end != serial.data() + serial.size() || value < 1 || value >= 2958466) {
    throw date_error("'" + std::string(serial) + "' is not a date Excel stores");
  }
  const auto days = static_cast<int>(value);
  if (days == 60) throw date_error("Excel's day 60 is 29 February 1900, which never was");
  // Excel counts 1900 as a leap year: from day 61 on, its days are one ahead.
  using namespace std::chrono;
  const year_month_day date{sys_days{1899y / December / 31} + std::chrono::days(days < 60 ? days : days - 1)};
  return checked(static_cast<unsigned>(date.day()), static_cast<unsigned>(date.month()),
                 std::to_string(static_cast<int>(date.year())));
}

std::string parse_birth_date(std::string_view text) {
  const auto pieces = pieces_of(text);
  if (pieces.size() != 3) throw date_error("expected a day, a month and a year, as 17-08-1985");
  if (!all_digits(pieces[0]) || !all_digits(pieces[2])) throw date_error("expected a day, a month and a year, as 17-08-1985");
  if (pieces[0].size() == 4) return checked(number_of(pieces[2]), month_of(pieces[1]), pieces[0]);  // 1985-08-17
  return checked(number_of(pieces[0]), month_of(pieces[1]), pieces[2]);
}

}  // namespace siaran::daemon::contacts
