// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_reminders.h"

#include <nlohmann/json.hpp>

#include "daemon/sms_reports/stored_forms.h"

namespace siaran::daemon::sms_reports {

std::string reminder_job(const report_form& form, report_period period) {
  return "report-reminder:" + form.code + ":" + to_string(period);
}

broadcast_request report_reminder_request(const report_form& form, report_period period,
                                          std::vector<std::int64_t> contacts,
                                          const std::string& text) {
  broadcast_request request;
  request.audience_json = nlohmann::json{{"contacts", contacts}}.dump();
  request.audience.contacts = std::move(contacts);
  request.template_text = text;
  request.origin = "report_reminder";
  request.extra_values = {{"bulan", month_name(period.month) + " " + std::to_string(period.year)},
                          {"formulir", form.code},
                          {"format", expected_format(form, period.month)}};
  return request;
}

namespace {

// The instant of the form's reminder in the local month of `day`.
queue::timestamp reminder_time(const form_reminder& reminder, schedule::local_date day,
                               const schedule::time_zone& zone) {
  day.day = static_cast<int>(reminder.day);
  return zone.to_utc(day, std::stoi(reminder.time.substr(0, 2)),
                     std::stoi(reminder.time.substr(3, 2)));
}

}  // namespace

reminder_look reminders_due(queue::report_form_book& forms, queue::sms_report_book& reports,
                            const schedule::time_zone& zone, queue::timestamp now,
                            const std::function<bool(const std::string& job)>& has_run) {
  reminder_look look;
  const schedule::local_date today = zone.to_local(now).date;
  const report_period this_month{today.year, static_cast<unsigned>(today.month)};
  for (const report_form& form : stored_forms(forms)) {
    if (!form.active || !form.reminder) continue;
    const queue::timestamp due = reminder_time(*form.reminder, today, zone);
    const report_period later = next(this_month);
    const queue::timestamp following =
        reminder_time(*form.reminder, {later.year, static_cast<int>(later.month), 1}, zone);
    const queue::timestamp upcoming = due > now ? due : following;
    if (!look.next || upcoming < *look.next) look.next = upcoming;
    const report_period period = previous(this_month);
    if (due > now || has_run(reminder_job(form, period))) continue;
    auto contacts = reports.reporters_missing(form.code, to_string(period), roles_json(form));
    due_reminder reminder{reminder_job(form, period), due, std::nullopt};
    if (!contacts.empty()) {
      reminder.request =
          report_reminder_request(form, period, std::move(contacts), form.reminder->text);
    }
    look.due.push_back(std::move(reminder));
  }
  return look;
}

}  // namespace siaran::daemon::sms_reports
