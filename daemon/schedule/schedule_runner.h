// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One look at the clock: runs every scheduled occurrence that is due (meeting reminders,
// today's birthday greetings, recurring broadcasts), each exactly once, and says when the next
// one is due. No timer and no clock of its own (scheduler.h calls it with the wall clock), so
// tests drive it with any "now", backwards too.
//
// Exactly once: each occurrence has a key (job, due time). check() claims it in the store
// (durably) and hands it back; its broadcast is created elsewhere (off the writer: a reminder to
// thousands of cadres takes seconds to render, and the writer's claims must go on meanwhile),
// and conclude() marks it done with the broadcast's id. A claim found again never runs again. A
// crash between the two, or a conclude the store refused, leaves a claim: the next check links
// the broadcast the scheduler committed for it, or releases an occurrence whose broadcast never
// committed to run now. The caller concludes every claim before it checks again.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "daemon/broadcaster.h"
#include "daemon/schedule/local_time.h"
#include "queue/events.h"
#include "queue/sms_reports.h"

namespace siaran::daemon::schedule {

// Creates a broadcast and returns its id (broadcaster::prepare and commit in the daemon); throws
// broadcast_error when the request cannot become one.
using create_broadcast = std::function<std::int64_t(const broadcast_request&, queue::timestamp now)>;

// An occurrence check() claimed, whose broadcast is still to be created.
struct claimed_occurrence {
  std::string job;
  queue::timestamp due;
  broadcast_request request;
};

// How creating a claimed occurrence's broadcast went, for schedule_runner::conclude.
struct occurrence_outcome {
  enum class kind { created, refused, not_stored } what = kind::not_stored;
  std::int64_t broadcast = 0;  // created
  std::string why;             // refused (broadcast_error), not stored (busy, disk full)
};

// Runs `create` for `claimed` and says how it went; a crash (anything not a std::exception)
// goes through, as it would end the process.
occurrence_outcome create_occurrence(const claimed_occurrence& claimed, const create_broadcast& create,
                                     queue::timestamp now);

struct schedule_check {
  std::optional<queue::timestamp> next;  // the next due time after `now`, if any is known
  std::vector<claimed_occurrence> claimed;
};

// "event:7:reminder:0", "birthday:2026-11-30", "recurring:3" (and "report-reminder:SKDN:2026-11",
// sms_reports/report_reminders.h); "event:7:" starts every job of
// the event.
std::string event_jobs(std::int64_t event_id);
std::string reminder_job(std::int64_t event_id, std::size_t index);
std::string birthday_job(const local_date& day);
std::string recurring_job(std::int64_t id);

class schedule_runner {
 public:
  schedule_runner(queue::event_book& events, time_zone zone);

  // Claims what is due at `now` and skips what is too late; says when the next occurrence is due.
  schedule_check check(queue::timestamp now);
  // Records how a claimed occurrence's broadcast went: done (with the broadcast), failed (it
  // cannot be sent), or released to run again at the next check (the store refused it).
  void conclude(const claimed_occurrence& claimed, const occurrence_outcome& outcome);

  const time_zone& zone() const { return zone_; }
  // The forms whose reminders to report it sends (sms_reports/report_reminders.h); none: none.
  void send_report_reminders(queue::report_form_book& forms, queue::sms_report_book& reports) {
    forms_ = &forms;
    reports_ = &reports;
  }

 private:
  void recover_interrupted_runs();
  void check_events(queue::timestamp now, schedule_check& found);
  void check_event(const queue::event_record& event, queue::timestamp now, schedule_check& found);
  void check_birthdays(queue::timestamp now, schedule_check& found);
  void check_recurring(queue::timestamp now, schedule_check& found);
  void check_report_reminders(queue::timestamp now, schedule_check& found);
  void claim(const std::string& job, queue::timestamp due, broadcast_request request, queue::timestamp now,
             schedule_check& found);
  void skip(const std::string& job, queue::timestamp due, const std::string& why, queue::timestamp now);

  queue::event_book& events_;
  time_zone zone_;
  queue::report_form_book* forms_ = nullptr;
  queue::sms_report_book* reports_ = nullptr;
};

// The meeting reminder's request: the event's audience and template, {acara}, {tempat}, and the
// meeting's own {tanggal} and {jam}.
broadcast_request reminder_request(const queue::event_record& event, const time_zone& zone);

}  // namespace siaran::daemon::schedule
