// SPDX-License-Identifier: GPL-3.0-or-later
// The message queue's statements, in the order message_queue_sql declares them.

#include "queue/message_queue_sql.h"

#include <string>

#include "queue/columns.h"

namespace siaran::queue {
namespace {

// read_part() reads columns 0 to part_column_count - 1; `extra` columns follow them.
std::string parts_query(const char* rest, const char* extra = "") {
  return std::string("SELECT ") + part_columns + extra + " FROM parts p " + rest;
}

// The officer whose broadcast a message belongs to (NULL: none), which limits what an officer's
// session sees (daemon/api/officer_scope.h). broadcast_messages_message makes it one lookup.
constexpr const char* message_officer =
    "(SELECT b.officer_id FROM broadcast_messages bm JOIN broadcasts b ON b.id = bm.broadcast_id "
    "WHERE bm.message_id = m.id)";

const std::string message_columns =
    std::string("SELECT m.id, m.recipient, m.text, m.priority, m.created_at, m.send_at, m.expires_at, m.report, "
                "m.client_ref, s.state, ") +
    message_officer +
    ", d.delivery FROM messages m JOIN message_states s ON s.message_id = m.id "
    "JOIN message_deliveries d ON d.message_id = m.id ";

}  // namespace

message_queue_sql::message_queue_sql(connection& c)
    : db(c),
      inserter(c),
      select_message(c, message_columns + "WHERE m.id = ?1 AND s.message_id = ?1 AND d.message_id = ?1"),
      messages_by_state(c, message_columns +
                               "WHERE s.state = ?1 AND s.message_id > ?2 AND d.message_id > ?2 AND (?4 IS NULL OR " +
                               message_officer + " = ?4) ORDER BY s.message_id LIMIT ?3"),
      due_parts(c,
               "SELECT p.id, p.message_id, p.expires_at, m.recipient, p.priority, p.pinned_modem, p.avoid_modem, m.via, "
               "m.sender "
               "FROM parts p "
               "JOIN messages m ON m.id = p.message_id WHERE p.state = 'queued' AND p.next_attempt_at <= ?1 "
               "AND (p.pinned_modem IS NULL OR instr(?3, ',' || p.pinned_modem || ',') = 0) "
               "ORDER BY p.priority DESC, p.next_attempt_at, p.id LIMIT ?2"),
      expire_message(c,
                    "UPDATE parts SET state = 'failed', last_error = 'expired before it could be sent' "
                    "WHERE message_id = ?1 AND state = 'queued'"),
      expire_overdue(c,
                    "UPDATE parts SET state = 'failed', last_error = 'expired before it could be sent' "
                    "WHERE state = 'queued' AND expires_at <= ?1"),
      // ?3: the modem the part moves from (gone or resting); NULL matches no pin.
      claim_part(c,
                "UPDATE parts SET state = 'sending', attempts = attempts + 1, modem = ?2 WHERE id = ?1 AND "
                "state = 'queued' AND (?2 IS NULL OR pinned_modem IS NULL OR pinned_modem = ?2 OR pinned_modem = ?3)"),
      part_by_number(c,
                    "SELECT id FROM parts WHERE message_id = ?1 AND number = ?2 AND state = 'queued' AND "
                    "next_attempt_at <= ?3"),
      pin_siblings(c, "UPDATE parts SET pinned_modem = ?2 WHERE message_id = ?1 AND total > 1 AND "
                      "(pinned_modem IS NULL OR pinned_modem = ?3)"),
      select_claimed(c,
                     parts_query("JOIN messages m ON m.id = p.message_id WHERE p.id = ?1",
                                 ", m.recipient, m.priority, m.via, m.sender")),
      parts_of_message(c, parts_query("WHERE p.message_id = ?1 ORDER BY p.number")),
      parts_sending(c, parts_query("WHERE p.state = 'sending' ORDER BY p.id")),
      resolve_sending(c,
                     "UPDATE parts SET state = ?1, resent_uncertain = resent_uncertain OR ?2, next_attempt_at = "
                     "MIN(next_attempt_at, ?3), last_error = 'found sending at start-up' WHERE state = 'sending'"),
      mark_sent(c,
               "UPDATE parts SET state = 'sent', modem = ?2, reference = ?3, sent_at = ?4, price = ?5, "
               "smsc_message_id = ?6, last_error = NULL "
               "WHERE id = ?1 AND state = 'sending'"),
      mark_requeued(c,
                   "UPDATE parts SET state = 'queued', last_error = ?2, next_attempt_at = ?3 "
                   "WHERE id = ?1 AND state = 'sending'"),
      mark_ended(c, "UPDATE parts SET state = ?2, last_error = ?3 WHERE id = ?1 AND state = 'sending'"),
      requeue_uncertain(c,
                       "UPDATE parts SET state = 'queued', resent_uncertain = 1, last_error = ?2, next_attempt_at = ?3 "
                       "WHERE id = ?1 AND state = 'sending'"),
      insert_attempt(c, "INSERT INTO attempts (part_id, modem, started_at) VALUES (?1, ?2, ?3)"),
      finish_attempt(c,
                    "UPDATE attempts SET finished_at = ?2, outcome = ?3, cms_code = ?4, error = ?5 WHERE id = "
                    "(SELECT MAX(id) FROM attempts WHERE part_id = ?1 AND finished_at IS NULL)") {}

}  // namespace siaran::queue
