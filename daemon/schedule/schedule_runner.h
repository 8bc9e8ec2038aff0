// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One look at the clock: runs every scheduled occurrence that is due (meeting reminders,
// today's birthday greetings, recurring broadcasts), each exactly once, and says when the next
// one is due. No timer and no clock of its own (scheduler.h calls it with the wall clock), so
// tests drive it with any "now", backwards too.
//
// Exactly once: each occurrence has a key (job, due time). It is claimed in the store (durably)
// before its broadcast is created and marked done with the broadcast's id after; a claim found
// again never runs again. A crash between the two leaves a claim: at start, a broadcast the
// scheduler committed for it is linked, and an occurrence whose broadcast never committed is
// released to run now.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "daemon/broadcaster.h"
#include "daemon/schedule/local_time.h"
#include "queue/events.h"

namespace siaran::daemon::schedule {

// broadcaster::create in the daemon; returns the broadcast's id, throws broadcast_error.
using create_broadcast = std::function<std::int64_t(const broadcast_request&, queue::timestamp now)>;

// "event:7:reminder:0", "birthday:2026-11-30", "recurring:3"; "event:7:" starts every job of
// the event.
std::string event_jobs(std::int64_t event_id);
std::string reminder_job(std::int64_t event_id, std::size_t index);
std::string birthday_job(const local_date& day);
std::string recurring_job(std::int64_t id);

class schedule_runner {
 public:
  schedule_runner(queue::event_book& events, create_broadcast create, time_zone zone);

  // Runs what is due at `now`; returns the next due time after it, if any is known.
  std::optional<queue::timestamp> check(queue::timestamp now);

  const time_zone& zone() const { return zone_; }

 private:
  void recover_interrupted_runs();
  void check_events(queue::timestamp now, std::optional<queue::timestamp>& next);
  void check_event(const queue::event_record& event, queue::timestamp now, std::optional<queue::timestamp>& next);
  void check_birthdays(queue::timestamp now, std::optional<queue::timestamp>& next);
  void check_recurring(queue::timestamp now, std::optional<queue::timestamp>& next);
  void run(const std::string& job, queue::timestamp due, const broadcast_request& request, queue::timestamp now);
  void skip(const std::string& job, queue::timestamp due, const std::string& why, queue::timestamp now);

  queue::event_book& events_;
  create_broadcast create_;
  time_zone zone_;
  bool recovered_ = false;
};

// The meeting reminder's request: the event's audience and template, {acara}, {tempat}, and the
// meeting's own {tanggal} and {jam}.
broadcast_request reminder_request(const queue::event_record& event, const time_zone& zone);

}  // namespace siaran::daemon::schedule
