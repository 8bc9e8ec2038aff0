// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/cron_expression.h"

#include <charconv>
#include <stdexcept>
#include <vector>

namespace siaran::daemon::schedule {
namespace {

struct field_range {
  const char* name;
  int low;
  int high;
};

int parse_number(std::string_view text, const field_range& range) {
  int value = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < range.low || value > range.high) {
    throw std::invalid_argument("cron " + std::string(range.name) + " field: '" + std::string(text) +
                                "' is not a number from " + std::to_string(range.low) + " to " +
                                std::to_string(range.high));
  }
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  for (std::size_t start = 0;;) {
    const auto end = text.find(separator, start);
    pieces.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return pieces;
    start = end + 1;
  }
}

// One list element: "*", "n", "a-b", each optionally "/step". Returns the values it allows.
std::vector<int> element_values(std::string_view element, const field_range& range) {
  int step = 1;
  if (const auto slash = element.find('/'); slash != std::string_view::npos) {
    step = parse_number(element.substr(slash + 1), {range.name, 1, range.high});
    element = element.substr(0, slash);
  }
  int first = range.low;
  int last = range.high;
  if (element != "*") {
    const auto dash = element.find('-');
    first = parse_number(element.substr(0, dash), range);
    last = dash == std::string_view::npos ? (step > 1 ? range.high : first)
                                          : parse_number(element.substr(dash + 1), range);
    if (last < first) throw std::invalid_argument("cron " + std::string(range.name) + " field: empty range");
  }
  std::vector<int> values;
  for (int v = first; v <= last; v += step) values.push_back(v);
  return values;
}

template <std::size_t N>
std::bitset<N> parse_field(std::string_view text, const field_range& range) {
  std::bitset<N> allowed;
  for (std::string_view element : split(text, ',')) {
    for (int v : element_values(element, range)) allowed.set(static_cast<std::size_t>(v % static_cast<int>(N)));
  }
  return allowed;
}

std::vector<std::string_view> fields_of(std::string_view text) {
  std::vector<std::string_view> fields;
  for (std::string_view piece : split(text, ' ')) {
    if (!piece.empty()) fields.push_back(piece);
  }
  if (fields.size() != 5) {
    throw std::invalid_argument("a cron expression has five fields (minute hour day-of-month month day-of-week), '" +
                                std::string(text) + "' has " + std::to_string(fields.size()));
  }
  return fields;
}

constexpr int years_to_search = 8;  // long enough for 29 February

}  // namespace

cron_expression::cron_expression(std::string_view text) {
  const auto fields = fields_of(text);
  minutes_ = parse_field<60>(fields[0], {"minute", 0, 59});
  hours_ = parse_field<24>(fields[1], {"hour", 0, 23});
  days_ = parse_field<32>(fields[2], {"day-of-month", 1, 31});
  months_ = parse_field<13>(fields[3], {"month", 1, 12});
  weekdays_ = parse_field<7>(fields[4], {"day-of-week", 0, 7});  // 7 % 7: Sunday
  any_day_ = fields[2] == "*";
  any_weekday_ = fields[4] == "*";
}

bool cron_expression::matches_day(const local_date& day) const {
  if (!months_.test(static_cast<std::size_t>(day.month))) return false;
  const bool by_day = days_.test(static_cast<std::size_t>(day.day));
  const bool by_weekday = weekdays_.test(static_cast<std::size_t>(weekday_of(day)));
  if (!any_day_ && !any_weekday_) return by_day || by_weekday;
  return by_day && by_weekday;
}

bool cron_expression::matches_time(int hour, int minute) const {
  return hours_.test(static_cast<std::size_t>(hour)) && minutes_.test(static_cast<std::size_t>(minute));
}

std::optional<queue::timestamp> cron_expression::next_after(queue::timestamp t, const time_zone& zone) const {
  const local_date first = zone.to_local(t).date;
  for (int offset = 0; offset <= 366 * years_to_search; ++offset) {
    const local_date day = add_days(first, offset);
    if (!matches_day(day)) continue;
    for (int hour = 0; hour < 24; ++hour) {
      for (int minute = 0; minute < 60; ++minute) {
        if (!matches_time(hour, minute)) continue;
        const auto at = zone.to_utc(day, hour, minute);
        if (at > t) return at;
      }
    }
  }
  return std::nullopt;
}

std::optional<queue::timestamp> cron_expression::latest_at_or_before(queue::timestamp t, const time_zone& zone,
                                                                     int days) const {
  const local_date last = zone.to_local(t).date;
  for (int offset = 0; offset <= days; ++offset) {
    const local_date day = add_days(last, -offset);
    if (!matches_day(day)) continue;
    for (int hour = 23; hour >= 0; --hour) {
      for (int minute = 59; minute >= 0; --minute) {
        if (!matches_time(hour, minute)) continue;
        const auto at = zone.to_utc(day, hour, minute);
        if (at <= t) return at;
      }
    }
  }
  return std::nullopt;
}

}  // namespace siaran::daemon::schedule
