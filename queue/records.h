// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The values that cross the store's interface: plain data, no SQLite, so that another store
// (PostgreSQL, DESIGN.md "Beyond one PC") can take and give the same.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "queue/states.h"

namespace siaran::queue {

// Milliseconds since the Unix epoch, UTC. The store never reads the clock: callers pass "now".
using timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

struct new_part {
  std::string pdu;       // hex, SMSC field first
  int tpdu_length = 0;   // AT+CMGS <length>
};

struct new_message {
  std::string recipient;  // E.164 or national, as the API accepted it
  std::string text;
  int priority = 0;       // higher goes first
  timestamp created_at{};
  timestamp send_at{};    // not claimed before
  std::optional<timestamp> expires_at;
  bool report = false;
  std::optional<std::string> client_ref;
  std::vector<new_part> parts;  // in order; at least one
  // Sent again to someone it did not reach: another modem than this one, if another can send.
  std::optional<std::string> avoid_modem;
  send_via via = send_via::modem;
  std::optional<std::string> sender;  // the registered name an SMPP bind sends it from
};

struct accepted {
  std::int64_t id = 0;
  bool duplicate = false;  // client_ref seen before: id is the earlier message's
};

struct part_record {
  std::int64_t id = 0;
  std::int64_t message_id = 0;
  int number = 0;
  int total = 0;
  std::string pdu;
  int tpdu_length = 0;
  part_state state = part_state::queued;
  std::optional<std::string> modem;
  std::optional<int> reference;
  int attempts = 0;
  bool resent_uncertain = false;
  // The whole message went out again from another modem (message_queue::resend_whole), and why.
  std::optional<std::string> resent_reason;
  timestamp next_attempt_at{};
  std::optional<std::string> last_error;
  std::optional<timestamp> sent_at;
  std::optional<timestamp> delivered_at;
  std::optional<int> status;
  // none: no status report asked; else pending, delivered, undelivered or unknown (schema_deliveries.h).
  std::optional<std::string> delivery;
};

// A part claimed for sending, with what the dispatcher routes on.
struct claimed_part {
  part_record part;
  std::string recipient;
  int priority = 0;
  send_via via = send_via::modem;
  std::optional<std::string> sender;
};

// A queued part that is due, as the dispatcher chooses among them (before claiming one).
struct due_part {
  std::int64_t part_id = 0;
  std::string recipient;
  int priority = 0;
  std::optional<std::string> pinned_modem;  // later parts of a multipart message follow the first
  std::optional<std::string> avoid_modem;   // the modem that did not reach this recipient before
  send_via via = send_via::modem;
  std::optional<std::string> sender;  // the registered name, for a bind
};

struct message_record {
  std::int64_t id = 0;
  std::string recipient;
  std::string text;
  int priority = 0;
  timestamp created_at{};
  timestamp send_at{};
  std::optional<timestamp> expires_at;
  bool report = false;
  std::optional<std::string> client_ref;
  part_state state = part_state::queued;  // derived from the parts (schema.cc, message_states)
  std::optional<std::string> delivery;     // derived from the parts (schema_deliveries.h, message_deliveries)
  std::optional<std::int64_t> officer_id;  // the officer of the broadcast it belongs to, if any
  std::vector<part_record> parts;
};

struct send_failure {
  std::string reason;
  std::optional<int> cms_code;
};

// From a modem (matched by TP-MR) or an SMPP bind's receipt (matched by the SMSC's message id,
// its state as the TP-ST that means the same).
struct status_report {
  std::string modem;      // the channel's id
  int reference = 0;      // TP-MR
  std::string recipient;  // TP-RA as the report gives it
  int status = 0;         // TP-ST
  std::optional<timestamp> sc_timestamp;
  std::optional<timestamp> discharge_time;
  timestamp received_at{};
  std::string raw_pdu;
  // A receipt: the ids its message id may stand for, its own first (an SMSC may write in decimal
  // what submit_sm_resp gave in hex); empty for a modem's report.
  std::vector<std::string> smsc_message_ids;
};

struct incoming_message {
  std::string modem;
  std::string sender;
  std::string text;
  timestamp received_at{};
  std::vector<std::string> raw_pdus;
  std::optional<std::string> decode_error;
  std::optional<int> concat_ref;
  std::optional<int> concat_total;
  bool complete = true;
};

// One part of a concatenated incoming SMS, kept until its set is complete.
struct incoming_fragment {
  std::string modem;
  std::string sender;
  int concat_ref = 0;
  int concat_total = 0;
  int number = 0;  // 1-based
  std::string text;
  std::string raw_pdu;
  timestamp received_at{};
};

// What the store made of an incoming SMS or part of one (inbound_book::record_incoming,
// record_fragment).
struct incoming_outcome {
  // Byte-identical to a PDU stored from the same modem within store_options::duplicate_window:
  // the modem offered it again (its AT+CMGD failed, or siarand died before it). Nothing changed;
  // the modem may delete it.
  bool stored_already = false;
  // The inbox message it made: a single SMS, or the part that completed its set.
  std::optional<std::int64_t> message_id;
};

// A stored incoming message, for the inbox.
struct incoming_record {
  std::int64_t id = 0;
  std::string modem;
  std::string sender;
  std::string text;
  timestamp received_at{};
  int parts = 1;
  bool complete = true;
  std::optional<std::string> decode_error;
};

struct prune_counts {
  std::int64_t messages = 0;
  std::int64_t incoming = 0;
  std::int64_t status_reports = 0;
  std::int64_t modem_events = 0;
};

}  // namespace siaran::queue
