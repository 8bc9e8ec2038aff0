// SPDX-License-Identifier: GPL-3.0-or-later
#include <limits>
#include <string>

#include "queue/broadcasts.h"
#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"
#include "queue/held_parts.h"
#include "queue/message_inserter.h"
#include "queue/schema_deliveries.h"

namespace siaran::queue {
namespace {

// A page of recipients in contact order, each with its message's state by the rule of
// schema.cc's message_states view, written here over that message's own parts: the view,
// correlated to each row, would be computed over every part for each of them. Its delivery, when
// it went out, when it was delivered, and the TP-ST that says most (an undelivered part's).
// ?3 < 0 is no limit.
constexpr const char* recipients_page =
    "SELECT bm.contact_id, bm.message_id, m.recipient, m.text, "
    "(SELECT CASE WHEN SUM(p.state = 'failed') > 0 THEN 'failed' "
    "WHEN SUM(p.state = 'cancelled') > 0 THEN 'cancelled' "
    "WHEN SUM(p.state = 'uncertain') > 0 THEN 'uncertain' "
    "WHEN SUM(p.state = 'delivered') = COUNT(*) THEN 'delivered' "
    "WHEN SUM(p.state IN ('sent', 'delivered')) = COUNT(*) THEN 'sent' "
    "WHEN SUM(p.state = 'queued') = COUNT(*) THEN 'queued' "
    "ELSE 'sending' END FROM parts p WHERE p.message_id = bm.message_id) AS state, c.name, "
    "(SELECT q.last_error FROM parts q WHERE q.message_id = bm.message_id "
    "AND q.last_error IS NOT NULL ORDER BY q.state = 'failed' DESC, q.number DESC LIMIT 1), "
    "(SELECT " SIARAN_MESSAGE_DELIVERY_RULE " FROM parts p WHERE p.message_id = bm.message_id), "
    "(SELECT MAX(p.sent_at) FROM parts p WHERE p.message_id = bm.message_id), "
    "(SELECT MAX(p.delivered_at) FROM parts p WHERE p.message_id = bm.message_id), "
    "(SELECT r.status FROM parts r WHERE r.message_id = bm.message_id AND r.status IS NOT NULL "
    "ORDER BY r.delivery = 'undelivered' DESC, r.number DESC LIMIT 1), bm.kecamatan, bm.desa, "
    "(SELECT r.modem FROM parts r WHERE r.message_id = bm.message_id AND r.modem IS NOT NULL "
    "ORDER BY r.number DESC LIMIT 1) "
    "FROM broadcast_messages bm JOIN messages m ON m.id = bm.message_id LEFT JOIN contacts c ON c.id = bm.contact_id "
    "WHERE bm.broadcast_id = ?1 AND bm.contact_id > ?2 AND EXISTS (SELECT 1 FROM parts e WHERE e.message_id = m.id) "
    "ORDER BY bm.contact_id LIMIT ?3";

constexpr const char* broadcast_columns =
    "SELECT id, officer_id, template, origin, event_id, send_at, created_at, cancelled_at, follow_up_of, priority, "
    "via, sender FROM broadcasts ";

// The messages of a broadcast that nothing has started: every part still queued.
constexpr const char* unstarted_messages =
    "SELECT bm.message_id FROM broadcast_messages bm WHERE bm.broadcast_id = ?1 AND bm.message_id "
    "IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM parts q WHERE q.message_id = bm.message_id AND q.state <> "
    "'queued')";

}  // namespace

struct broadcast_statements {
  explicit broadcast_statements(connection& db)
      : insert_message(db),
        insert_broadcast(db,
                         "INSERT INTO broadcasts (officer_id, template, audience, send_at, "
                         "priority, origin, event_id, "
                         "created_at, preparing, follow_up_of, via, sender) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                         "?11, ?12)"),
        // officer_key: the officer's id, 0 for none (schema step 14).
        client_ref_use(db, "SELECT r.broadcast_id, b.preparing FROM broadcast_client_refs r JOIN broadcasts b ON "
                           "b.id = r.broadcast_id WHERE r.officer_key = COALESCE(?1, 0) AND r.client_ref = ?2"),
        insert_client_ref(db, "INSERT INTO broadcast_client_refs (officer_key, client_ref, broadcast_id) "
                              "VALUES (COALESCE(?1, 0), ?2, ?3)"),
        insert_recipient(db,
                         "INSERT INTO broadcast_messages (broadcast_id, contact_id, message_id, kecamatan, desa) "
                         "SELECT ?1, ?2, ?3, COALESCE(kecamatan, ''), COALESCE(desa, '') FROM contacts WHERE id = ?2"),
        select_broadcast(db, std::string(broadcast_columns) + "WHERE id = ?1 AND NOT preparing"),
        list_broadcasts(db, std::string(broadcast_columns) +
                                "WHERE (?1 = 0 OR id < ?1) AND (?3 IS NULL OR officer_id = ?3) AND NOT preparing "
                                "ORDER BY id DESC LIMIT ?2"),
        finish_preparing(db, "UPDATE broadcasts SET preparing = 0 WHERE id = ?1 AND preparing"),
        // Walks parts_claim: a broadcast's held parts share its priority and its hold mark (?2).
        release_held(db,
                     "UPDATE parts SET next_attempt_at = (SELECT send_at FROM broadcasts WHERE id = ?1) WHERE id IN "
                     "(SELECT id FROM parts WHERE state = 'queued' AND priority = (SELECT priority FROM broadcasts "
                     "WHERE id = ?1) AND next_attempt_at = ?2 LIMIT ?3)"),
        held_broadcasts(db, "SELECT DISTINCT ?1 - next_attempt_at FROM parts WHERE state = 'queued' AND "
                            "next_attempt_at >= ?2"),
        unfinished(db, "SELECT id FROM broadcasts WHERE preparing"),
        delete_messages(db, "DELETE FROM messages WHERE id IN (SELECT message_id FROM broadcast_messages WHERE "
                            "broadcast_id = ?1)"),
        delete_unfinished(db, "DELETE FROM broadcasts WHERE id = ?1 AND preparing"),
        recipient_count(db, "SELECT n FROM broadcast_recipients WHERE broadcast_id = ?1"),
        // Kept by triggers as the parts change (schema_tallies.h).
        state_counts(db, "SELECT state, n FROM broadcast_tallies WHERE broadcast_id = ?1 AND n > 0"),
        // Kept by triggers as the parts change (schema_deliveries.h).
        place_counts(db,
                     "SELECT kecamatan, desa, SUM(n), SUM(CASE WHEN state IN ('sent', 'delivered') THEN n END), "
                     "SUM(CASE WHEN delivery = 'delivered' THEN n END), "
                     "SUM(CASE WHEN delivery = 'undelivered' THEN n END), "
                     "SUM(CASE WHEN delivery = 'unknown' THEN n END), SUM(CASE WHEN state = 'failed' THEN n END) "
                     "FROM broadcast_place_tallies WHERE broadcast_id = ?1 GROUP BY kecamatan, desa "
                     "HAVING SUM(n) > 0 ORDER BY kecamatan, desa"),
        reply_count(db, "SELECT COUNT(*) FROM incoming WHERE broadcast_id = ?1"),
        cost(db, "SELECT rupiah FROM broadcast_costs WHERE broadcast_id = ?1"),
        recipients(db, recipients_page),
        count_unstarted(db, std::string("SELECT COUNT(*) FROM (") + unstarted_messages + ")"),
        cancel_unstarted(
            db, std::string("UPDATE parts SET state = 'cancelled', last_error = 'cancelled' "
                            "WHERE state = 'queued' AND message_id IN (") +
                    unstarted_messages + ")"),
        mark_cancelled(
            db, "UPDATE broadcasts SET cancelled_at = COALESCE(cancelled_at, ?2) WHERE id = ?1"),
        // The time the contact's message of each broadcast went out (its last part sent).
        latest_reaching(
            db,
            "SELECT b.id, b.officer_id, b.event_id, MAX(p.sent_at) AS reached FROM "
            "broadcast_messages bm "
            "JOIN broadcasts b ON b.id = bm.broadcast_id JOIN parts p ON p.message_id = "
            "bm.message_id "
            "WHERE bm.contact_id = ?1 AND p.state IN ('sent', 'delivered') AND p.sent_at >= ?2 "
            "GROUP BY b.id ORDER BY reached DESC, b.id DESC LIMIT 1") {}

  message_inserter insert_message;  // each recipient's, in the broadcast's transaction
  statement insert_broadcast;
  statement client_ref_use;
  statement insert_client_ref;
  statement insert_recipient;
  statement select_broadcast;
  statement list_broadcasts;
  statement finish_preparing;
  statement release_held;
  statement held_broadcasts;
  statement unfinished;
  statement delete_messages;
  statement delete_unfinished;
  statement recipient_count;
  statement state_counts;
  statement place_counts;
  statement reply_count;
  statement cost;
  statement recipients;
  statement count_unstarted;
  statement cancel_unstarted;
  statement mark_cancelled;
  statement latest_reaching;
};

namespace {

constexpr std::chrono::seconds finished_reuse{30};

std::int64_t count_of(statement& s, std::int64_t id) {
  step_scope scope(s);
  return s.bind(1, id).step() ? s.int64(0) : 0;
}

// Reads broadcast_columns.
broadcast_progress read_broadcast(const statement& s) {
  broadcast_progress b;
  b.id = s.int64(0);
  b.officer_id = s.optional_int64(1);
  b.template_text = s.text(2);
  b.origin = s.text(3);
  b.event_id = s.optional_int64(4);
  b.send_at = from_millis(s.int64(5));
  b.created_at = from_millis(s.int64(6));
  b.cancelled_at = optional_time(s, 7);
  b.follow_up_of = s.optional_int64(8);
  b.priority = static_cast<int>(s.int64(9));
  b.via = send_via_from(s.text(10));
  b.sender = s.optional_text(11);
  return b;
}

void add_state_count(broadcast_progress& b, part_state state, std::int64_t n) {
  switch (state) {
    case part_state::queued:
      b.queued += n;
      break;
    case part_state::sending:
      b.sending += n;
      break;
    case part_state::sent:
      b.sent += n;
      break;
    case part_state::delivered:
      b.delivered += n;
      break;
    case part_state::failed:
      b.failed += n;
      break;
    case part_state::cancelled:
      b.cancelled += n;
      break;
    case part_state::uncertain:
      b.uncertain += n;
      break;
  }
}

std::int64_t count_or_zero(const statement& s, int column) { return s.optional_int64(column).value_or(0); }

// The broadcast's recipients per place, and its undelivered and unknown ones overall.
void add_place_counts(statement& s, broadcast_progress& b) {
  step_scope scope(s);
  s.bind(1, b.id);
  while (s.step()) {
    place_progress place{s.text(0),         s.text(1),         s.int64(2),        count_or_zero(s, 3),
                         count_or_zero(s, 4), count_or_zero(s, 5), count_or_zero(s, 6), count_or_zero(s, 7)};
    b.undelivered += place.undelivered;
    b.unknown += place.unknown;
    b.by_place.push_back(std::move(place));
  }
}

// cancelled once cancelled; done when nothing is left to go out (uncertain messages wait for a
// person, not for the dispatcher); scheduled while its time has not come and nothing went out.
std::string overall_state(const broadcast_progress& b, timestamp now) {
  if (b.cancelled_at) return "cancelled";
  if (b.queued + b.sending == 0) return "done";
  const bool untouched = b.sending + b.sent + b.delivered + b.failed + b.uncertain == 0;
  if (untouched && b.send_at > now) return "scheduled";
  return "sending";
}

}  // namespace

broadcast_book::broadcast_book(database& db) : db_(db.sql()), sql_(std::make_unique<broadcast_statements>(db_)) {}

broadcast_book::~broadcast_book() = default;

std::int64_t broadcast_book::create(const new_broadcast& b,
                                    const std::vector<broadcast_message>& messages) {
  transaction tx(db_, durability::full);
  const std::int64_t id = insert_broadcast(b, false);
  for (const broadcast_message& m : messages) insert_recipient(id, m, std::nullopt);
  tx.commit();
  return id;
}

begun_broadcast broadcast_book::begin(const new_broadcast& b) {
  transaction tx(db_);
  if (auto found = earlier(b.officer_id, b.client_ref)) return *found;
  const std::int64_t id = insert_broadcast(b, true);
  tx.commit();
  return {id};
}

std::optional<begun_broadcast> broadcast_book::earlier(const std::optional<std::int64_t>& officer_id,
                                                       const std::optional<std::string>& client_ref) {
  if (!client_ref) return std::nullopt;
  statement& s = sql_->client_ref_use;
  step_scope scope(s);
  if (!s.bind(1, officer_id).bind(2, *client_ref).step()) return std::nullopt;
  return begun_broadcast{s.int64(0), true, s.int64(1) != 0};
}

std::size_t broadcast_book::add(std::int64_t id, std::span<const broadcast_message> messages,
                                std::chrono::milliseconds budget) {
  const auto until = std::chrono::steady_clock::now() + budget;
  transaction tx(db_);
  std::size_t added = 0;
  while (added < messages.size() && (added == 0 || std::chrono::steady_clock::now() < until)) {
    insert_recipient(id, messages[added++], held_mark(id));
  }
  tx.commit();
  return added;
}

void broadcast_book::finish(std::int64_t id) {
  transaction tx(db_, durability::full);
  sql_->finish_preparing.bind(1, id).run();
  if (db_.changes() != 1) throw store_error("finishing broadcast " + std::to_string(id) + ": it is not being prepared");
  tx.commit();
}

std::int64_t broadcast_book::release_held(std::int64_t id, int limit) {
  transaction tx(db_);
  sql_->release_held.bind(1, id).bind(2, held_mark(id)).bind(3, limit).run();
  const std::int64_t released = db_.changes();
  tx.commit();
  return released;
}

void broadcast_book::discard(std::int64_t id) {
  transaction tx(db_);
  sql_->delete_messages.bind(1, id).run();
  sql_->delete_unfinished.bind(1, id).run();
  tx.commit();
}

std::int64_t broadcast_book::settle_unfinished() {
  std::vector<std::int64_t> unfinished;
  {
    step_scope scope(sql_->unfinished);
    while (sql_->unfinished.step()) unfinished.push_back(sql_->unfinished.int64(0));
  }
  for (const std::int64_t id : unfinished) discard(id);
  std::vector<std::int64_t> held;
  {
    step_scope scope(sql_->held_broadcasts);
    sql_->held_broadcasts.bind(1, std::numeric_limits<std::int64_t>::max()).bind(2, held_floor);
    while (sql_->held_broadcasts.step()) held.push_back(sql_->held_broadcasts.int64(0));
  }
  for (const std::int64_t id : held) release_held(id, -1);
  return static_cast<std::int64_t>(unfinished.size());
}

std::int64_t broadcast_book::insert_broadcast(const new_broadcast& b, bool preparing) {
  sql_->insert_broadcast.bind(1, b.officer_id)
      .bind(2, b.template_text)
      .bind(3, b.audience_json)
      .bind(4, millis(b.send_at))
      .bind(5, b.priority)
      .bind(6, b.origin)
      .bind(7, b.event_id)
      .bind(8, millis(b.created_at))
      .bind(9, preparing)
      .bind(10, b.follow_up_of)
      .bind(11, to_string(b.via))
      .bind(12, b.sender)
      .run();
  const std::int64_t id = db_.last_insert_rowid();
  if (b.client_ref) sql_->insert_client_ref.bind(1, b.officer_id).bind(2, *b.client_ref).bind(3, id).run();
  return id;
}

void broadcast_book::insert_recipient(std::int64_t id, const broadcast_message& m,
                                      std::optional<std::int64_t> held) {
  const accepted queued = sql_->insert_message.insert(m.message, held);
  sql_->insert_recipient.bind(1, id).bind(2, m.contact_id).bind(3, queued.id).run();
}

std::optional<broadcast_progress> broadcast_book::progress(std::int64_t id, timestamp now) {
  std::optional<broadcast_progress> found;
  {
    step_scope scope(sql_->select_broadcast);
    if (sql_->select_broadcast.bind(1, id).step()) found = read_broadcast(sql_->select_broadcast);
  }
  if (!found) return std::nullopt;
  found->recipients = count_of(sql_->recipient_count, id);
  found->replies = count_of(sql_->reply_count, id);
  found->cost = count_of(sql_->cost, id);
  {
    step_scope scope(sql_->state_counts);
    sql_->state_counts.bind(1, id);
    while (sql_->state_counts.step()) {
      add_state_count(*found, part_state_from(sql_->state_counts.text(0)),
                      sql_->state_counts.int64(1));
    }
  }
  add_place_counts(sql_->place_counts, *found);
  found->state = overall_state(*found, now);
  return found;
}

std::vector<broadcast_progress> broadcast_book::list(timestamp now, std::int64_t before_id, int limit,
                                                     std::optional<std::int64_t> officer_id) {
  std::vector<std::int64_t> ids;
  {
    step_scope scope(sql_->list_broadcasts);
    sql_->list_broadcasts.bind(1, before_id).bind(2, limit).bind(3, officer_id);
    while (sql_->list_broadcasts.step()) ids.push_back(sql_->list_broadcasts.int64(0));
  }
  std::vector<broadcast_progress> found;
  found.reserve(ids.size());
  for (const std::int64_t id : ids) {
    if (auto b = listed_progress(id, now)) found.push_back(std::move(*b));
  }
  return found;
}

std::optional<broadcast_progress> broadcast_book::listed_progress(std::int64_t id, timestamp now) {
  if (const auto it = finished_.find(id);
      it != finished_.end() && now >= it->second.at && now - it->second.at < finished_reuse) {
    broadcast_progress b = it->second.progress;
    b.replies = count_of(sql_->reply_count, id);
    return b;
  }
  auto b = progress(id, now);
  if (b && (b->state == "done" || b->state == "cancelled")) {
    finished_[id] = {*b, now};
  } else {
    finished_.erase(id);
  }
  return b;
}

std::vector<broadcast_recipient> broadcast_book::recipients(std::int64_t id) { return recipients(id, 0, -1); }

std::vector<broadcast_recipient> broadcast_book::recipients(std::int64_t id, std::int64_t after_contact_id, int limit) {
  std::vector<broadcast_recipient> found;
  statement& s = sql_->recipients;
  step_scope scope(s);
  s.bind(1, id).bind(2, after_contact_id).bind(3, limit);
  while (s.step()) {
    broadcast_recipient r;
    r.contact_id = s.int64(0);
    r.message_id = s.optional_int64(1);
    r.to = s.text(2);
    r.text = s.text(3);
    r.state = part_state_from(s.text(4));
    r.contact_name = s.optional_text(5);
    r.last_error = s.optional_text(6);
    r.delivery = s.optional_text(7);
    r.sent_at = optional_time(s, 8);
    r.delivered_at = optional_time(s, 9);
    if (const auto status = s.optional_int64(10)) r.status = static_cast<int>(*status);
    r.kecamatan = s.text(11);
    r.desa = s.text(12);
    r.modem = s.optional_text(13);
    found.push_back(std::move(r));
  }
  return found;
}

std::int64_t broadcast_book::cancel(std::int64_t id, timestamp now) {
  connection& db = db_;
  transaction tx(db);
  const std::int64_t stopped = count_of(sql_->count_unstarted, id);
  sql_->cancel_unstarted.bind(1, id).run();
  sql_->mark_cancelled.bind(1, id).bind(2, millis(now)).run();
  tx.commit();
  return stopped;
}

std::optional<broadcast_ref> broadcast_book::latest_reaching(std::int64_t contact_id,
                                                             timestamp since) {
  statement& s = sql_->latest_reaching;
  step_scope scope(s);
  if (!s.bind(1, contact_id).bind(2, millis(since)).step()) return std::nullopt;
  return broadcast_ref{s.int64(0), s.optional_int64(1), s.optional_int64(2)};
}

}  // namespace siaran::queue
