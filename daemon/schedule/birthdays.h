// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whose birthday is today: birth dates are "YYYY-MM-DD" (queue::contact::birth_date). Someone
// born on 29 February is greeted on 28 February in a year without one.

#include <string>
#include <vector>

#include "daemon/schedule/local_time.h"

namespace siaran::daemon::schedule {

// The birth dates' "MM-DD" celebrated on `today`: one, or two on 28 February of a common year.
std::vector<std::string> birthdays_on(const local_date& today);

}  // namespace siaran::daemon::schedule
