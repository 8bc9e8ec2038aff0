// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/whole_resend.h"

#include <algorithm>

#include "daemon/compose.h"

namespace siaran::daemon {
namespace {

// The least validity a resent message asks of the network: a message about to expire is better
// given a few minutes than refused by the centre.
constexpr std::chrono::seconds least_validity{5 * 60};

}  // namespace

std::vector<queue::new_part> parts_again(const queue::message_record& message,
                                         concat_reference_allocator& references, queue::timestamp now) {
  outgoing_text again;
  again.to = message.recipient;
  again.text = message.text;
  again.report = message.report;
  again.now = now;
  again.send_at = now;
  if (message.expires_at) {
    again.valid_for = std::max(std::chrono::duration_cast<std::chrono::seconds>(*message.expires_at - now), least_validity);
  }
  return compose(again, references).message.parts;
}

}  // namespace siaran::daemon
