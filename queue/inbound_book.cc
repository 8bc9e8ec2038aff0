// SPDX-License-Identifier: GPL-3.0-or-later
// Incoming SMS: single ones, the parts of long ones, and the inbox.

#include "queue/inbound_book.h"

#include <algorithm>
#include <numeric>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"

namespace siaran::queue {

// Prepared once: the inbound path runs them for every SMS a modem hands over.
struct inbound_statements {
  explicit inbound_statements(connection& c)
      : db(c),
        insert_incoming(db,
                        "INSERT INTO incoming (modem, sender, text, received_at, raw_pdus, decode_error, concat_ref, "
                        "concat_total, complete) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        select_inbox(db,
                     "SELECT id, modem, sender, text, received_at, COALESCE(concat_total, 1), complete, decode_error "
                     "FROM incoming WHERE id > ?1 AND received_at >= ?2 ORDER BY id LIMIT ?3"),
        insert_fragment(db,
                        "INSERT OR IGNORE INTO incoming_fragments (modem, sender, concat_ref, concat_total, number, "
                        "text, raw_pdu, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
        fragments_of_set(db,
                         "SELECT number, text, raw_pdu, received_at FROM incoming_fragments WHERE modem = ?1 AND "
                         "sender = ?2 AND concat_ref = ?3 AND concat_total = ?4 ORDER BY number"),
        delete_fragment_set(db,
                            "DELETE FROM incoming_fragments WHERE modem = ?1 AND sender = ?2 AND concat_ref = ?3 AND "
                            "concat_total = ?4"),
        stale_fragment_sets(db,
                            "SELECT modem, sender, concat_ref, concat_total FROM incoming_fragments GROUP BY modem, "
                            "sender, concat_ref, concat_total HAVING MAX(received_at) < ?1"),
        insert_incoming_pdu(db,
                            "INSERT OR REPLACE INTO incoming_pdus (modem, raw_pdu, received_at) VALUES (?1, ?2, ?3)"),
        find_incoming_pdu(db, "SELECT 1 FROM incoming_pdus WHERE modem = ?1 AND raw_pdu = ?2"),
        trim_incoming_pdus(db, "DELETE FROM incoming_pdus WHERE received_at < ?1") {}

  connection& db;
  statement insert_incoming;
  statement select_inbox;
  statement insert_fragment;
  statement fragments_of_set;
  statement delete_fragment_set;
  statement stale_fragment_sets;
  statement insert_incoming_pdu;
  statement find_incoming_pdu;
  statement trim_incoming_pdus;
};

namespace {

struct fragment_key {
  std::string modem;
  std::string sender;
  int concat_ref = 0;
  int concat_total = 0;
};

bool stored_already(inbound_statements& s, const std::string& modem, const std::vector<std::string>& pdus,
                    timestamp now, std::chrono::hours window);
void remember_pdus(inbound_statements& s, const std::string& modem, const std::vector<std::string>& pdus,
                   timestamp at);
std::optional<std::int64_t> add_fragment(inbound_statements& s, const incoming_fragment& f);
std::int64_t insert_incoming(inbound_statements& s, const incoming_message& m);
incoming_message join_fragments(inbound_statements& s, const fragment_key& key);
std::int64_t move_to_incoming(inbound_statements& s, const fragment_key& key, const incoming_message& joined);

}  // namespace

inbound_book::inbound_book(database& db) : db_(db), sql_(std::make_unique<inbound_statements>(db.sql())) {}

inbound_book::~inbound_book() = default;

incoming_outcome inbound_book::record_incoming(const incoming_message& m) {
  // Durable before the caller deletes it from the SIM: afterwards this row is the only copy.
  transaction tx(sql_->db, durability::full);
  const auto window = db_.options().duplicate_window;
  incoming_outcome outcome{stored_already(*sql_, m.modem, m.raw_pdus, m.received_at, window), std::nullopt};
  if (!outcome.stored_already) {
    remember_pdus(*sql_, m.modem, m.raw_pdus, m.received_at);
    outcome.message_id = insert_incoming(*sql_, m);
  }
  tx.commit();
  return outcome;
}

incoming_outcome inbound_book::record_fragment(const incoming_fragment& f) {
  transaction tx(sql_->db, durability::full);
  const auto window = db_.options().duplicate_window;
  incoming_outcome outcome{stored_already(*sql_, f.modem, {f.raw_pdu}, f.received_at, window), std::nullopt};
  if (!outcome.stored_already) outcome.message_id = add_fragment(*sql_, f);
  tx.commit();
  return outcome;
}

std::vector<std::int64_t> inbound_book::flush_fragments(timestamp before) {
  auto& sql = *sql_;
  transaction tx(sql_->db, durability::full);
  std::vector<fragment_key> stale;
  {
    step_scope scope(sql.stale_fragment_sets);
    sql.stale_fragment_sets.bind(1, millis(before));
    while (sql.stale_fragment_sets.step()) {
      const auto& q = sql.stale_fragment_sets;
      stale.push_back(fragment_key{q.text(0), q.text(1), static_cast<int>(q.int64(2)), static_cast<int>(q.int64(3))});
    }
  }
  std::vector<std::int64_t> ids;
  for (const fragment_key& key : stale) {
    incoming_message partial = join_fragments(*sql_, key);
    partial.complete = false;
    ids.push_back(move_to_incoming(*sql_, key, partial));
  }
  tx.commit();
  return ids;
}

std::vector<incoming_record> inbound_book::inbox(std::int64_t after_id, timestamp since, int limit) {
  auto& q = sql_->select_inbox;
  step_scope scope(q);
  q.bind(1, after_id).bind(2, millis(since)).bind(3, limit);
  std::vector<incoming_record> found;
  while (q.step()) {
    found.push_back(incoming_record{q.int64(0), q.text(1), q.text(2), q.text(3), from_millis(q.int64(4)),
                                    static_cast<int>(q.int64(5)), q.int64(6) != 0, q.optional_text(7)});
  }
  return found;
}

namespace {

// Whether every one of `pdus` (at least one) was stored from `modem` within `window` (the
// duplicate_window) before `now`. PDUs older than the window are forgotten first: the table
// holds only the window.
bool stored_already(inbound_statements& s, const std::string& modem, const std::vector<std::string>& pdus,
                    timestamp now, std::chrono::hours window) {
  s.trim_incoming_pdus.bind(1, millis(now - window)).run();
  auto known = [&](const std::string& pdu) {
    auto& q = s.find_incoming_pdu;
    step_scope scope(q);
    q.bind(1, modem).bind(2, pdu);
    return q.step();
  };
  return !pdus.empty() && std::all_of(pdus.begin(), pdus.end(), known);
}

void remember_pdus(inbound_statements& s, const std::string& modem, const std::vector<std::string>& pdus,
                   timestamp at) {
  for (const std::string& pdu : pdus) s.insert_incoming_pdu.bind(1, modem).bind(2, pdu).bind(3, millis(at)).run();
}

// Keeps the part until its set is complete; then the set moves to incoming, whose id it returns.
std::optional<std::int64_t> add_fragment(inbound_statements& s, const incoming_fragment& f) {
  s.insert_fragment.bind(1, f.modem)
      .bind(2, f.sender)
      .bind(3, f.concat_ref)
      .bind(4, f.concat_total)
      .bind(5, f.number)
      .bind(6, f.text)
      .bind(7, f.raw_pdu)
      .bind(8, millis(f.received_at))
      .run();
  remember_pdus(s, f.modem, {f.raw_pdu}, f.received_at);
  const fragment_key key{f.modem, f.sender, f.concat_ref, f.concat_total};
  incoming_message joined = join_fragments(s, key);
  if (static_cast<int>(joined.raw_pdus.size()) != f.concat_total) return std::nullopt;
  return move_to_incoming(s, key, joined);
}

std::int64_t insert_incoming(inbound_statements& s, const incoming_message& m) {
  std::string raw;
  for (const std::string& pdu : m.raw_pdus) raw += (raw.empty() ? "" : "\n") + pdu;
  s.insert_incoming.bind(1, m.modem)
      .bind(2, m.sender)
      .bind(3, m.text)
      .bind(4, millis(m.received_at))
      .bind(5, raw)
      .bind(6, m.decode_error)
      .bind(7, m.concat_ref)
      .bind(8, m.concat_total)
      .bind(9, m.complete)
      .run();
  return s.db.last_insert_rowid();
}

// The fragments of one set so far, joined in part order; received_at is the newest part's.
incoming_message join_fragments(inbound_statements& s, const fragment_key& key) {
  auto& q = s.fragments_of_set;
  step_scope scope(q);
  q.bind(1, key.modem).bind(2, key.sender).bind(3, key.concat_ref).bind(4, key.concat_total);
  incoming_message m{key.modem, key.sender, "", {}, {}, std::nullopt, key.concat_ref, key.concat_total, true};
  while (q.step()) {
    m.text += q.text(1);
    m.raw_pdus.push_back(q.text(2));
    m.received_at = std::max(m.received_at, from_millis(q.int64(3)));
  }
  return m;
}

std::int64_t move_to_incoming(inbound_statements& s, const fragment_key& key, const incoming_message& joined) {
  const std::int64_t id = insert_incoming(s, joined);
  s.delete_fragment_set.bind(1, key.modem).bind(2, key.sender).bind(3, key.concat_ref).bind(4, key.concat_total).run();
  return id;
}

}  // namespace

}  // namespace siaran::queue
