// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/report_rows.h"

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"

namespace siaran::queue {

struct report_row_statements {
  explicit report_row_statements(connection& db)
      // The replies counted once per broadcast (incoming_broadcast), not once per recipient: a
      // 50,000-recipient broadcast with thousands of answers.
      : details(db,
                "WITH replies_by_contact AS (SELECT contact_id, COUNT(*) AS n FROM incoming WHERE broadcast_id = ?1 "
                "GROUP BY contact_id) "
                "SELECT bm.contact_id, c.posyandu, COALESCE(r.n, 0) "
                "FROM broadcast_messages bm LEFT JOIN contacts c ON c.id = bm.contact_id "
                "LEFT JOIN replies_by_contact r ON r.contact_id = bm.contact_id WHERE bm.broadcast_id = ?1"),
        due(db,
            "SELECT id FROM broadcasts WHERE send_at >= ?1 AND send_at < ?2 AND NOT preparing "
            "AND (?3 IS NULL OR officer_id = ?3) ORDER BY send_at, id") {}

  statement details;
  statement due;
};

report_row_book::report_row_book(database& db) : sql_(std::make_unique<report_row_statements>(db.sql())) {}
report_row_book::~report_row_book() = default;

std::unordered_map<std::int64_t, recipient_details> report_row_book::recipient_details_of(std::int64_t broadcast_id) {
  std::unordered_map<std::int64_t, recipient_details> found;
  statement& s = sql_->details;
  step_scope scope(s);
  s.bind(1, broadcast_id);
  while (s.step()) {
    found[s.int64(0)] = {s.optional_text(1), s.int64(2)};
  }
  return found;
}

std::vector<std::int64_t> report_row_book::broadcasts_due(timestamp from, timestamp until,
                                                          std::optional<std::int64_t> officer_id) {
  std::vector<std::int64_t> ids;
  statement& s = sql_->due;
  step_scope scope(s);
  s.bind(1, millis(from)).bind(2, millis(until)).bind(3, officer_id);
  while (s.step()) ids.push_back(s.int64(0));
  return ids;
}

}  // namespace siaran::queue
