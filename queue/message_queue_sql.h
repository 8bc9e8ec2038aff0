// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the message queue's .cc files share, private to them: its prepared statements, the
// sends noted for its next write transaction, and that transaction.

#include <string>
#include <vector>

#include "queue/connection.h"
#include "queue/message_inserter.h"
#include "queue/message_queue.h"
#include "queue/records.h"

namespace siaran::queue {

// A send the dispatcher noted (message_queue::note_sent), not yet recorded.
struct noted_send {
  std::int64_t part_id;
  std::string modem;
  int reference;
  timestamp at;
  std::optional<std::int64_t> price;  // rupiah
  std::optional<std::string> smsc_message_id;  // sent over an SMPP bind
};

// Prepared once when the queue is made: the dispatcher runs them at least once per part.
struct message_queue_sql {
  explicit message_queue_sql(connection& db);

  connection& db;
  message_inserter inserter;
  std::vector<noted_send> noted_sends;

  // messages
  statement select_message;
  statement messages_by_state;

  // parts
  statement due_parts;
  statement expire_message;
  statement expire_overdue;
  statement claim_part;
  statement part_by_number;
  statement pin_siblings;
  statement select_claimed;
  statement parts_of_message;
  statement parts_sending;
  statement resolve_sending;
  statement mark_sent;
  statement mark_requeued;
  statement mark_ended;  // failed or uncertain, with last_error
  statement requeue_uncertain;

  // attempts
  statement insert_attempt;
  statement finish_attempt;
};

// Every write transaction of the queue: it records the noted sends first, so that they cost no
// transaction of their own, and forgets them once committed (a rollback keeps them for the
// next). The other books' transactions leave them alone.
class message_queue::write_transaction {
 public:
  explicit write_transaction(message_queue_sql& sql, durability d = durability::normal);
  void commit();

 private:
  message_queue_sql& sql_;
  transaction tx_;
};

}  // namespace siaran::queue
