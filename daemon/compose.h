// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One text for one number, encoded into the PDUs the store queues: what the API's messages,
// broadcasts, confirmations, forwarded replies and reminders all become.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "daemon/concat_references.h"
#include "queue/records.h"

namespace siaran::daemon {

struct outgoing_text {
  std::string to;  // E.164
  std::string text;
  int priority = 0;
  bool report = false;
  std::optional<std::string> client_ref;
  queue::timestamp now{};
  queue::timestamp send_at{};
  std::chrono::seconds valid_for{48 * 3600};
};

struct composed_message {
  queue::new_message message;
  std::string encoding;  // "gsm7" or "ucs2"
};

// A text that needs more than one part draws its concatenation reference from `references`; a
// single SMS holds none, so a district's one-part broadcast costs the allocator nothing.
// Throws sms::codec_error when the text cannot be encoded.
composed_message compose(const outgoing_text& out, concat_reference_allocator& references);

// `text` signed with an officer's sender tag on its own last line (unchanged when the tag is
// empty): a USB modem cannot set an alphanumeric sender, the tag is how a cadre knows who wrote.
std::string with_sender_tag(std::string text, const std::string& tag);

}  // namespace siaran::daemon
