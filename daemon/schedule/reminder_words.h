// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Meeting reminders as an Indonesian office writes them, read into the offsets the scheduler
// keeps (reminder_offset.h), and shown back in the same words:
//   "H-7"               seven calendar days before, at the meeting's own time of day   -7d
//   "H-1 jam 08.00"     the day before at 08.00 local time                             -1d@08:00
//   "H-0 jam 06.00",    the meeting's day at 06.00                                     -0d@06:00
//   "hari H jam 06.00"
//   "2 jam sebelum"     two hours before the start                                     -2h
//   "30 menit sebelum"  thirty minutes before                                          -30m
//   "1 hari sebelum"    as "H-1"                                                       -1d
// Times as "jam 8", "jam 08.00", "jam 8:30" or "pukul 8"; letters in any case. Several are
// separated by commas: "H-7, H-1 jam 08.00, 2 jam sebelum".

#include <string>
#include <string_view>
#include <vector>

#include "daemon/schedule/reminder_offset.h"

namespace siaran::daemon::schedule {

// The offsets of each comma-separated reminder in `text`, in words or already an offset
// ("-1d@08:00"). Throws phrase_error naming the first one that is neither.
std::vector<std::string> reminder_offsets_from_words(std::string_view text);

// "H-1 jam 08.00" for -1d@08:00, "2 jam sebelum" for -2h.
std::string reminder_words(const reminder_offset& offset);

}  // namespace siaran::daemon::schedule
