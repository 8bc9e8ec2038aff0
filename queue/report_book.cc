// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/report_book.h"

#include <string>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"
#include "queue/recipient_key.h"

namespace siaran::queue {

struct report_statements {
  explicit report_statements(connection& c)
      : db(c),
        match_report(db,
                     "SELECT p.id FROM parts p JOIN messages m ON m.id = p.message_id WHERE p.modem = ?1 AND "
                     "p.reference = ?2 AND p.sent_at BETWEEN ?3 AND ?4 AND m.recipient_key = ?5 "
                     "ORDER BY p.sent_at DESC, p.id DESC LIMIT 1"),
        // ?3 is the state the report moves a sent part to, or NULL for "the centre is still trying";
        // ?6 its delivery: a report saying "still trying" settles nothing a report or the timeout settled.
        apply_report(db,
                     "UPDATE parts SET status = ?2, "
                     "delivery = CASE WHEN ?6 = 'pending' THEN COALESCE(delivery, 'pending') ELSE ?6 END, "
                     "state = CASE WHEN ?3 IS NOT NULL AND state IN ('sent', 'uncertain') THEN ?3 ELSE state END, "
                     "delivered_at = CASE WHEN ?3 = 'delivered' THEN ?4 ELSE delivered_at END, "
                     "last_error = CASE WHEN ?3 = 'failed' THEN ?5 ELSE last_error END WHERE id = ?1"),
        // An SMPP receipt names the part by the SMSC's id for it, on the bind that sent it.
        match_receipt(db,
                      "SELECT id FROM parts WHERE modem = ?1 AND smsc_message_id = ?2 ORDER BY id DESC LIMIT 1"),
        insert_status_report(db,
                             "INSERT INTO status_reports (modem, reference, recipient, status, sc_timestamp, "
                             "discharge_time, received_at, raw_pdu, part_id, smsc_message_id) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
        // parts_delivery_pending makes this read only the parts still waiting.
        settle_unreported(db, "UPDATE parts SET delivery = 'unknown' WHERE id IN (SELECT id FROM parts "
                              "WHERE delivery = 'pending' AND sent_at <= ?1 LIMIT ?2)") {}

  connection& db;
  statement match_report;
  statement apply_report;
  statement match_receipt;
  statement insert_status_report;
  statement settle_unreported;
};

namespace {

// TP-ST (3GPP TS 23.040 §9.2.3.15): 0x00-0x1F the transaction is complete (delivered, or
// forwarded/replaced, which is as far as we can know); 0x20-0x3F the centre is still trying;
// 0x40 and above it gave up (permanent error, or temporary error with no more attempts).
std::string delivery_after_report(int status) {
  if (status < 0x20) return "delivered";
  if (status < 0x40) return "pending";
  return "undelivered";
}

// The state a report moves a sent part to: none while the centre is still trying.
std::optional<std::string> state_after_report(const std::string& delivery) {
  if (delivery == "delivered") return std::string(to_string(part_state::delivered));
  if (delivery == "undelivered") return std::string(to_string(part_state::failed));
  return std::nullopt;
}

std::optional<std::int64_t> find_reported_part(report_statements& s, const status_report& r,
                                               std::chrono::hours report_window) {
  if (!r.smsc_message_ids.empty()) {
    for (const std::string& id : r.smsc_message_ids) {
      step_scope scope(s.match_receipt);
      s.match_receipt.bind(1, r.modem).bind(2, id);
      if (s.match_receipt.step()) return s.match_receipt.int64(0);
    }
    return std::nullopt;
  }
  auto& q = s.match_report;
  step_scope scope(q);
  const auto window = std::chrono::duration_cast<std::chrono::milliseconds>(report_window);
  q.bind(1, r.modem)
      .bind(2, r.reference)
      .bind(3, millis(r.received_at - window))
      .bind(4, millis(r.received_at))
      .bind(5, recipient_key(r.recipient));
  if (!q.step()) return std::nullopt;
  return q.int64(0);
}

}  // namespace

report_book::report_book(database& db) : db_(db), sql_(std::make_unique<report_statements>(db.sql())) {}

report_book::~report_book() = default;

std::optional<std::int64_t> report_book::record_status_report(const status_report& report) {
  auto& sql = *sql_;
  transaction tx(sql_->db);
  const auto part_id = find_reported_part(*sql_, report, db_.options().report_window);
  if (part_id) {
    const std::string delivery = delivery_after_report(report.status);
    sql.apply_report.bind(1, *part_id)
        .bind(2, report.status)
        .bind(3, state_after_report(delivery))
        .bind(4, millis(report.discharge_time.value_or(report.received_at)))
        .bind(5, "status report: TP-ST " + std::to_string(report.status))
        .bind(6, delivery)
        .run();
  }
  sql.insert_status_report.bind(1, report.modem)
      .bind(2, report.reference)
      .bind(3, report.recipient)
      .bind(4, report.status)
      .bind(5, optional_millis(report.sc_timestamp))
      .bind(6, optional_millis(report.discharge_time))
      .bind(7, millis(report.received_at))
      .bind(8, report.raw_pdu)
      .bind(9, part_id)
      .bind(10, report.smsc_message_ids.empty() ? std::nullopt : std::optional(report.smsc_message_ids.front()))
      .run();
  tx.commit();
  return part_id;
}

std::int64_t report_book::settle_unreported(timestamp sent_before, int limit) {
  transaction tx(sql_->db);
  sql_->settle_unreported.bind(1, millis(sent_before)).bind(2, limit).run();
  const std::int64_t settled = sql_->db.changes();
  tx.commit();
  return settled;
}

}  // namespace siaran::queue
