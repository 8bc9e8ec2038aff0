// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/local_time.h"

#include <array>
#include <stdexcept>

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include "common/month_names.h"

namespace siaran::daemon::schedule {
namespace {

const date::time_zone* find_zone(std::string_view name) {
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    throw std::invalid_argument("'" + std::string(name) +
                                "' is not a known IANA time zone such as Asia/Jakarta (is tzdata installed?)");
  }
}

date::year_month_day to_ymd(const local_date& day) {
  return date::year{day.year} / date::month{static_cast<unsigned>(day.month)} /
         date::day{static_cast<unsigned>(day.day)};
}

local_date from_ymd(const date::year_month_day& ymd) {
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

time_zone::time_zone(std::string_view name) : name_(name), zone_(find_zone(name)) {}

local_time time_zone::to_local(queue::timestamp utc) const {
  const auto local = zone_->to_local(std::chrono::floor<std::chrono::seconds>(utc));
  const auto day = date::floor<date::days>(local);
  const date::hh_mm_ss clock{local - day};
  local_time result;
  result.date = from_ymd(date::year_month_day{day});
  result.hour = static_cast<int>(clock.hours().count());
  result.minute = static_cast<int>(clock.minutes().count());
  result.second = static_cast<int>(clock.seconds().count());
  result.weekday = static_cast<int>(date::weekday{day}.c_encoding());
  return result;
}

queue::timestamp time_zone::to_utc(const local_date& day, int hour, int minute) const {
  const date::local_seconds local =
      date::local_days{to_ymd(day)} + std::chrono::hours{hour} + std::chrono::minutes{minute};
  // `first` is the offset in force before a transition: for a repeated hour that is its first
  // occurrence, for a skipped one the result lands the same distance past the jump.
  const auto offset = zone_->get_info(local).first.offset;
  const std::chrono::sys_seconds utc{local.time_since_epoch() - offset};
  return std::chrono::time_point_cast<std::chrono::milliseconds>(utc);
}

local_date add_days(const local_date& day, int days) {
  return from_ymd(date::year_month_day{date::sys_days{to_ymd(day)} + date::days{days}});
}

bool is_leap_year(int year) { return date::year{year}.is_leap(); }

int weekday_of(const local_date& day) {
  return static_cast<int>(date::weekday{date::sys_days{to_ymd(day)}}.c_encoding());
}

std::string format_date_id(const local_date& day) {
  static constexpr std::array<const char*, 7> weekdays{"Minggu", "Senin", "Selasa", "Rabu",
                                                       "Kamis",  "Jumat", "Sabtu"};
  return fmt::format("{}, {} {} {}", weekdays[static_cast<std::size_t>(weekday_of(day))], day.day,
                     common::indonesian_month_name(static_cast<unsigned>(day.month)),
                     day.year);
}

std::string format_time_id(int hour, int minute) { return fmt::format("{:02}.{:02}", hour, minute); }

}  // namespace siaran::daemon::schedule
