// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The words and times of the reports handed over, as the secretariat reads them: a message's
// state in the web page's words ("Terkirim", "Sampai"), times on the configured zone's wall
// clock ("2026-11-30 08:05").

#include <optional>
#include <string>

#include "daemon/schedule/local_time.h"
#include "queue/states.h"

namespace siaran::daemon::reports {

std::string state_word(queue::part_state state);
// A recipient's delivery as the page words it ("Diterima", "Tidak diterima"); "" when no report was asked.
std::string delivery_word(const std::optional<std::string>& delivery);
// What a status report's TP-ST means, in Bahasa Indonesia; "" without one.
std::string status_meaning_word(const std::optional<int>& status);
// "2026-11-30 08:05"
std::string local_minute(const schedule::time_zone& zone, queue::timestamp t);
// "2026-11-30 08:00": the hour a time falls in.
std::string local_hour(const schedule::time_zone& zone, queue::timestamp t);
// "2026-11-30"
std::string local_day(const schedule::time_zone& zone, queue::timestamp t);

}  // namespace siaran::daemon::reports
