// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"
#include "queue/verifications.h"

namespace siaran::queue {
namespace {

constexpr const char* verification_select =
    "SELECT id, broadcast_id, officer_id, created_at, ends_at, closed_at FROM verifications ";

constexpr std::int64_t day_ms = 86'400'000;

}  // namespace

struct verification_statements {
  explicit verification_statements(connection& db)
      : insert(db,
               "INSERT INTO verifications (broadcast_id, officer_id, created_at, ends_at) VALUES "
               "(?1, ?2, ?3, ?4)"),
        by_id(db, std::string(verification_select) + "WHERE id = ?1"),
        by_broadcast(db, std::string(verification_select) + "WHERE broadcast_id = ?1"),
        listed(db, std::string(verification_select) +
                       "WHERE (?1 = 0 OR id < ?1) AND (?3 IS NULL OR officer_id = ?3) ORDER BY id "
                       "DESC LIMIT ?2"),
        outcome_counts(db,
                       "SELECT outcome, COUNT(*) FROM verification_outcomes WHERE verification_id "
                       "= ?1 GROUP BY 1"),
        confirm_number(
            db,
            "UPDATE contacts SET confirmed_at = MAX(COALESCE(confirmed_at, 0), ?2), verify = NULL "
            "WHERE id = ?1"),
        record_outcome(
            db,
            "INSERT INTO verification_outcomes (verification_id, contact_id, outcome, at) "
            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING"),
        // A recipient whose number was confirmed since the campaign began answered it, if not
        // by a reply routed to it (a later broadcast took the reply, or the daemon closed late).
        record_closing(
            db,
            "INSERT INTO verification_outcomes (verification_id, contact_id, outcome, at) "
            "SELECT ?1, ?2, CASE WHEN (SELECT confirmed_at FROM contacts WHERE id = ?2) >= ?5 "
            "THEN 'confirmed' ELSE ?3 END, ?4 WHERE 1 ON CONFLICT DO NOTHING"),
        due(db, std::string(verification_select) +
                    "WHERE closed_at IS NULL AND ends_at <= ?1 ORDER BY ends_at"),
        next_end(db, "SELECT MIN(ends_at) FROM verifications WHERE closed_at IS NULL"),
        // Not a number confirmed since the campaign began: a reply that came before it closed.
        mark(db,
             "UPDATE contacts SET verify = ?2 WHERE id = ?1 AND (confirmed_at IS NULL OR "
             "confirmed_at < ?3)"),
        close(db, "UPDATE verifications SET closed_at = ?2 WHERE id = ?1"),
        // The kecamatan as the facet counts name them (one spelling per name whatever its case),
        // beside the confirmations counted per day.
        shares(db, R"sql(
WITH totals AS (
  SELECT MIN(value) AS kecamatan, SUM(n) AS contacts FROM contact_facets WHERE kind = 'kecamatan'
  GROUP BY value COLLATE NOCASE),
confirmed AS (
  SELECT kecamatan, SUM(n) AS n FROM confirmation_tallies WHERE day >= ?1 GROUP BY kecamatan COLLATE NOCASE)
SELECT t.kecamatan, t.contacts, COALESCE(c.n, 0) FROM totals t
LEFT JOIN confirmed c ON c.kecamatan = t.kecamatan COLLATE NOCASE
ORDER BY t.kecamatan COLLATE NOCASE
)sql") {}

  statement insert;
  statement by_id;
  statement by_broadcast;
  statement listed;
  statement outcome_counts;
  statement confirm_number;
  statement record_outcome;
  statement record_closing;
  statement due;
  statement next_end;
  statement mark;
  statement close;
  statement shares;
};

namespace {

verification read_verification(const statement& s) {
  verification v;
  v.id = s.int64(0);
  v.broadcast_id = s.int64(1);
  v.officer_id = s.optional_int64(2);
  v.created_at = from_millis(s.int64(3));
  v.ends_at = from_millis(s.int64(4));
  v.closed_at = optional_time(s, 5);
  return v;
}

std::vector<verification> read_all(statement& s) {
  step_scope scope(s);
  std::vector<verification> found;
  while (s.step()) found.push_back(read_verification(s));
  return found;
}

}  // namespace

verification_book::verification_book(database& db)
    : db_(db.sql()), sql_(std::make_unique<verification_statements>(db_)) {}

verification_book::~verification_book() = default;

std::int64_t verification_book::create(const new_verification& v) {
  sql_->insert.bind(1, v.broadcast_id)
      .bind(2, v.officer_id)
      .bind(3, millis(v.created_at))
      .bind(4, millis(v.ends_at))
      .run();
  return db_.last_insert_rowid();
}

std::optional<verification> verification_book::find(std::int64_t id) {
  sql_->by_id.bind(1, id);
  auto found = read_all(sql_->by_id);
  if (found.empty()) return std::nullopt;
  auto& s = sql_->outcome_counts;
  step_scope scope(s);
  s.bind(1, id);
  while (s.step()) found.front().outcomes[s.text(0)] = s.int64(1);
  return found.front();
}

std::optional<verification> verification_book::for_broadcast(std::int64_t broadcast_id) {
  sql_->by_broadcast.bind(1, broadcast_id);
  const auto found = read_all(sql_->by_broadcast);
  if (found.empty()) return std::nullopt;
  return find(found.front().id);
}

std::vector<verification> verification_book::list(std::int64_t before_id, int limit,
                                                  std::optional<std::int64_t> officer_id) {
  sql_->listed.bind(1, before_id).bind(2, limit).bind(3, officer_id);
  std::vector<verification> found;
  for (const auto& v : read_all(sql_->listed)) found.push_back(*find(v.id));
  return found;
}

void verification_book::confirm(std::int64_t contact_id, timestamp at,
                                std::optional<std::int64_t> answered) {
  transaction tx(db_);
  sql_->confirm_number.bind(1, contact_id).bind(2, millis(at)).run();
  if (answered) {
    sql_->record_outcome.bind(1, *answered)
        .bind(2, contact_id)
        .bind(3, outcome_confirmed)
        .bind(4, millis(at))
        .run();
  }
  tx.commit();
}

std::vector<verification> verification_book::due(timestamp now) {
  sql_->due.bind(1, millis(now));
  return read_all(sql_->due);
}

std::optional<timestamp> verification_book::next_end() {
  auto& s = sql_->next_end;
  step_scope scope(s);
  if (!s.step()) return std::nullopt;
  return optional_time(s, 0);
}

void verification_book::close(std::int64_t id, const std::vector<closing_outcome>& outcomes,
                              timestamp now) {
  const auto campaign = find(id);
  if (!campaign || campaign->closed_at) return;
  transaction tx(db_);
  for (const closing_outcome& o : outcomes) {
    sql_->record_closing.bind(1, id)
        .bind(2, o.contact_id)
        .bind(3, o.outcome)
        .bind(4, millis(now))
        .bind(5, millis(campaign->created_at))
        .run();
    if (marks_number(o.outcome)) {
      sql_->mark.bind(1, o.contact_id)
          .bind(2, o.outcome)
          .bind(3, millis(campaign->created_at))
          .run();
    }
  }
  sql_->close.bind(1, id).bind(2, millis(now)).run();
  tx.commit();
}

std::vector<confirmed_share> verification_book::confirmed_shares(timestamp since) {
  auto& s = sql_->shares;
  step_scope scope(s);
  s.bind(1, millis(since) / day_ms);
  std::vector<confirmed_share> shares;
  while (s.step()) shares.push_back({s.text(0), s.int64(1), s.int64(2)});
  return shares;
}

}  // namespace siaran::queue
