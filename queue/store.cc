// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/store.h"

#include <cctype>

#include "queue/schema.h"
#include "queue/store_impl.h"

namespace siaran::queue {

store_state::store_state(const std::filesystem::path& file, store_options opts)
    : db(file), options(opts), sql((migrate(db), db)) {}

std::optional<timestamp> optional_time(const statement& s, int column) {
  const auto ms = s.optional_int64(column);
  if (!ms) return std::nullopt;
  return from_millis(*ms);
}

std::optional<std::int64_t> optional_millis(const std::optional<timestamp>& t) {
  if (!t) return std::nullopt;
  return millis(*t);
}

part_record read_part(const statement& s) {
  part_record p;
  p.id = s.int64(0);
  p.message_id = s.int64(1);
  p.number = static_cast<int>(s.int64(2));
  p.total = static_cast<int>(s.int64(3));
  p.pdu = s.text(4);
  p.tpdu_length = static_cast<int>(s.int64(5));
  p.state = part_state_from(s.text(6));
  p.modem = s.optional_text(7);
  if (const auto ref = s.optional_int64(8)) p.reference = static_cast<int>(*ref);
  p.attempts = static_cast<int>(s.int64(9));
  p.resent_uncertain = s.int64(10) != 0;
  p.next_attempt_at = from_millis(s.int64(11));
  p.last_error = s.optional_text(12);
  p.sent_at = optional_time(s, 13);
  p.delivered_at = optional_time(s, 14);
  if (const auto status = s.optional_int64(15)) p.status = static_cast<int>(*status);
  p.resent_reason = s.optional_text(16);
  return p;
}

void expect_one_change(database& db, std::int64_t part_id, std::string_view transition) {
  if (db.changes() != 1) {
    throw store_error(std::string(transition) + ": part " + std::to_string(part_id) +
                      " does not exist or is not in `sending`");
  }
}

accepted insert_message(store_state& s, const new_message& m, std::optional<std::int64_t> held_mark) {
  if (m.parts.empty()) throw store_error("queueing a message to " + m.recipient + ": it has no parts");
  if (m.client_ref) {
    auto& q = s.sql.message_by_client_ref;
    step_scope scope(q);
    if (q.bind(1, *m.client_ref).step()) return {q.int64(0), true};
  }
  s.sql.insert_message.bind(1, m.recipient)
      .bind(2, recipient_key(m.recipient))
      .bind(3, m.text)
      .bind(4, m.priority)
      .bind(5, millis(m.send_at))
      .bind(6, optional_millis(m.expires_at))
      .bind(7, m.report)
      .bind(8, m.client_ref)
      .bind(9, millis(m.created_at))
      .run();
  const std::int64_t id = s.db.last_insert_rowid();
  const int total = static_cast<int>(m.parts.size());
  for (int n = 0; n < total; ++n) {
    const new_part& part = m.parts[static_cast<std::size_t>(n)];
    s.sql.insert_part.bind(1, id)
        .bind(2, n + 1)
        .bind(3, total)
        .bind(4, part.pdu)
        .bind(5, part.tpdu_length)
        .bind(6, m.priority)
        .bind(7, optional_millis(m.expires_at))
        .bind(8, held_mark.value_or(millis(m.send_at)))
        .run();
  }
  return {id, false};
}

namespace {

durability claim_durability(const store_options& o) { return o.durable_claims ? durability::full : durability::normal; }

bool is_expired(std::optional<std::int64_t> expires_at, timestamp now) {
  return expires_at && *expires_at <= millis(now);
}

// Marks a queued part `sending` on `modem` (pinning its siblings there) with a new attempt,
// inside the caller's transaction, and reads it back with what the dispatcher routes on.
// Nothing when the part is no longer queued, or is pinned to another modem than `moved_from`.
std::optional<claimed_part> claim_row(store_state& s, std::int64_t part_id, const std::optional<std::string>& modem,
                                      timestamp now, const std::optional<std::string>& moved_from = std::nullopt) {
  s.sql.claim_part.bind(1, part_id).bind(2, modem).bind(3, moved_from).run();
  if (s.db.changes() != 1) return std::nullopt;
  s.sql.insert_attempt.bind(1, part_id).bind(2, modem).bind(3, millis(now)).run();
  claimed_part claimed;
  {
    step_scope scope(s.sql.select_claimed);
    s.sql.select_claimed.bind(1, part_id).step();
    claimed.part = read_part(s.sql.select_claimed);
    claimed.recipient = s.sql.select_claimed.text(part_column_count);
    claimed.priority = static_cast<int>(s.sql.select_claimed.int64(part_column_count + 1));
  }
  if (modem && claimed.part.total > 1) {
    s.sql.pin_siblings.bind(1, claimed.part.message_id).bind(2, *modem).bind(3, moved_from).run();
  }
  return claimed;
}

void finish_attempt(store_state& s, std::int64_t part_id, timestamp at, std::string_view outcome,
                    const send_failure* failure) {
  s.sql.finish_attempt.bind(1, part_id).bind(2, millis(at)).bind(3, outcome);
  if (failure) s.sql.finish_attempt.bind(4, failure->cms_code).bind(5, failure->reason);
  s.sql.finish_attempt.run();
}

// Ends the part's attempt and marks it sent, in that order: db.changes() then tells whether
// the part was `sending`.
void record_sent(store_state& s, const noted_send& sent) {
  finish_attempt(s, sent.part_id, sent.at, "sent", nullptr);
  s.sql.mark_sent.bind(1, sent.part_id).bind(2, sent.modem).bind(3, sent.reference).bind(4, millis(sent.at)).run();
}

}  // namespace

write_transaction::write_transaction(store_state& s, durability d) : state_(s), tx_(s.db, d) {
  // No change count is checked: only the dispatcher moves a part on from `sending`, and it
  // noted this one itself.
  for (const noted_send& sent : state_.noted_sends) record_sent(state_, sent);
}

void write_transaction::commit() {
  tx_.commit();
  state_.noted_sends.clear();
}

store::store(const std::filesystem::path& file, store_options options)
    : impl_(std::make_unique<store_state>(file, options)) {}

store::~store() = default;

accepted store::enqueue(const new_message& message) {
  write_transaction tx(*impl_, durability::full);
  const accepted result = insert_message(*impl_, message);
  tx.commit();
  return result;
}

std::vector<accepted> store::enqueue_batch(const std::vector<new_message>& messages) {
  std::vector<accepted> results;
  results.reserve(messages.size());
  write_transaction tx(*impl_, durability::full);
  for (const new_message& m : messages) results.push_back(insert_message(*impl_, m));
  tx.commit();
  return results;
}

std::optional<claimed_part> store::claim_next(timestamp now, const std::optional<std::string>& modem) {
  auto& sql = impl_->sql;
  write_transaction tx(*impl_, claim_durability(impl_->options));
  for (;;) {
    std::int64_t part_id = 0;
    std::int64_t message_id = 0;
    bool expired = false;
    {
      step_scope scope(sql.next_due_part);
      if (!sql.next_due_part.bind(1, millis(now)).bind(2, modem).step()) {
        tx.commit();  // commits the expiries met on the way, if any
        return std::nullopt;
      }
      part_id = sql.next_due_part.int64(0);
      message_id = sql.next_due_part.int64(1);
      expired = is_expired(sql.next_due_part.optional_int64(2), now);
    }
    if (expired) {
      sql.expire_message.bind(1, message_id).run();
      continue;
    }
    std::optional<claimed_part> claimed = claim_row(*impl_, part_id, modem, now);
    tx.commit();
    return claimed;
  }
}

std::vector<due_part> store::due_parts(timestamp now, int limit, const std::vector<std::string>& busy_modems) {
  auto& q = impl_->sql.due_parts;
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
      due.push_back(due_part{q.int64(0), q.text(3), static_cast<int>(q.int64(4)), q.optional_text(5)});
    }
  }
  if (!expired.empty()) {
    write_transaction tx(*impl_);
    for (std::int64_t message_id : expired) impl_->sql.expire_message.bind(1, message_id).run();
    tx.commit();
  }
  return due;
}

std::optional<claimed_part> store::claim(std::int64_t part_id, std::string_view modem, timestamp now,
                                         const std::optional<std::string>& moved_from) {
  write_transaction tx(*impl_, claim_durability(impl_->options));
  std::optional<claimed_part> claimed = claim_row(*impl_, part_id, std::string(modem), now, moved_from);
  tx.commit();  // a claim that failed changed nothing, but the noted sends are recorded
  return claimed;
}

std::optional<claimed_part> store::claim_part_of(std::int64_t message_id, int number, std::string_view modem,
                                                 timestamp now) {
  auto& q = impl_->sql.part_by_number;
  write_transaction tx(*impl_, claim_durability(impl_->options));
  std::int64_t part_id = 0;
  {
    step_scope scope(q);
    if (q.bind(1, message_id).bind(2, number).bind(3, millis(now)).step()) part_id = q.int64(0);
  }
  std::optional<claimed_part> claimed;
  if (part_id != 0) claimed = claim_row(*impl_, part_id, std::string(modem), now);
  tx.commit();  // as in claim()
  return claimed;
}

std::int64_t store::expire_overdue(timestamp now) {
  write_transaction tx(*impl_);
  impl_->sql.expire_overdue.bind(1, millis(now)).run();
  const int expired = impl_->db.changes();
  tx.commit();
  return expired;
}

void store::mark_sent(std::int64_t part_id, std::string_view modem, int reference, timestamp at) {
  write_transaction tx(*impl_);
  record_sent(*impl_, {part_id, std::string(modem), reference, at});
  expect_one_change(impl_->db, part_id, "marking a part sent");
  tx.commit();
}

void store::note_sent(std::int64_t part_id, std::string_view modem, int reference, timestamp at) {
  impl_->noted_sends.push_back({part_id, std::string(modem), reference, at});
}

void store::record_noted_sends() {
  if (impl_->noted_sends.empty()) return;
  write_transaction tx(*impl_);
  tx.commit();
}

std::size_t store::unrecorded_sends() const { return impl_->noted_sends.size(); }

void store::mark_failed_temporary(std::int64_t part_id, const send_failure& failure, timestamp at,
                                  timestamp next_attempt_at) {
  write_transaction tx(*impl_);
  impl_->sql.mark_requeued.bind(1, part_id).bind(2, failure.reason).bind(3, millis(next_attempt_at)).run();
  expect_one_change(impl_->db, part_id, "requeueing a part after a temporary failure");
  finish_attempt(*impl_, part_id, at, "failed_temporary", &failure);
  tx.commit();
}

void store::mark_failed_permanent(std::int64_t part_id, const send_failure& failure, timestamp at) {
  write_transaction tx(*impl_);
  impl_->sql.mark_ended.bind(1, part_id).bind(2, to_string(part_state::failed)).bind(3, failure.reason).run();
  expect_one_change(impl_->db, part_id, "marking a part failed");
  finish_attempt(*impl_, part_id, at, "failed_permanent", &failure);
  tx.commit();
}

void store::mark_uncertain(std::int64_t part_id, std::string_view reason, timestamp at) {
  write_transaction tx(*impl_);
  impl_->sql.mark_ended.bind(1, part_id).bind(2, to_string(part_state::uncertain)).bind(3, reason).run();
  expect_one_change(impl_->db, part_id, "marking a part uncertain");
  const send_failure failure{std::string(reason), std::nullopt};
  finish_attempt(*impl_, part_id, at, "uncertain", &failure);
  tx.commit();
}

void store::requeue_uncertain(std::int64_t part_id, std::string_view reason, timestamp at) {
  write_transaction tx(*impl_);
  impl_->sql.requeue_uncertain.bind(1, part_id).bind(2, reason).bind(3, millis(at)).run();
  expect_one_change(impl_->db, part_id, "requeueing an uncertain part");
  const send_failure failure{std::string(reason), std::nullopt};
  finish_attempt(*impl_, part_id, at, "uncertain", &failure);
  tx.commit();
}

std::vector<part_record> store::resolve_uncertain_at_startup(uncertain_policy policy, timestamp now) {
  auto& sql = impl_->sql;
  write_transaction tx(*impl_);
  std::vector<part_record> found;
  {
    step_scope scope(sql.parts_sending);
    while (sql.parts_sending.step()) found.push_back(read_part(sql.parts_sending));
  }
  const send_failure failure{"found sending at start-up", std::nullopt};
  for (const part_record& p : found) finish_attempt(*impl_, p.id, now, "uncertain", &failure);
  const bool resend = policy == uncertain_policy::resend;
  sql.resolve_sending.bind(1, to_string(resend ? part_state::queued : part_state::uncertain))
      .bind(2, resend)
      .bind(3, millis(now))
      .run();
  tx.commit();
  return found;
}

}  // namespace siaran::queue
