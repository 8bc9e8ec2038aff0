// SPDX-License-Identifier: GPL-3.0-or-later
// A long message sent again whole from one modem, when its modem died or rested part-way
// (message_queue::split_by_move, message_queue::resend_whole): its parts going out from two
// SIMs could never be joined by the phone.

#include "queue/columns.h"
#include "queue/message_queue.h"
#include "queue/message_queue_sql.h"

namespace siaran::queue {

std::optional<message_record> message_queue::split_by_move(std::int64_t part_id, std::string_view modem) {
  statement sent_elsewhere(sql_->db,
                           "SELECT p.message_id FROM parts p JOIN parts s ON s.message_id = p.message_id "
                           "WHERE p.id = ?1 AND p.total > 1 AND s.state IN ('sent', 'delivered') AND s.modem <> ?2 "
                           "LIMIT 1");
  std::optional<std::int64_t> message_id;
  {
    step_scope scope(sent_elsewhere);
    if (sent_elsewhere.bind(1, part_id).bind(2, modem).step()) message_id = sent_elsewhere.int64(0);
  }
  if (!message_id) return std::nullopt;
  return message(*message_id);
}

void message_queue::resend_whole(std::int64_t message_id, const std::vector<new_part>& pdus,
                                 std::string_view modem, std::string_view reason, timestamp now) {
  statement requeue(sql_->db,
                    "UPDATE parts SET pdu = ?3, tpdu_length = ?4, state = 'queued', pinned_modem = ?5, "
                    "resent_reason = ?6, next_attempt_at = ?7, reference = NULL, sent_at = NULL, delivered_at = NULL, "
                    "status = NULL WHERE message_id = ?1 AND number = ?2 AND state <> 'cancelled'");
  write_transaction tx(*sql_);
  for (std::size_t i = 0; i < pdus.size(); ++i) {
    requeue.bind(1, message_id)
        .bind(2, static_cast<std::int64_t>(i + 1))
        .bind(3, pdus[i].pdu)
        .bind(4, pdus[i].tpdu_length)
        .bind(5, modem)
        .bind(6, reason)
        .bind(7, millis(now))
        .run();
  }
  tx.commit();
}

}  // namespace siaran::queue
