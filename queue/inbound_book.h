// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Incoming SMS: stored durably before the modem deletes them, offered-again PDUs recognised,
// the parts of a long SMS joined (or given up on, what arrived kept), and read back as the
// inbox.

#include <cstdint>
#include <memory>
#include <vector>

#include "queue/records.h"
#include "queue/store_error.h"

namespace siaran::queue {

class database;
struct inbound_statements;  // inbound_book.cc

class inbound_book {
 public:
  explicit inbound_book(database& db);
  ~inbound_book();
  inbound_book(const inbound_book&) = delete;
  inbound_book& operator=(const inbound_book&) = delete;

  // Stores an incoming SMS durably, unless all its PDUs were stored already (see
  // incoming_outcome): the modem stores before it deletes, so it may offer one again.
  incoming_outcome record_incoming(const incoming_message& message);
  // Stores one part of a long SMS durably. When it completes its set, the whole message moves to
  // the incoming table (texts joined in part order) in the same transaction: its id is returned.
  // A part stored before (offered again by the modem, while its set waits or after) changes nothing.
  incoming_outcome record_fragment(const incoming_fragment& fragment);
  // Sets whose newest part arrived before `before` are stored as incomplete messages (what
  // arrived, in order): reassembly gives up on them, nothing is lost. Returns their ids.
  std::vector<std::int64_t> flush_fragments(timestamp before);
  // Incoming messages after `after_id` received at or after `since`, oldest first.
  std::vector<incoming_record> inbox(std::int64_t after_id, timestamp since, int limit);

 private:
  database& db_;
  std::unique_ptr<inbound_statements> sql_;
};

}  // namespace siaran::queue
