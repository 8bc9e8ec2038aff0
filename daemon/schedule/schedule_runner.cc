// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/schedule_runner.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/log_text.h"
#include "daemon/api/audience_json.h"
#include "daemon/schedule/birthday_settings.h"
#include "daemon/schedule/birthdays.h"
#include "daemon/schedule/cron_expression.h"
#include "daemon/schedule/reminder_offset.h"
#include "daemon/sms_reports/report_reminders.h"

namespace siaran::daemon::schedule {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

// A recurring broadcast missed (daemon down, clock jumped) runs late only within this; older
// occurrences are dropped rather than sent at a surprising hour.
constexpr auto recurring_catch_up = 24h;
// Events whose start is this far past are no longer looked at (their reminders are history).
constexpr auto event_horizon = 24h;

void keep_earliest(std::optional<queue::timestamp>& next, queue::timestamp t) {
  if (!next || t < *next) next = t;
}

std::vector<std::string> reminder_texts(const queue::event_record& event) {
  std::vector<std::string> texts;
  for (const json& offset : json::parse(event.reminders_json)) texts.push_back(offset.get<std::string>());
  return texts;
}

bool recorded(const std::vector<queue::schedule_run>& runs, const std::string& job) {
  return std::any_of(runs.begin(), runs.end(), [&](const queue::schedule_run& r) { return r.job == job; });
}

// The origin and event a job's broadcast carries (broadcaster.h).
std::pair<std::string, std::optional<std::int64_t>> origin_of(const std::string& job) {
  if (job.starts_with("event:")) return {"reminder", std::stoll(job.substr(6))};
  if (job.starts_with("birthday:")) return {"birthday", std::nullopt};
  return {"recurring", std::nullopt};
}

}  // namespace

std::string event_jobs(std::int64_t event_id) { return fmt::format("event:{}:", event_id); }

std::string reminder_job(std::int64_t event_id, std::size_t index) {
  return fmt::format("{}reminder:{}", event_jobs(event_id), index);
}

std::string birthday_job(const local_date& day) {
  return fmt::format("birthday:{:04}-{:02}-{:02}", day.year, day.month, day.day);
}

std::string recurring_job(std::int64_t id) { return fmt::format("recurring:{}", id); }

broadcast_request reminder_request(const queue::event_record& event, const time_zone& zone) {
  const local_time starts = zone.to_local(event.starts_at);
  broadcast_request request;
  request.officer_id = event.officer_id;
  request.audience = api::parse_audience(json::parse(event.audience_json));
  request.audience_json = event.audience_json;
  request.template_text = event.template_text;
  request.origin = "reminder";
  request.event_id = event.id;
  request.extra_values = {{"acara", event.title},
                          {"tempat", event.place},
                          {"tanggal", format_date_id(starts.date)},
                          {"jam", format_time_id(starts.hour, starts.minute)}};
  return request;
}

occurrence_outcome create_occurrence(const claimed_occurrence& claimed, const create_broadcast& create,
                                     queue::timestamp now) {
  try {
    return {occurrence_outcome::kind::created, create(claimed.request, now), {}};
  } catch (const broadcast_error& e) {
    return {occurrence_outcome::kind::refused, 0, e.what()};
  } catch (const std::exception& e) {
    return {occurrence_outcome::kind::not_stored, 0, e.what()};
  }
}

schedule_runner::schedule_runner(queue::event_book& events, time_zone zone)
    : events_(events), zone_(std::move(zone)) {}

schedule_check schedule_runner::check(queue::timestamp now) {
  // Every claim still open was left by a crash or by a conclude the store refused: no broadcast
  // is being created between two checks.
  recover_interrupted_runs();
  schedule_check found;
  check_events(now, found);
  check_birthdays(now, found);
  check_recurring(now, found);
  check_report_reminders(now, found);
  return found;
}

void schedule_runner::recover_interrupted_runs() {
  for (const queue::schedule_run& run : events_.claimed_runs()) {
    const auto [origin, event_id] = origin_of(run.job);
    if (const auto broadcast = events_.unlinked_broadcast(origin, event_id, run.ran_at)) {
      events_.finish_run(run.job, run.due_at, "done", broadcast, "linked after a restart");
      spdlog::info("schedule: {} had queued broadcast {} before the daemon stopped", run.job, *broadcast);
    } else {
      events_.release_run(run.job, run.due_at);
      spdlog::warn("schedule: {} was interrupted before its broadcast was queued; running it again", run.job);
    }
  }
}

void schedule_runner::check_events(queue::timestamp now, schedule_check& found) {
  for (const queue::event_record& event : events_.list_events(now - event_horizon)) {
    if (event.cancelled_at) continue;
    try {
      check_event(event, now, found);
    } catch (const std::exception& e) {
      spdlog::error("schedule: event {}'s reminders: {}", event.id, e.what());
    }
  }
}

void schedule_runner::check_event(const queue::event_record& event, queue::timestamp now,
                                  schedule_check& found) {
  const auto runs = events_.runs(event_jobs(event.id));
  const auto offsets = reminder_texts(event);
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    const std::string job = reminder_job(event.id, i);
    const auto offset = parse_reminder_offset(offsets[i]);
    if (!offset || recorded(runs, job)) continue;
    const queue::timestamp due = offset->due(event.starts_at, zone_);
    if (due > now) {
      keep_earliest(found.next, due);
    } else if (due < event.created_at) {
      skip(job, due, "due before the meeting was created", now);
    } else if (now >= event.starts_at) {
      skip(job, due, "the meeting had started when the reminder was due to run", now);
    } else {
      claim(job, due, reminder_request(event, zone_), now, found);
    }
  }
}

void schedule_runner::check_birthdays(queue::timestamp now, schedule_check& found) {
  const birthday_settings settings = load_birthday_settings(events_);
  if (!settings.enabled) return;
  const local_date today = zone_.to_local(now).date;
  const queue::timestamp due = zone_.to_utc(today, settings.hour, settings.minute);
  if (due > now) return keep_earliest(found.next, due);
  // Keyed by the day (its local midnight), not the hour: changing "at" after today's greeting
  // must not greet twice.
  const std::string job = birthday_job(today);
  const queue::timestamp day_key = zone_.to_utc(today, 0, 0);
  keep_earliest(found.next, zone_.to_utc(add_days(today, 1), settings.hour, settings.minute));
  if (events_.latest_run(job)) return;
  const auto contacts = events_.contacts_born_on(birthdays_on(today));
  if (contacts.empty()) return skip(job, day_key, "nobody's birthday today", now);
  broadcast_request request;
  request.officer_id = settings.officer_id;
  request.audience.contacts = contacts;
  request.audience_json = json{{"contacts", contacts}}.dump();
  request.template_text = settings.template_text;
  request.origin = "birthday";
  claim(job, day_key, std::move(request), now, found);
}

void schedule_runner::check_recurring(queue::timestamp now, schedule_check& found) {
  for (const queue::recurring_record& recurring : events_.active_recurring()) {
    try {
      const cron_expression cron(recurring.cron);
      if (const auto upcoming = cron.next_after(now, zone_)) keep_earliest(found.next, *upcoming);
      const auto latest = cron.latest_at_or_before(now, zone_, 1);
      const std::string job = recurring_job(recurring.id);
      const auto last_run = events_.latest_run(job);
      // Only the latest occurrence, once: a week of missed minutes is one broadcast, not a flood;
      // a clock set back finds a later run recorded and sends nothing.
      if (!latest || now - *latest > recurring_catch_up || *latest < recurring.created_at ||
          (last_run && *last_run >= *latest)) {
        continue;
      }
      broadcast_request request;
      request.officer_id = recurring.officer_id;
      request.audience = api::parse_audience(json::parse(recurring.audience_json));
      request.audience_json = recurring.audience_json;
      request.template_text = recurring.template_text;
      request.priority = recurring.priority;
      request.origin = "recurring";
      claim(job, *latest, std::move(request), now, found);
    } catch (const std::exception& e) {
      spdlog::error("schedule: recurring broadcast {}: {}", recurring.id, e.what());
    }
  }
}

void schedule_runner::check_report_reminders(queue::timestamp now, schedule_check& found) {
  if (!forms_) return;
  auto look = sms_reports::reminders_due(*forms_, *reports_, zone_, now,
                                         [this](const std::string& job) { return events_.latest_run(job).has_value(); });
  if (look.next) keep_earliest(found.next, *look.next);
  for (auto& reminder : look.due) {
    if (!reminder.request) {
      skip(reminder.job, reminder.due, "every posyandu has reported", now);
    } else {
      claim(reminder.job, reminder.due, std::move(*reminder.request), now, found);
    }
  }
}

void schedule_runner::claim(const std::string& job, queue::timestamp due, broadcast_request request,
                            queue::timestamp now, schedule_check& found) {
  if (events_.claim_run(job, due, now)) found.claimed.push_back({job, due, std::move(request)});
}

void schedule_runner::conclude(const claimed_occurrence& claimed, const occurrence_outcome& outcome) {
  switch (outcome.what) {
    case occurrence_outcome::kind::created:
      events_.finish_run(claimed.job, claimed.due, "done", outcome.broadcast, std::nullopt);
      spdlog::info("schedule: {} queued broadcast {}", claimed.job, outcome.broadcast);
      return;
    case occurrence_outcome::kind::refused:
      events_.finish_run(claimed.job, claimed.due, "failed", std::nullopt, outcome.why);
      spdlog::warn("schedule: {} could not be sent: {}", claimed.job, common::log_text(outcome.why));
      return;
    case occurrence_outcome::kind::not_stored:
      // The store refused (busy, disk full): nothing was queued, so the next check tries again.
      events_.release_run(claimed.job, claimed.due);
      spdlog::error("schedule: {}: {}; trying again at the next check", claimed.job, common::log_text(outcome.why));
      return;
  }
}

void schedule_runner::skip(const std::string& job, queue::timestamp due, const std::string& why,
                           queue::timestamp now) {
  if (events_.record_skipped(job, due, why, now)) spdlog::info("schedule: {} skipped: {}", job, why);
}

}  // namespace siaran::daemon::schedule
