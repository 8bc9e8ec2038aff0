// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every SQL statement the store runs, prepared once when the store opens, grouped by the table
// it writes (schema.cc holds the tables themselves).

#include "queue/database.h"

namespace siaran::queue {

// The columns read_part() expects, in order, from a query on `parts p`.
inline constexpr const char* part_columns =
    "p.id, p.message_id, p.number, p.total, p.pdu, p.tpdu_length, p.state, p.modem, p.reference, p.attempts, "
    "p.resent_uncertain, p.next_attempt_at, p.last_error, p.sent_at, p.delivered_at, p.status, p.resent_reason";
inline constexpr int part_column_count = 17;

struct statements {
  explicit statements(database& db);

  // messages
  statement message_by_client_ref;
  statement insert_message;
  statement select_message;
  statement messages_by_state;
  statement prune_messages;

  // parts
  statement insert_part;
  statement next_due_part;
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
  statement match_report;
  statement apply_report;
  statement queue_depth;
  statement uncertain_count;
  statement requeue_uncertain;

  // attempts
  statement insert_attempt;
  statement finish_attempt;

  // incoming, status_reports, modem_events
  statement insert_incoming;
  statement prune_incoming;
  statement select_inbox;
  statement insert_fragment;
  statement fragments_of_set;
  statement delete_fragment_set;
  statement stale_fragment_sets;
  statement insert_incoming_pdu;
  statement find_incoming_pdu;
  statement trim_incoming_pdus;
  statement insert_status_report;
  statement prune_status_reports;
  statement insert_modem_event;
  statement prune_modem_events;
};

}  // namespace siaran::queue
