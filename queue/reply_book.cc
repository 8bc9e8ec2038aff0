// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/replies.h"

#include <array>
#include <utility>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"
#include "queue/inbox_query.h"

namespace siaran::queue {

struct reply_statements {
  explicit reply_statements(connection& c)
      : db(c),
        route(db, "UPDATE incoming SET contact_id = ?2, broadcast_id = ?3, officer_id = ?4, keyword = ?5 WHERE id = ?1"),
        find(db, "SELECT " + inbox_columns + "FROM incoming i " + inbox_joins + "WHERE i.id = ?1"),
        record_answer(db,
                      "INSERT INTO inbox_answers (incoming_id, message_id, answered_by, answered_at) "
                      "VALUES (?1, ?2, ?3, ?4)"),
        mark_read(db, "UPDATE incoming SET read_at = ?2 WHERE id = ?1 AND read_at IS NULL"),
        // Reads only the partial index incoming_unread.
        unread(db, "SELECT officer_id, COUNT(*) FROM incoming WHERE read_at IS NULL GROUP BY officer_id"),
        add_change(db,
                   "INSERT INTO number_changes (contact_id, old_phone, new_phone, incoming_id, state, created_at, "
                   "from_new_sim, asked_name) VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6, ?7)"),
        // The same cadre asking again while a change is pending: from a new SIM the new number, from
        // the old SIM the contact, is who asks.
        ask_again(db,
                  "UPDATE number_changes SET contact_id = ?1, old_phone = ?2, new_phone = ?3, incoming_id = ?4, "
                  "created_at = ?5, asked_name = ?7 WHERE state = 'pending' AND from_new_sim = ?6 AND "
                  "CASE WHEN ?6 THEN new_phone = ?3 ELSE contact_id = ?1 END RETURNING id"),
        find_change(db, select_change + "WHERE n.id = ?1"),
        changes(db,
                select_change + "WHERE n.id > ?1 AND (?2 IS NULL OR n.state = ?2) ORDER BY n.id LIMIT ?3"),
        // ?4: the contact an officer chose, ?5 its number before the change; or none.
        decide_change(db,
                      "UPDATE number_changes SET state = ?2, decided_at = ?3, contact_id = COALESCE(?4, contact_id), "
                      "old_phone = COALESCE(old_phone, ?5) WHERE id = ?1 AND state = 'pending'"),
        route_to_contact(db, "UPDATE incoming SET contact_id = ?2 WHERE id = ?1 AND contact_id IS NULL"),
        // Through the index broadcast_messages_contact, newest broadcast first.
        recent_messages(db,
                        "SELECT message_id FROM broadcast_messages WHERE contact_id = ?1 "
                        "ORDER BY broadcast_id DESC LIMIT ?2"),
        outcome(db, "SELECT state, delivery FROM message_outcomes WHERE message_id = ?1") {}

  static inline const std::string select_change =
      "SELECT n.id, n.contact_id, n.old_phone, n.new_phone, n.incoming_id, n.state, n.created_at, n.decided_at, "
      "n.from_new_sim, n.asked_name, c.name, i.text, i.received_at FROM number_changes n "
      "LEFT JOIN contacts c ON c.id = n.contact_id LEFT JOIN incoming i ON i.id = n.incoming_id ";

  connection& db;
  statement route;
  statement find;
  statement record_answer;
  statement mark_read;
  statement unread;
  statement add_change;
  statement ask_again;
  statement find_change;
  statement changes;
  statement decide_change;
  statement route_to_contact;
  statement recent_messages;
  statement outcome;
};

namespace {

constexpr std::array<std::pair<change_state, std::string_view>, 3> change_state_names{{
    {change_state::pending, "pending"},
    {change_state::approved, "approved"},
    {change_state::rejected, "rejected"},
}};

listed_number_change read_change(const statement& q) {
  return listed_number_change{{q.int64(0), q.optional_int64(1),
                               q.optional_text(2), q.text(3), q.optional_int64(4),
                               parse_change_state(q.text(5)).value_or(change_state::pending),
                               from_millis(q.int64(6)), optional_time(q, 7), q.int64(8) != 0, q.optional_text(9)},
                              q.optional_text(10),
                              q.optional_text(11),
                              optional_time(q, 12),
                              {}};
}

// Counts one message's outcome (message_states, message_deliveries) into `e`.
void count_outcome(delivery_evidence& e, std::string_view state, std::string_view delivery) {
  ++e.messages;
  if (delivery == "undelivered") {
    ++e.undelivered;
  } else if (state == "failed") {
    ++e.failed;
  } else if (delivery == "unknown" || state == "uncertain") {
    ++e.unknown;
  } else if (delivery == "delivered") {
    ++e.delivered;
  }
}

}  // namespace

std::string_view to_string(change_state state) {
  for (const auto& [s, name] : change_state_names) {
    if (s == state) return name;
  }
  return "pending";
}

std::optional<change_state> parse_change_state(std::string_view text) {
  for (const auto& [s, name] : change_state_names) {
    if (name == text) return s;
  }
  return std::nullopt;
}

reply_book::reply_book(database& db) : sql_(std::make_unique<reply_statements>(db.sql())) {}

reply_book::~reply_book() = default;

bool reply_book::route(std::int64_t incoming_id, const reply_route& r) {
  sql_->route.bind(1, incoming_id)
      .bind(2, r.contact_id)
      .bind(3, r.broadcast_id)
      .bind(4, r.officer_id)
      .bind(5, r.keyword)
      .run();
  return sql_->db.changes() == 1;
}

std::optional<inbox_entry> reply_book::find(std::int64_t incoming_id) {
  auto& q = sql_->find;
  step_scope scope(q);
  q.bind(1, incoming_id);
  if (!q.step()) return std::nullopt;
  return read_inbox_entry(q);
}

std::vector<inbox_entry> reply_book::inbox(const inbox_filter& filter) {
  const inbox_list list(filter);
  statement q(sql_->db, list.sql());
  step_scope scope(q);
  list.bind(q);
  std::vector<inbox_entry> found;
  while (q.step()) found.push_back(read_inbox_entry(q));
  return found;
}

void reply_book::record_answer(std::int64_t incoming_id, const inbox_answer& answer) {
  sql_->record_answer.bind(1, incoming_id)
      .bind(2, answer.message_id)
      .bind(3, answer.by)
      .bind(4, millis(answer.at))
      .run();
}

bool reply_book::mark_read(std::int64_t incoming_id, timestamp at) {
  sql_->mark_read.bind(1, incoming_id).bind(2, millis(at)).run();
  return sql_->db.changes() == 1;
}

unread_counts reply_book::unread() {
  auto& q = sql_->unread;
  step_scope scope(q);
  unread_counts counts;
  while (q.step()) {
    const std::int64_t n = q.int64(1);
    counts.total += n;
    if (const auto officer = q.optional_int64(0)) {
      counts.by_officer.emplace(*officer, n);
    } else {
      counts.general += n;
    }
  }
  return counts;
}

std::int64_t reply_book::add_number_change(const number_change& change) {
  const auto bind = [&](statement& q) -> statement& {
    return q.bind(1, change.contact_id)
        .bind(2, change.old_phone)
        .bind(3, change.new_phone)
        .bind(4, change.incoming_id)
        .bind(5, millis(change.created_at))
        .bind(6, change.from_new_sim ? 1 : 0)
        .bind(7, change.asked_name);
  };
  {
    step_scope scope(sql_->ask_again);
    if (bind(sql_->ask_again).step()) return sql_->ask_again.int64(0);
  }
  bind(sql_->add_change).run();
  return sql_->db.last_insert_rowid();
}

std::optional<listed_number_change> reply_book::find_number_change(std::int64_t id) {
  auto& q = sql_->find_change;
  std::optional<listed_number_change> found;
  {
    step_scope scope(q);
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    found = read_change(q);
  }
  add_evidence(*found);
  return found;
}

std::vector<listed_number_change> reply_book::number_changes(std::optional<change_state> state,
                                                             std::int64_t after_id, int limit) {
  auto& q = sql_->changes;
  std::vector<listed_number_change> found;
  {
    step_scope scope(q);
    std::optional<std::string> state_name;
    if (state) state_name = std::string(to_string(*state));
    q.bind(1, after_id).bind(2, state_name).bind(3, limit);
    while (q.step()) found.push_back(read_change(q));
  }
  for (auto& change : found) add_evidence(change);
  return found;
}

bool reply_book::decide_number_change(std::int64_t id, change_state decision, timestamp at,
                                      const std::optional<chosen_contact>& chosen) {
  transaction tx(sql_->db);
  std::optional<std::int64_t> contact_id;
  std::optional<std::string> old_phone;
  if (chosen) {
    contact_id = chosen->id;
    old_phone = chosen->phone;
  }
  sql_->decide_change.bind(1, id)
      .bind(2, to_string(decision))
      .bind(3, millis(at))
      .bind(4, contact_id)
      .bind(5, old_phone)
      .run();
  if (sql_->db.changes() != 1) return false;
  const auto decided = find_number_change(id);
  if (decision == change_state::approved && decided->contact_id && decided->incoming_id) {
    sql_->route_to_contact.bind(1, *decided->incoming_id).bind(2, *decided->contact_id).run();
  }
  tx.commit();
  return true;
}

void reply_book::add_evidence(listed_number_change& change) {
  if (!change.contact_id) return;
  std::vector<std::int64_t> messages;
  {
    auto& q = sql_->recent_messages;
    step_scope scope(q);
    q.bind(1, *change.contact_id).bind(2, evidence_messages);
    while (q.step()) messages.push_back(q.int64(0));
  }
  for (const std::int64_t message : messages) {
    auto& q = sql_->outcome;
    step_scope scope(q);
    q.bind(1, message);
    if (q.step()) count_outcome(change.evidence, q.text(0), q.optional_text(1).value_or(""));
  }
}

}  // namespace siaran::queue
