// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A recurring broadcast's schedule in words, read into the cron form the scheduler keeps
// (cron_expression.h), and a cron form of that shape shown back in words:
//   "setiap hari jam 06.00"                  0 6 * * *
//   "setiap hari kerja jam 07.00"            0 7 * * 1-5    (Monday to Friday)
//   "setiap Senin jam 07.00"                 0 7 * * 1
//   "setiap Senin dan Kamis jam 07.00"       0 7 * * 1,4    (also "Senin, Kamis")
//   "tanggal 5 setiap bulan jam 08.00"       0 8 5 * *      (also "setiap tanggal 5")
//   "tanggal 1 dan 15 setiap bulan"          0 8 1,15 * *   (no time: 08.00, the office's start)
// Times as "jam 8", "jam 08.00", "jam 8:30" or "pukul 8"; letters in any case; "tiap" as
// "setiap". Day 29 to 31 of a month is skipped in months without it, as in cron.

#include <optional>
#include <string>
#include <string_view>

namespace siaran::daemon::schedule {

// Throws phrase_error when `text` is not such a schedule.
std::string cron_from_words(std::string_view text);

// Nothing when `cron` is not of a shape above (a step, a month, both day fields).
std::optional<std::string> recurrence_words(std::string_view cron);

}  // namespace siaran::daemon::schedule
