// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A recurring broadcast's schedule, as in crontab(5): five fields "minute hour day-of-month
// month day-of-week", each `*`, a number, a range `a-b`, a list `a,b`, and steps `*/15`, `1-5/2`,
// read in the configured time zone. Day of week 0 or 7 is Sunday. As in cron, when both day
// fields are restricted a day matching either one matches.

#include <bitset>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/schedule/local_time.h"
#include "queue/records.h"

namespace siaran::daemon::schedule {

class cron_expression {
 public:
  // Throws std::invalid_argument saying which field is wrong.
  explicit cron_expression(std::string_view text);

  // The first occurrence strictly after `t`; nothing if none within eight years (31 February).
  std::optional<queue::timestamp> next_after(queue::timestamp t, const time_zone& zone) const;
  // The latest occurrence at or before `t`, looking back at most `days` days.
  std::optional<queue::timestamp> latest_at_or_before(queue::timestamp t, const time_zone& zone, int days) const;

 private:
  bool matches_day(const local_date& day) const;
  bool matches_time(int hour, int minute) const;

  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_;    // 1-31
  std::bitset<13> months_;  // 1-12
  std::bitset<7> weekdays_; // 0 Sunday
  bool any_day_ = true;     // day-of-month is *
  bool any_weekday_ = true; // day-of-week is *
};

}  // namespace siaran::daemon::schedule
