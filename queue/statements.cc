// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/statements.h"

#include <string>

namespace siaran::queue {
namespace {

// read_part() reads columns 0 to part_column_count - 1; `extra` columns follow them.
std::string parts_query(const char* rest, const char* extra = "") {
  return std::string("SELECT ") + part_columns + extra + " FROM parts p " + rest;
}

constexpr const char* message_columns =
    "SELECT m.id, m.recipient, m.text, m.priority, m.created_at, m.send_at, m.expires_at, m.report, m.client_ref, "
    "s.state FROM messages m JOIN message_states s ON s.message_id = m.id ";

}  // namespace

statements::statements(database& db)
    : message_by_client_ref(db, "SELECT id FROM messages WHERE client_ref = ?1"),
      insert_message(db,
                     "INSERT INTO messages (recipient, recipient_key, text, priority, send_at, expires_at, report, "
                     "client_ref, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      select_message(db, std::string(message_columns) + "WHERE m.id = ?1 AND s.message_id = ?1"),
      messages_by_state(db, std::string(message_columns) +
                                "WHERE s.state = ?1 AND s.message_id > ?2 ORDER BY s.message_id LIMIT ?3"),
      prune_messages(db,
                     "DELETE FROM messages WHERE created_at < ?1 AND NOT EXISTS (SELECT 1 FROM parts p WHERE "
                     "p.message_id = messages.id AND p.state IN ('queued', 'sending', 'uncertain'))"),

      insert_part(db,
                  "INSERT INTO parts (message_id, number, total, pdu, tpdu_length, priority, expires_at, "
                  "next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
      // Walks parts_claim in order: the first due row is the answer.
      next_due_part(db,
                    "SELECT p.id, p.message_id, p.expires_at FROM parts p WHERE p.state = 'queued' AND "
                    "p.next_attempt_at <= ?1 AND (?2 IS NULL OR p.pinned_modem IS NULL OR p.pinned_modem = ?2) "
                    "ORDER BY p.priority DESC, p.next_attempt_at, p.id LIMIT 1"),
      due_parts(db,
                "SELECT p.id, p.message_id, p.expires_at, m.recipient, p.priority, p.pinned_modem FROM parts p "
                "JOIN messages m ON m.id = p.message_id WHERE p.state = 'queued' AND p.next_attempt_at <= ?1 "
                "AND (p.pinned_modem IS NULL OR instr(?3, ',' || p.pinned_modem || ',') = 0) "
                "ORDER BY p.priority DESC, p.next_attempt_at, p.id LIMIT ?2"),
      expire_message(db,
                     "UPDATE parts SET state = 'failed', last_error = 'expired before it could be sent' "
                     "WHERE message_id = ?1 AND state = 'queued'"),
      expire_overdue(db,
                     "UPDATE parts SET state = 'failed', last_error = 'expired before it could be sent' "
                     "WHERE state = 'queued' AND expires_at <= ?1"),
      // ?3: the modem the part moves from (gone or resting); NULL matches no pin.
      claim_part(db,
                 "UPDATE parts SET state = 'sending', attempts = attempts + 1, modem = ?2 WHERE id = ?1 AND "
                 "state = 'queued' AND (?2 IS NULL OR pinned_modem IS NULL OR pinned_modem = ?2 OR pinned_modem = ?3)"),
      part_by_number(db,
                     "SELECT id FROM parts WHERE message_id = ?1 AND number = ?2 AND state = 'queued' AND "
                     "next_attempt_at <= ?3"),
      pin_siblings(db, "UPDATE parts SET pinned_modem = ?2 WHERE message_id = ?1 AND total > 1 AND "
                       "(pinned_modem IS NULL OR pinned_modem = ?3)"),
      select_claimed(db, parts_query("JOIN messages m ON m.id = p.message_id WHERE p.id = ?1", ", m.recipient, m.priority")),
      parts_of_message(db, parts_query("WHERE p.message_id = ?1 ORDER BY p.number")),
      parts_sending(db, parts_query("WHERE p.state = 'sending' ORDER BY p.id")),
      resolve_sending(db,
                      "UPDATE parts SET state = ?1, resent_uncertain = resent_uncertain OR ?2, next_attempt_at = "
                      "MIN(next_attempt_at, ?3), last_error = 'found sending at start-up' WHERE state = 'sending'"),
      mark_sent(db,
                "UPDATE parts SET state = 'sent', modem = ?2, reference = ?3, sent_at = ?4, last_error = NULL "
                "WHERE id = ?1 AND state = 'sending'"),
      mark_requeued(db,
                    "UPDATE parts SET state = 'queued', last_error = ?2, next_attempt_at = ?3 "
                    "WHERE id = ?1 AND state = 'sending'"),
      mark_ended(db, "UPDATE parts SET state = ?2, last_error = ?3 WHERE id = ?1 AND state = 'sending'"),
      match_report(db,
                   "SELECT p.id FROM parts p JOIN messages m ON m.id = p.message_id WHERE p.modem = ?1 AND "
                   "p.reference = ?2 AND p.sent_at BETWEEN ?3 AND ?4 AND m.recipient_key = ?5 "
                   "ORDER BY p.sent_at DESC, p.id DESC LIMIT 1"),
      // ?3 is the state the report moves a sent part to, or NULL for "the centre is still trying".
      apply_report(db,
                   "UPDATE parts SET status = ?2, "
                   "state = CASE WHEN ?3 IS NOT NULL AND state IN ('sent', 'uncertain') THEN ?3 ELSE state END, "
                   "delivered_at = CASE WHEN ?3 = 'delivered' THEN ?4 ELSE delivered_at END, "
                   "last_error = CASE WHEN ?3 = 'failed' THEN ?5 ELSE last_error END WHERE id = ?1"),
      queue_depth(db, "SELECT COUNT(*) FROM parts WHERE state = 'queued'"),
      uncertain_count(db, "SELECT COUNT(*) FROM parts WHERE state = 'uncertain'"),
      requeue_uncertain(db,
                        "UPDATE parts SET state = 'queued', resent_uncertain = 1, last_error = ?2, next_attempt_at = ?3 "
                        "WHERE id = ?1 AND state = 'sending'"),

      insert_attempt(db, "INSERT INTO attempts (part_id, modem, started_at) VALUES (?1, ?2, ?3)"),
      finish_attempt(db,
                     "UPDATE attempts SET finished_at = ?2, outcome = ?3, cms_code = ?4, error = ?5 WHERE id = "
                     "(SELECT MAX(id) FROM attempts WHERE part_id = ?1 AND finished_at IS NULL)"),

      insert_incoming(db,
                      "INSERT INTO incoming (modem, sender, text, received_at, raw_pdus, decode_error, concat_ref, "
                      "concat_total, complete) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      prune_incoming(db, "DELETE FROM incoming WHERE received_at < ?1"),
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
      trim_incoming_pdus(db, "DELETE FROM incoming_pdus WHERE received_at < ?1"),
      insert_status_report(db,
                           "INSERT INTO status_reports (modem, reference, recipient, status, sc_timestamp, "
                           "discharge_time, received_at, raw_pdu, part_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      prune_status_reports(db, "DELETE FROM status_reports WHERE received_at < ?1"),
      insert_modem_event(db, "INSERT INTO modem_events (modem, at, state, reason) VALUES (?1, ?2, ?3, ?4)"),
      prune_modem_events(db, "DELETE FROM modem_events WHERE at < ?1") {}

}  // namespace siaran::queue
