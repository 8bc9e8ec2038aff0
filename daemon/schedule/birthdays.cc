// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/birthdays.h"

#include <fmt/format.h>

namespace siaran::daemon::schedule {

std::vector<std::string> birthdays_on(const local_date& today) {
  std::vector<std::string> month_days{fmt::format("{:02}-{:02}", today.month, today.day)};
  if (today.month == 2 && today.day == 28 && !is_leap_year(today.year)) month_days.push_back("02-29");
  return month_days;
}

}  // namespace siaran::daemon::schedule
