// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Inserting a message and its parts inside the caller's transaction, private to queue/: the
// message queue does it for one message, the broadcast book for each recipient of a broadcast
// in the same transaction as the broadcast. Each owner prepares its own.

#include <cstdint>
#include <optional>

#include "queue/connection.h"
#include "queue/records.h"

namespace siaran::queue {

class message_inserter {
 public:
  explicit message_inserter(connection& db);

  // Inserts the message and its parts (client_ref: an earlier message with it is returned
  // instead). The caller holds the write transaction. Parts are due at the message's send_at,
  // or held with `held_mark` as their next attempt (held_parts.h) until released.
  accepted insert(const new_message& m, std::optional<std::int64_t> held_mark = std::nullopt);

 private:
  connection& db_;
  statement message_by_client_ref_;
  statement insert_message_;
  statement insert_part_;
};

}  // namespace siaran::queue
