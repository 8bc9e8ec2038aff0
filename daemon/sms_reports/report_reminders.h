// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The reminder to report (DESIGN.md "Interfaces", Reports by SMS): a broadcast to the cadres of
// the posyandu that have not reported a form for a month, and to nobody else. An officer sends it
// by hand (POST /api/v1/reports/missing/remind); a form with a `reminder` has the scheduler send
// it on its day, for the month before (November's figures are asked for in early December).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "daemon/broadcaster.h"
#include "daemon/schedule/local_time.h"
#include "daemon/sms_reports/report_form.h"
#include "daemon/sms_reports/report_period.h"
#include "queue/sms_reports.h"

namespace siaran::daemon::sms_reports {

// "report-reminder:SKDN:2026-11": the scheduler's job, once per form and month.
std::string reminder_job(const report_form& form, report_period period);

// The broadcast to `contacts` (the book's reporters_missing) in `text` (default_reminder_text
// when the form has none), with {bulan} "November 2026", {formulir} the form's code and
// {format} how to report for that month (expected_format with the month) as placeholders.
broadcast_request report_reminder_request(const report_form& form, report_period period,
                                          std::vector<std::int64_t> contacts,
                                          const std::string& text);

// A form's reminder whose time has come this month, for the month before.
struct due_reminder {
  std::string job;
  queue::timestamp due{};
  std::optional<broadcast_request> request;  // none: every posyandu has reported
};

struct reminder_look {
  std::vector<due_reminder> due;
  std::optional<queue::timestamp> next;  // the next reminder's time after now, if any
};

// The reminders of the forms that have one, due at `now` (local `zone`) and not yet run
// (`has_run(job)`): the scheduler claims each (schedule/schedule_runner.h).
reminder_look reminders_due(queue::report_form_book& forms, queue::sms_report_book& reports,
                            const schedule::time_zone& zone, queue::timestamp now,
                            const std::function<bool(const std::string& job)>& has_run);

}  // namespace siaran::daemon::sms_reports
