// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small builders for the queue tests: times in whole seconds, one-part messages unless asked.

#include <chrono>
#include <string>

#include "queue/records.h"

namespace siaran::queue::test {

inline timestamp at_s(long seconds) { return timestamp(std::chrono::seconds(seconds)); }

inline new_message message_to(std::string recipient, long created_s = 0, int priority = 0, int parts = 1) {
  new_message m;
  m.recipient = std::move(recipient);
  m.text = "Posyandu besok jam 08.00";
  m.priority = priority;
  m.created_at = at_s(created_s);
  m.send_at = at_s(created_s);
  for (int n = 0; n < parts; ++n) m.parts.push_back({"0011000C9126" + std::to_string(n), 24});
  return m;
}

}  // namespace siaran::queue::test
