// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/message_queue.h"

#include <string>

#include "queue/columns.h"
#include "queue/database.h"
#include "queue/message_queue_sql.h"

namespace siaran::queue {
namespace {

// Throws unless the last statement changed exactly one row (a transition from the wrong state).
void expect_one_change(connection& db, std::int64_t part_id, std::string_view transition) {
  if (db.changes() != 1) {
    throw store_error(std::string(transition) + ": part " + std::to_string(part_id) +
                      " does not exist or is not in `sending`");
  }
}

// Reads the columns of message_queue_sql.cc's message_columns.
message_record read_message(const statement& s) {
  message_record m;
  m.id = s.int64(0);
  m.recipient = s.text(1);
  m.text = s.text(2);
  m.priority = static_cast<int>(s.int64(3));
  m.created_at = from_millis(s.int64(4));
  m.send_at = from_millis(s.int64(5));
  m.expires_at = optional_time(s, 6);
  m.report = s.int64(7) != 0;
  m.client_ref = s.optional_text(8);
  m.state = part_state_from(s.text(9));
  m.officer_id = s.optional_int64(10);
  m.delivery = s.optional_text(11);
  return m;
}

void read_parts(message_queue_sql& sql, message_record& m) {
  step_scope scope(sql.parts_of_message);
  sql.parts_of_message.bind(1, m.id);
  while (sql.parts_of_message.step()) m.parts.push_back(read_part(sql.parts_of_message));
}

durability claim_durability(const store_options& o) { return o.durable_claims ? durability::full : durability::normal; }

bool is_expired(std::optional<std::int64_t> expires_at, timestamp now) {
  return expires_at && *expires_at <= millis(now);
}

// Marks a queued part `sending` on `modem` (pinning its siblings there) with a new attempt,
// inside the caller's transaction, and reads it back with what the dispatcher routes on.
// Nothing when the part is no longer queued, or is pinned to another modem than `moved_from`.
std::optional<claimed_part> claim_row(message_queue_sql& s, std::int64_t part_id,
                                      const std::optional<std::string>& modem, timestamp now,
                                      const std::optional<std::string>& moved_from = std::nullopt) {
  s.claim_part.bind(1, part_id).bind(2, modem).bind(3, moved_from).run();
  if (s.db.changes() != 1) return std::nullopt;
  s.insert_attempt.bind(1, part_id).bind(2, modem).bind(3, millis(now)).run();
  claimed_part claimed;
  {
    step_scope scope(s.select_claimed);
    s.select_claimed.bind(1, part_id).step();
    claimed.part = read_part(s.select_claimed);
    claimed.recipient = s.select_claimed.text(part_column_count);
    claimed.priority = static_cast<int>(s.select_claimed.int64(part_column_count + 1));
    claimed.via = send_via_from(s.select_claimed.text(part_column_count + 2));
    claimed.sender = s.select_claimed.optional_text(part_column_count + 3);
  }
  if (modem && claimed.part.total > 1) {
    s.pin_siblings.bind(1, claimed.part.message_id).bind(2, *modem).bind(3, moved_from).run();
  }
  return claimed;
}

void finish_attempt(message_queue_sql& s, std::int64_t part_id, timestamp at, std::string_view outcome,
                    const send_failure* failure) {
  s.finish_attempt.bind(1, part_id).bind(2, millis(at)).bind(3, outcome);
  if (failure) s.finish_attempt.bind(4, failure->cms_code).bind(5, failure->reason);
  s.finish_attempt.run();
}

// Ends the part's attempt and marks it sent, in that order: db.changes() then tells whether
// the part was `sending`.
void record_sent(message_queue_sql& s, const noted_send& sent) {
  finish_attempt(s, sent.part_id, sent.at, "sent", nullptr);
  s.mark_sent.bind(1, sent.part_id).bind(2, sent.modem).bind(3, sent.reference).bind(4, millis(sent.at));
  s.mark_sent.bind(5, sent.price).bind(6, sent.smsc_message_id).run();
}

}  // namespace

message_queue::write_transaction::write_transaction(message_queue_sql& s, durability d) : sql_(s), tx_(s.db, d) {
  // No change count is checked: only the dispatcher moves a part on from `sending`, and it
  // noted this one itself.
  for (const noted_send& sent : sql_.noted_sends) record_sent(sql_, sent);
}

void message_queue::write_transaction::commit() {
  tx_.commit();
  sql_.noted_sends.clear();
}

message_queue::message_queue(database& db) : db_(db), sql_(std::make_unique<message_queue_sql>(db.sql())) {}

message_queue::~message_queue() = default;

accepted message_queue::enqueue(const new_message& message) {
  write_transaction tx(*sql_, durability::full);
  const accepted result = sql_->inserter.insert(message);
  tx.commit();
  return result;
}

std::vector<accepted> message_queue::enqueue_batch(const std::vector<new_message>& messages) {
  std::vector<accepted> results;
  results.reserve(messages.size());
  write_transaction tx(*sql_, durability::full);
  for (const new_message& m : messages) results.push_back(sql_->inserter.insert(m));
  tx.commit();
  return results;
}

accepted message_queue::enqueue_pinned(const new_message& message, std::string_view modem) {
  write_transaction tx(*sql_, durability::full);
  const accepted result = sql_->inserter.insert(message);
  statement pin(sql_->db, "UPDATE parts SET pinned_modem = ?2 WHERE message_id = ?1");
  pin.bind(1, result.id).bind(2, modem).run();
  tx.commit();
  return result;
}

std::vector<due_part> message_queue::due_parts(timestamp now, int limit,
                                              const std::vector<std::string>& busy_modems) {
  auto& q = sql_->due_parts;
  std::string busy = ",";  // ",m1,m7,": one bound text that instr() searches
  for (const std::string& modem : busy_modems) busy += modem + ",";
  std::vector<due_part> due;
  std::vector<std::int64_t> expired;
  {
    // A plain read: the dispatcher looks many times a second, and a write transaction (file
    // locks, a commit) is only worth it when something expired.
    step_scope scope(q);
    q.bind(1, millis(now)).bind(2, limit).bind(3, busy);
    while (q.step()) {
      if (is_expired(q.optional_int64(2), now)) {
        expired.push_back(q.int64(1));
        continue;
      }
      due.push_back(due_part{q.int64(0), q.text(3), static_cast<int>(q.int64(4)), q.optional_text(5),
                             q.optional_text(6), send_via_from(q.text(7)), q.optional_text(8)});
    }
  }
  if (!expired.empty()) {
    write_transaction tx(*sql_);
    for (std::int64_t message_id : expired) sql_->expire_message.bind(1, message_id).run();
    tx.commit();
  }
  return due;
}

std::optional<claimed_part> message_queue::claim(std::int64_t part_id, std::string_view modem, timestamp now,
                                                 const std::optional<std::string>& moved_from) {
  write_transaction tx(*sql_, claim_durability(db_.options()));
  std::optional<claimed_part> claimed = claim_row(*sql_, part_id, std::string(modem), now, moved_from);
  tx.commit();  // a claim that failed changed nothing, but the noted sends are recorded
  return claimed;
}

std::vector<std::optional<claimed_part>> message_queue::claim_each(std::span<const claim_request> wanted,
                                                                   timestamp now) {
  std::vector<std::optional<claimed_part>> claimed;
  claimed.reserve(wanted.size());
  write_transaction tx(*sql_, claim_durability(db_.options()));
  for (const claim_request& w : wanted) claimed.push_back(claim_row(*sql_, w.part_id, w.modem, now));
  tx.commit();
  return claimed;
}

std::optional<claimed_part> message_queue::claim_part_of(std::int64_t message_id, int number,
                                                         std::string_view modem, timestamp now) {
  auto& q = sql_->part_by_number;
  write_transaction tx(*sql_, claim_durability(db_.options()));
  std::int64_t part_id = 0;
  {
    step_scope scope(q);
    if (q.bind(1, message_id).bind(2, number).bind(3, millis(now)).step()) part_id = q.int64(0);
  }
  std::optional<claimed_part> claimed;
  if (part_id != 0) claimed = claim_row(*sql_, part_id, std::string(modem), now);
  tx.commit();  // as in claim()
  return claimed;
}

std::int64_t message_queue::expire_overdue(timestamp now) {
  write_transaction tx(*sql_);
  sql_->expire_overdue.bind(1, millis(now)).run();
  const int expired = sql_->db.changes();
  tx.commit();
  return expired;
}

void message_queue::mark_sent(std::int64_t part_id, std::string_view modem, int reference, timestamp at,
                              std::optional<std::int64_t> price, std::optional<std::string> smsc_message_id) {
  write_transaction tx(*sql_);
  record_sent(*sql_, {part_id, std::string(modem), reference, at, price, std::move(smsc_message_id)});
  expect_one_change(sql_->db, part_id, "marking a part sent");
  tx.commit();
}

void message_queue::note_sent(std::int64_t part_id, std::string_view modem, int reference, timestamp at,
                              std::optional<std::int64_t> price, std::optional<std::string> smsc_message_id) {
  sql_->noted_sends.push_back({part_id, std::string(modem), reference, at, price, std::move(smsc_message_id)});
}

void message_queue::record_noted_sends() {
  if (sql_->noted_sends.empty()) return;
  write_transaction tx(*sql_);
  tx.commit();
}

std::size_t message_queue::unrecorded_sends() const { return sql_->noted_sends.size(); }

void message_queue::mark_failed_temporary(std::int64_t part_id, const send_failure& failure, timestamp at,
                                          timestamp next_attempt_at) {
  write_transaction tx(*sql_);
  sql_->mark_requeued.bind(1, part_id).bind(2, failure.reason).bind(3, millis(next_attempt_at)).run();
  expect_one_change(sql_->db, part_id, "requeueing a part after a temporary failure");
  finish_attempt(*sql_, part_id, at, "failed_temporary", &failure);
  tx.commit();
}

void message_queue::mark_failed_permanent(std::int64_t part_id, const send_failure& failure, timestamp at) {
  write_transaction tx(*sql_);
  sql_->mark_ended.bind(1, part_id).bind(2, to_string(part_state::failed)).bind(3, failure.reason).run();
  expect_one_change(sql_->db, part_id, "marking a part failed");
  finish_attempt(*sql_, part_id, at, "failed_permanent", &failure);
  tx.commit();
}

void message_queue::mark_uncertain(std::int64_t part_id, std::string_view reason, timestamp at) {
  write_transaction tx(*sql_);
  sql_->mark_ended.bind(1, part_id).bind(2, to_string(part_state::uncertain)).bind(3, reason).run();
  expect_one_change(sql_->db, part_id, "marking a part uncertain");
  const send_failure failure{std::string(reason), std::nullopt};
  finish_attempt(*sql_, part_id, at, "uncertain", &failure);
  tx.commit();
}

void message_queue::requeue_uncertain(std::int64_t part_id, std::string_view reason, timestamp at) {
  write_transaction tx(*sql_);
  sql_->requeue_uncertain.bind(1, part_id).bind(2, reason).bind(3, millis(at)).run();
  expect_one_change(sql_->db, part_id, "requeueing an uncertain part");
  const send_failure failure{std::string(reason), std::nullopt};
  finish_attempt(*sql_, part_id, at, "uncertain", &failure);
  tx.commit();
}

std::vector<part_record> message_queue::resolve_uncertain_at_startup(uncertain_policy policy, timestamp now) {
  auto& sql = *sql_;
  write_transaction tx(*sql_);
  std::vector<part_record> found;
  {
    step_scope scope(sql.parts_sending);
    while (sql.parts_sending.step()) found.push_back(read_part(sql.parts_sending));
  }
  const send_failure failure{"found sending at start-up", std::nullopt};
  for (const part_record& p : found) finish_attempt(*sql_, p.id, now, "uncertain", &failure);
  const bool resend = policy == uncertain_policy::resend;
  sql.resolve_sending.bind(1, to_string(resend ? part_state::queued : part_state::uncertain))
      .bind(2, resend)
      .bind(3, millis(now))
      .run();
  tx.commit();
  return found;
}

std::optional<message_record> message_queue::message(std::int64_t id) {
  auto& sql = *sql_;
  std::optional<message_record> found;
  {
    step_scope scope(sql.select_message);
    if (sql.select_message.bind(1, id).step()) found = read_message(sql.select_message);
  }
  if (found) read_parts(sql, *found);
  return found;
}

std::vector<message_record> message_queue::messages_by_state(part_state state, std::int64_t after_id, int limit,
                                                             std::optional<std::int64_t> officer_id) {
  auto& sql = *sql_;
  std::vector<message_record> found;
  {
    step_scope scope(sql.messages_by_state);
    sql.messages_by_state.bind(1, to_string(state)).bind(2, after_id).bind(3, limit).bind(4, officer_id);
    while (sql.messages_by_state.step()) found.push_back(read_message(sql.messages_by_state));
  }
  for (message_record& m : found) read_parts(sql, m);
  return found;
}

}  // namespace siaran::queue
