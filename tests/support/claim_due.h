// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The claim the dispatcher makes, for tests that need "the next part for this modem": the head
// of due_parts that the modem may send, then claim. Built on the message queue's public
// interface, so that the claim order the tests check is the one production runs.

#include <optional>
#include <string>

#include "queue/message_queue.h"

namespace siaran::test {

// Claims the first part due at `now` that `modem` may send (not pinned to another modem).
// Nothing when none is due.
inline std::optional<queue::claimed_part> claim_due(queue::message_queue& q, queue::timestamp now,
                                                    const std::string& modem = "m1") {
  constexpr int window = 1000;  // more than any test queues
  for (const queue::due_part& d : q.due_parts(now, window)) {
    if (d.pinned_modem && *d.pinned_modem != modem) continue;
    return q.claim(d.part_id, modem, now);
  }
  return std::nullopt;
}

}  // namespace siaran::test
