// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/reminder_offset.h"

#include <fmt/format.h>

#include <charconv>

namespace siaran::daemon::schedule {
namespace {

// Reads an unsigned number of at most `max_digits` digits from the front of `text`.
std::optional<int> take_number(std::string_view& text, std::size_t max_digits) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  const auto digits = static_cast<std::size_t>(end - text.data());
  if (ec != std::errc() || digits == 0 || digits > max_digits || text.front() == '-' || text.front() == '+') {
    return std::nullopt;
  }
  text.remove_prefix(digits);
  return value;
}

std::optional<reminder_offset::unit> unit_of(char c) {
  switch (c) {
    case 'd': return reminder_offset::unit::days;
    case 'h': return reminder_offset::unit::hours;
    case 'm': return reminder_offset::unit::minutes;
    default: return std::nullopt;
  }
}

// "@HH:MM" with a valid clock time.
bool take_clock_time(std::string_view text, reminder_offset& offset) {
  if (text.size() != 6 || text[0] != '@' || text[3] != ':') return false;
  text.remove_prefix(1);
  const auto hour = take_number(text, 2);
  text.remove_prefix(1);
  const auto minute = take_number(text, 2);
  if (!hour || !minute || !text.empty() || *hour > 23 || *minute > 59) return false;
  offset.at_hour = *hour;
  offset.at_minute = *minute;
  return true;
}

}  // namespace

std::optional<reminder_offset> parse_reminder_offset(std::string_view text) {
  if (text.empty() || text.front() != '-') return std::nullopt;
  text.remove_prefix(1);
  reminder_offset offset;
  const auto amount = take_number(text, 4);
  if (!amount || text.empty()) return std::nullopt;
  const auto in = unit_of(text.front());
  if (!in) return std::nullopt;
  text.remove_prefix(1);
  offset.amount = *amount;
  offset.in = *in;
  if (text.empty()) return offset.amount == 0 ? std::nullopt : std::optional(offset);
  if (offset.in != reminder_offset::unit::days || !take_clock_time(text, offset)) return std::nullopt;
  return offset;
}

std::string offset_text(const reminder_offset& offset) {
  static constexpr char unit_letters[] = {'d', 'h', 'm'};
  std::string text = fmt::format("-{}{}", offset.amount, unit_letters[static_cast<int>(offset.in)]);
  if (offset.at_hour) text += fmt::format("@{:02}:{:02}", *offset.at_hour, offset.at_minute);
  return text;
}

queue::timestamp reminder_offset::due(queue::timestamp starts_at, const time_zone& zone) const {
  using namespace std::chrono;
  switch (in) {
    case unit::minutes: return starts_at - minutes{amount};
    case unit::hours: return starts_at - hours{amount};
    case unit::days:
      if (!at_hour) return starts_at - hours{24 * amount};
      return zone.to_utc(add_days(zone.to_local(starts_at).date, -amount), *at_hour, at_minute);
  }
  return starts_at;
}

}  // namespace siaran::daemon::schedule
