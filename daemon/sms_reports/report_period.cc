// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_period.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "common/ascii.h"
#include "common/month_names.h"

namespace siaran::daemon::sms_reports {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, common::is_digit);
}

unsigned number_of(std::string_view digits) {
  unsigned value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

}  // namespace

std::optional<report_period> parse_period(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto year = text.substr(0, 4);
  const auto month = text.substr(5, 2);
  if (!all_digits(year) || !all_digits(month)) return std::nullopt;
  const report_period period{static_cast<int>(number_of(year)), number_of(month)};
  if (period.year < 1 || period.month < 1 || period.month > 12) return std::nullopt;
  return period;
}

std::string to_string(report_period period) {
  return fmt::format("{:04}-{:02}", period.year, period.month);
}

report_period previous(report_period period) {
  if (period.month <= 1) return {period.year - 1, 12};
  return {period.year, period.month - 1};
}

report_period next(report_period period) {
  if (period.month >= 12) return {period.year + 1, 1};
  return {period.year, period.month + 1};
}

std::string month_name(unsigned month) { return std::string(common::indonesian_month_name(month)); }

std::optional<unsigned> month_of_word(std::string_view word) {
  if (!all_digits(word)) return common::month_of_name(word);
  if (word.size() > 2) return std::nullopt;
  const unsigned month = number_of(word);
  if (month < 1 || month > 12) return std::nullopt;
  return month;
}

report_period named_month(unsigned month, report_period current) {
  if (month <= current.month) return {current.year, month};
  return {current.year - 1, month};
}

}  // namespace siaran::daemon::sms_reports
