// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Local time in a named IANA zone (config `timezone`, default Asia/Jakarta), for the scheduler
// and the templates' {tanggal} and {jam}. Each zone object carries its own rules: nothing here
// touches the process-wide TZ or localtime_r, so two zones can be used side by side.

#include <string>
#include <string_view>

#include "queue/records.h"

namespace date {
class time_zone;
}

namespace siaran::daemon::schedule {

struct local_date {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
  friend bool operator==(const local_date&, const local_date&) = default;
  friend auto operator<=>(const local_date&, const local_date&) = default;
};

struct local_time {
  local_date date;
  int hour = 0;     // 0-23
  int minute = 0;   // 0-59
  int second = 0;   // 0-59
  int weekday = 4;  // 0 Sunday .. 6 Saturday (cron's numbering)
};

class time_zone {
 public:
  // Throws std::invalid_argument for a name the zone database does not know.
  explicit time_zone(std::string_view name);

  const std::string& name() const { return name_; }
  local_time to_local(queue::timestamp utc) const;
  // The instant a wall clock in this zone shows `hour`:`minute` on `day`. A time skipped by a
  // daylight-saving jump is taken after the jump, a repeated one at its first occurrence.
  queue::timestamp to_utc(const local_date& day, int hour, int minute) const;

 private:
  std::string name_;
  const date::time_zone* zone_;
};

// The day after (or `days` after, negative: before) a date.
local_date add_days(const local_date& day, int days);
bool is_leap_year(int year);
// 0 Sunday .. 6 Saturday.
int weekday_of(const local_date& day);

// "Senin, 30 November 2026": how an Indonesian letter writes a date.
std::string format_date_id(const local_date& day);
// "08.00": Indonesian clock times use a dot.
std::string format_time_id(int hour, int minute);

}  // namespace siaran::daemon::schedule
