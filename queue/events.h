// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Meetings (events) with their reminders and the answers cadres send to them (RSVP), in the
// store's database. The scheduler turns each reminder into an ordinary broadcast
// with origin "reminder" and the event's id; a reply to it (HADIR, YA, TIDAK) is an RSVP.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/records.h"

namespace siaran::queue {

class connection;
class database;
struct event_statements;  // event_book.cc

enum class rsvp_answer { attending, declining };

struct rsvp_tally {
  std::int64_t attending = 0;  // HADIR, YA
  std::int64_t declining = 0;  // TIDAK
  std::int64_t unanswered = 0; // reached by a reminder, no answer yet
};

struct rsvp_record {
  std::int64_t contact_id = 0;
  std::string name;
  std::string phone;
  rsvp_answer answer = rsvp_answer::attending;
  timestamp answered_at{};
  std::optional<std::string> reply;  // the SMS as the cadre wrote it; none once pruned
};

struct new_event {
  std::string title;
  timestamp starts_at{};
  std::string place;
  std::string audience_json;   // {"groups", "contacts", "filter"}, as the request gave it
  std::string template_text;
  std::optional<std::int64_t> officer_id;
  std::string reminders_json;  // ["-1d@08:00", "-2h"]
  timestamp created_at{};
};

struct event_record : new_event {
  std::int64_t id = 0;
  std::optional<timestamp> cancelled_at;
};

struct new_recurring {
  std::optional<std::int64_t> officer_id;
  std::string audience_json;
  std::string template_text;
  std::string cron;  // five fields, local time
  int priority = 0;
  timestamp created_at{};
};

struct recurring_record : new_recurring {
  std::int64_t id = 0;
};

// One occurrence of a scheduled job, as recorded when it ran (scheduler.h names the jobs).
struct schedule_run {
  std::string job;
  timestamp due_at{};
  std::string state;  // claimed, done, skipped, failed
  std::optional<std::int64_t> broadcast_id;
  std::optional<std::string> note;
  timestamp ran_at{};
};

class event_book {
 public:
  explicit event_book(database& db);
  ~event_book();
  event_book(const event_book&) = delete;
  event_book& operator=(const event_book&) = delete;

  // A contact's answer to the event; a later answer replaces an earlier one.
  void record_rsvp(std::int64_t event_id, std::int64_t contact_id, rsvp_answer answer, std::int64_t incoming_id,
                   timestamp at);
  rsvp_tally tally(std::int64_t event_id);

  // Who answered what, by name.
  std::vector<rsvp_record> rsvps(std::int64_t event_id);

  std::int64_t create_event(const new_event& e);
  std::optional<event_record> find_event(std::int64_t id);
  // Soonest first; `from`: only those starting at or after it.
  std::vector<event_record> list_events(std::optional<timestamp> from = std::nullopt);
  // False for an unknown event; cancelling twice keeps the first time.
  bool cancel_event(std::int64_t id, timestamp now);

  std::int64_t create_recurring(const new_recurring& r);
  std::vector<recurring_record> active_recurring();
  // False for an unknown or already stopped one.
  bool stop_recurring(std::int64_t id);

  // A small JSON document the web UI changes (e.g. "birthdays"); nothing if never set.
  std::optional<std::string> setting(std::string_view key);
  void set_setting(std::string_view key, std::string_view json);
  // The setting is gone: its reader falls back to its defaults.
  void forget_setting(std::string_view key);

  // Contacts not opted out whose birth_date's "MM-DD" is one of `month_days`
  // (daemon/schedule/birthdays.h).
  std::vector<std::int64_t> contacts_born_on(const std::vector<std::string>& month_days);

  // Records that the occurrence (job, due_at) is being run, in its own durable transaction,
  // before its broadcast is created. False when it was recorded before: never run it again.
  bool claim_run(std::string_view job, timestamp due_at, timestamp now);
  // The outcome of a claimed run (state done, skipped or failed).
  void finish_run(std::string_view job, timestamp due_at, std::string_view state,
                  std::optional<std::int64_t> broadcast_id, std::optional<std::string> note);
  // Records an occurrence that will not run (skipped, with why); false if recorded before.
  bool record_skipped(std::string_view job, timestamp due_at, std::string_view note, timestamp now);
  // Every run of jobs starting with `prefix` ("event:7:"), by job and due time.
  std::vector<schedule_run> runs(std::string_view prefix);
  // The latest due time run of `job`.
  std::optional<timestamp> latest_run(std::string_view job);
  // Forgets a claimed run whose broadcast was never queued, so that it runs again.
  void release_run(std::string_view job, timestamp due_at);
  // Runs a crash left `claimed`.
  std::vector<schedule_run> claimed_runs();
  // The broadcast a claimed run created before a crash interrupted it, if it was committed: made
  // by the scheduler (origin, event) at the run's time and not yet linked to any run.
  std::optional<std::int64_t> unlinked_broadcast(std::string_view origin, std::optional<std::int64_t> event_id,
                                                 timestamp created_at);

 private:
  connection& db_;
  std::unique_ptr<event_statements> sql_;
};

}  // namespace siaran::queue
