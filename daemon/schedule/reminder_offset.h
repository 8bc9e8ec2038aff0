// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A meeting reminder's offset from the meeting's start: "-2h", "-30m", "-1d" (24 hours before),
// or a day before at a fixed local time, "-1d@08:00" (the day before at 08:00), "-2d@07:30", or
// the meeting's own day at a fixed local time, "-0d@06:00".

#include <optional>
#include <string>
#include <string_view>

#include "daemon/schedule/local_time.h"
#include "queue/records.h"

namespace siaran::daemon::schedule {

struct reminder_offset {
  enum class unit { days, hours, minutes };
  int amount = 0;  // how many units before the start, > 0 but for "-0d@HH:MM"
  unit in = unit::hours;
  std::optional<int> at_hour;  // "@HH:MM", days only: that local time on the day
  int at_minute = 0;

  // When the reminder is due for a meeting starting at `starts_at`.
  queue::timestamp due(queue::timestamp starts_at, const time_zone& zone) const;
};

// Nothing when `text` is not such an offset.
std::optional<reminder_offset> parse_reminder_offset(std::string_view text);
// The text parse_reminder_offset reads back: "-1d@08:00", "-2h".
std::string offset_text(const reminder_offset& offset);

// "-1d@08:00" and "-2h": the day before at 08:00, and two hours before.
inline const char* const default_reminders[] = {"-1d@08:00", "-2h"};

}  // namespace siaran::daemon::schedule
