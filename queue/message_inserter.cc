// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/message_inserter.h"

#include "queue/columns.h"
#include "queue/recipient_key.h"

namespace siaran::queue {

message_inserter::message_inserter(connection& db)
    : db_(db),
      message_by_client_ref_(db, "SELECT id FROM messages WHERE client_ref = ?1"),
      insert_message_(db,
                      "INSERT INTO messages (recipient, recipient_key, text, priority, send_at, expires_at, report, "
                      "client_ref, created_at, via, sender) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
      insert_part_(db,
                   "INSERT INTO parts (message_id, number, total, pdu, tpdu_length, priority, expires_at, "
                   "next_attempt_at, delivery, avoid_modem) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                   "CASE WHEN ?9 THEN 'pending' END, ?10)") {}

accepted message_inserter::insert(const new_message& m, std::optional<std::int64_t> held_mark) {
  if (m.parts.empty()) throw store_error("queueing a message to " + m.recipient + ": it has no parts");
  if (m.client_ref) {
    step_scope scope(message_by_client_ref_);
    if (message_by_client_ref_.bind(1, *m.client_ref).step()) return {message_by_client_ref_.int64(0), true};
  }
  insert_message_.bind(1, m.recipient)
      .bind(2, recipient_key(m.recipient))
      .bind(3, m.text)
      .bind(4, m.priority)
      .bind(5, millis(m.send_at))
      .bind(6, optional_millis(m.expires_at))
      .bind(7, m.report)
      .bind(8, m.client_ref)
      .bind(9, millis(m.created_at))
      .bind(10, to_string(m.via))
      .bind(11, m.sender)
      .run();
  const std::int64_t id = db_.last_insert_rowid();
  const int total = static_cast<int>(m.parts.size());
  for (int n = 0; n < total; ++n) {
    const new_part& part = m.parts[static_cast<std::size_t>(n)];
    insert_part_.bind(1, id)
        .bind(2, n + 1)
        .bind(3, total)
        .bind(4, part.pdu)
        .bind(5, part.tpdu_length)
        .bind(6, m.priority)
        .bind(7, optional_millis(m.expires_at))
        .bind(8, held_mark.value_or(millis(m.send_at)))
        .bind(9, m.report)
        .bind(10, m.avoid_modem)
        .run();
  }
  return {id, false};
}

}  // namespace siaran::queue
