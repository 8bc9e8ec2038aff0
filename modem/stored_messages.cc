// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/stored_messages.h"

#include <utility>

#include "modem/at/stored_message_header.h"

namespace siaran::modem {

std::vector<stored_pdu> parse_stored_pdus(const std::vector<std::string>& lines) {
  std::vector<stored_pdu> found;
  std::optional<at::stored_message_header> pending;
  // A header whose PDU line is missing (the framer drops empty lines) still names a message
  // on the SIM: it is listed with an empty PDU, to be handed up as undecodable, not forgotten.
  const auto flush = [&](std::string pdu) {
    if (pending) found.push_back({pending->index, pending->stat, std::move(pdu), pending->length});
    pending.reset();
  };
  for (const std::string& line : lines) {
    if (std::optional<at::stored_message_header> next = at::parse_stored_message_header(line)) {
      flush({});
      if (next->inline_pdu.empty()) {
        pending = std::move(next);
      } else {
        found.push_back({next->index, next->stat, std::move(next->inline_pdu), next->length});
      }
      continue;
    }
    if (pending) flush(line);  // hex or not: the modem's garbled PDU, kept as it came
  }
  flush({});
  return found;
}

}  // namespace siaran::modem
