// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/events.h"

#include <limits>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"

namespace siaran::queue {
namespace {

constexpr const char* event_columns =
    "SELECT id, title, starts_at, place, audience, template, officer_id, reminders, cancelled_at, created_at "
    "FROM events ";

constexpr const char* run_columns = "SELECT job, due_at, state, broadcast_id, note, ran_at FROM schedule_runs ";

}  // namespace

struct event_statements {
  explicit event_statements(connection& db)
      : upsert_rsvp(db,
                    "INSERT INTO rsvps (event_id, contact_id, answer, incoming_id, answered_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (event_id, contact_id) DO UPDATE SET "
                    "answer = excluded.answer, incoming_id = excluded.incoming_id, answered_at = excluded.answered_at"),
        count_answers(db, "SELECT answer, COUNT(*) FROM rsvps WHERE event_id = ?1 GROUP BY answer"),
        // Everyone a reminder of the event was queued for, less those who answered.
        count_unanswered(db,
                         "SELECT COUNT(DISTINCT bm.contact_id) FROM broadcasts b "
                         "JOIN broadcast_messages bm ON bm.broadcast_id = b.id "
                         "WHERE b.event_id = ?1 AND b.origin = 'reminder' AND NOT EXISTS "
                         "(SELECT 1 FROM rsvps r WHERE r.event_id = ?1 AND r.contact_id = bm.contact_id)"),
        select_rsvps(db,
                     "SELECT r.contact_id, c.name, c.phone, r.answer, r.answered_at, i.text FROM rsvps r "
                     "JOIN contacts c ON c.id = r.contact_id LEFT JOIN incoming i ON i.id = r.incoming_id "
                     "WHERE r.event_id = ?1 ORDER BY r.answered_at, r.contact_id"),
        insert_event(db,
                     "INSERT INTO events (title, starts_at, place, audience, template, officer_id, reminders, "
                     "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
        select_event(db, std::string(event_columns) + "WHERE id = ?1"),
        list_events(db, std::string(event_columns) + "WHERE starts_at >= ?1 ORDER BY starts_at, id"),
        cancel_event(db, "UPDATE events SET cancelled_at = COALESCE(cancelled_at, ?2) WHERE id = ?1"),
        insert_recurring(db,
                         "INSERT INTO recurring_broadcasts (officer_id, audience, template, cron, priority, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        active_recurring(db,
                         "SELECT id, officer_id, audience, template, cron, priority, created_at "
                         "FROM recurring_broadcasts WHERE active = 1 ORDER BY id"),
        stop_recurring(db, "UPDATE recurring_broadcasts SET active = 0 WHERE id = ?1 AND active = 1"),
        select_setting(db, "SELECT value FROM settings WHERE key = ?1"),
        upsert_setting(db,
                       "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        delete_setting(db, "DELETE FROM settings WHERE key = ?1"),
        // ?2 repeats ?1 when there is one "MM-DD" only.
        born_on(db,
                "SELECT id FROM contacts WHERE opted_out = 0 AND archived_at IS NULL AND birth_date IS NOT NULL "
                "AND substr(birth_date, 6, 5) IN (?1, ?2) ORDER BY id"),
        insert_run(db,
                   "INSERT OR IGNORE INTO schedule_runs (job, due_at, state, note, ran_at) VALUES (?1, ?2, ?3, ?4, ?5)"),
        finish_run(db, "UPDATE schedule_runs SET state = ?3, broadcast_id = ?4, note = ?5 WHERE job = ?1 AND due_at = ?2"),
        // LIKE would treat "_" in a prefix as a wildcard; a range on the text does not.
        runs_with_prefix(db, std::string(run_columns) + "WHERE job >= ?1 AND job < ?1 || x'ff' ORDER BY job, due_at"),
        release_run(db, "DELETE FROM schedule_runs WHERE job = ?1 AND due_at = ?2 AND state = 'claimed'"),
        latest_run(db, "SELECT MAX(due_at) FROM schedule_runs WHERE job = ?1"),
        claimed_runs(db, std::string(run_columns) + "WHERE state = 'claimed' ORDER BY ran_at"),
        unlinked_broadcast(db,
                           "SELECT b.id FROM broadcasts b WHERE b.origin = ?1 AND b.event_id IS ?2 AND b.created_at = ?3 "
                           "AND NOT EXISTS (SELECT 1 FROM schedule_runs r WHERE r.broadcast_id = b.id) "
                           "ORDER BY b.id LIMIT 1") {}

  statement upsert_rsvp;
  statement count_answers;
  statement count_unanswered;
  statement select_rsvps;
  statement insert_event;
  statement select_event;
  statement list_events;
  statement cancel_event;
  statement insert_recurring;
  statement active_recurring;
  statement stop_recurring;
  statement select_setting;
  statement upsert_setting;
  statement delete_setting;
  statement born_on;
  statement insert_run;
  statement finish_run;
  statement runs_with_prefix;
  statement release_run;
  statement latest_run;
  statement claimed_runs;
  statement unlinked_broadcast;
};

namespace {

const char* answer_name(rsvp_answer answer) {
  return answer == rsvp_answer::attending ? "attending" : "declining";
}

rsvp_answer answer_of(std::string_view name) {
  return name == "declining" ? rsvp_answer::declining : rsvp_answer::attending;
}

event_record read_event(const statement& s) {
  event_record e;
  e.id = s.int64(0);
  e.title = s.text(1);
  e.starts_at = from_millis(s.int64(2));
  e.place = s.text(3);
  e.audience_json = s.text(4);
  e.template_text = s.text(5);
  e.officer_id = s.optional_int64(6);
  e.reminders_json = s.text(7);
  e.cancelled_at = optional_time(s, 8);
  e.created_at = from_millis(s.int64(9));
  return e;
}

schedule_run read_run(const statement& s) {
  return {s.text(0),         from_millis(s.int64(1)), s.text(2), s.optional_int64(3),
          s.optional_text(4), from_millis(s.int64(5))};
}

std::vector<schedule_run> read_runs(statement& s) {
  step_scope scope(s);
  std::vector<schedule_run> runs;
  while (s.step()) runs.push_back(read_run(s));
  return runs;
}

}  // namespace

event_book::event_book(database& db) : db_(db.sql()), sql_(std::make_unique<event_statements>(db_)) {}

event_book::~event_book() = default;

void event_book::record_rsvp(std::int64_t event_id, std::int64_t contact_id, rsvp_answer answer,
                             std::int64_t incoming_id, timestamp at) {
  sql_->upsert_rsvp.bind(1, event_id).bind(2, contact_id).bind(3, answer_name(answer)).bind(4, incoming_id);
  sql_->upsert_rsvp.bind(5, millis(at)).run();
}

rsvp_tally event_book::tally(std::int64_t event_id) {
  rsvp_tally tally;
  {
    step_scope scope(sql_->count_answers);
    sql_->count_answers.bind(1, event_id);
    while (sql_->count_answers.step()) {
      const bool attending = answer_of(sql_->count_answers.text(0)) == rsvp_answer::attending;
      (attending ? tally.attending : tally.declining) = sql_->count_answers.int64(1);
    }
  }
  step_scope scope(sql_->count_unanswered);
  if (sql_->count_unanswered.bind(1, event_id).step()) tally.unanswered = sql_->count_unanswered.int64(0);
  return tally;
}

std::vector<rsvp_record> event_book::rsvps(std::int64_t event_id) {
  statement& s = sql_->select_rsvps;
  step_scope scope(s);
  s.bind(1, event_id);
  std::vector<rsvp_record> answers;
  while (s.step()) {
    answers.push_back(
        {s.int64(0), s.text(1), s.text(2), answer_of(s.text(3)), from_millis(s.int64(4)), s.optional_text(5)});
  }
  return answers;
}

std::int64_t event_book::create_event(const new_event& e) {
  statement& s = sql_->insert_event;
  s.bind(1, e.title).bind(2, millis(e.starts_at)).bind(3, e.place).bind(4, e.audience_json);
  s.bind(5, e.template_text).bind(6, e.officer_id).bind(7, e.reminders_json).bind(8, millis(e.created_at));
  s.run();
  return db_.last_insert_rowid();
}

std::optional<event_record> event_book::find_event(std::int64_t id) {
  step_scope scope(sql_->select_event);
  if (!sql_->select_event.bind(1, id).step()) return std::nullopt;
  return read_event(sql_->select_event);
}

std::vector<event_record> event_book::list_events(std::optional<timestamp> from) {
  statement& s = sql_->list_events;
  step_scope scope(s);
  s.bind(1, from ? millis(*from) : std::numeric_limits<std::int64_t>::min());
  std::vector<event_record> events;
  while (s.step()) events.push_back(read_event(s));
  return events;
}

bool event_book::cancel_event(std::int64_t id, timestamp now) {
  sql_->cancel_event.bind(1, id).bind(2, millis(now)).run();
  return db_.changes() == 1;
}

std::int64_t event_book::create_recurring(const new_recurring& r) {
  statement& s = sql_->insert_recurring;
  s.bind(1, r.officer_id).bind(2, r.audience_json).bind(3, r.template_text).bind(4, r.cron);
  s.bind(5, r.priority).bind(6, millis(r.created_at)).run();
  return db_.last_insert_rowid();
}

std::vector<recurring_record> event_book::active_recurring() {
  statement& s = sql_->active_recurring;
  step_scope scope(s);
  std::vector<recurring_record> all;
  while (s.step()) {
    recurring_record r;
    r.id = s.int64(0);
    r.officer_id = s.optional_int64(1);
    r.audience_json = s.text(2);
    r.template_text = s.text(3);
    r.cron = s.text(4);
    r.priority = static_cast<int>(s.int64(5));
    r.created_at = from_millis(s.int64(6));
    all.push_back(std::move(r));
  }
  return all;
}

bool event_book::stop_recurring(std::int64_t id) {
  sql_->stop_recurring.bind(1, id).run();
  return db_.changes() == 1;
}

std::optional<std::string> event_book::setting(std::string_view key) {
  step_scope scope(sql_->select_setting);
  if (!sql_->select_setting.bind(1, key).step()) return std::nullopt;
  return sql_->select_setting.text(0);
}

void event_book::set_setting(std::string_view key, std::string_view json) {
  sql_->upsert_setting.bind(1, key).bind(2, json).run();
}

void event_book::forget_setting(std::string_view key) { sql_->delete_setting.bind(1, key).run(); }

std::vector<std::int64_t> event_book::contacts_born_on(const std::vector<std::string>& month_days) {
  std::vector<std::int64_t> ids;
  if (month_days.empty()) return ids;
  statement& s = sql_->born_on;
  step_scope scope(s);
  s.bind(1, month_days.front()).bind(2, month_days.back());
  while (s.step()) ids.push_back(s.int64(0));
  return ids;
}

bool event_book::claim_run(std::string_view job, timestamp due_at, timestamp now) {
  connection& db = db_;
  transaction tx(db, durability::full);
  sql_->insert_run.bind(1, job).bind(2, millis(due_at)).bind(3, "claimed").bind(4, std::nullopt);
  sql_->insert_run.bind(5, millis(now)).run();
  const bool claimed = db.changes() == 1;
  tx.commit();
  return claimed;
}

void event_book::finish_run(std::string_view job, timestamp due_at, std::string_view state,
                            std::optional<std::int64_t> broadcast_id, std::optional<std::string> note) {
  statement& s = sql_->finish_run;
  s.bind(1, job).bind(2, millis(due_at)).bind(3, state).bind(4, broadcast_id).bind(5, note).run();
}

bool event_book::record_skipped(std::string_view job, timestamp due_at, std::string_view note, timestamp now) {
  sql_->insert_run.bind(1, job).bind(2, millis(due_at)).bind(3, "skipped").bind(4, note);
  sql_->insert_run.bind(5, millis(now)).run();
  return db_.changes() == 1;
}

std::vector<schedule_run> event_book::runs(std::string_view prefix) {
  return read_runs(sql_->runs_with_prefix.bind(1, prefix));
}

std::optional<timestamp> event_book::latest_run(std::string_view job) {
  step_scope scope(sql_->latest_run);
  if (!sql_->latest_run.bind(1, job).step() || sql_->latest_run.is_null(0)) return std::nullopt;
  return from_millis(sql_->latest_run.int64(0));
}

void event_book::release_run(std::string_view job, timestamp due_at) {
  sql_->release_run.bind(1, job).bind(2, millis(due_at)).run();
}

std::vector<schedule_run> event_book::claimed_runs() { return read_runs(sql_->claimed_runs); }

std::optional<std::int64_t> event_book::unlinked_broadcast(std::string_view origin,
                                                           std::optional<std::int64_t> event_id,
                                                           timestamp created_at) {
  statement& s = sql_->unlinked_broadcast;
  step_scope scope(s);
  if (!s.bind(1, origin).bind(2, event_id).bind(3, millis(created_at)).step()) return std::nullopt;
  return s.int64(0);
}

}  // namespace siaran::queue
