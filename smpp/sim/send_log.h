// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One accepted submit_sm as a JSON line (no newline), so that tests and the benchmark know
// exactly what the SMSC was given: {"time" (UTC, ISO 8601 with milliseconds), "system_id",
// "source", "source_ton", "source_npi", "destination", "destination_ton", "destination_npi",
// "data_coding", "esm_class", "text", "concat": {"reference", "part", "total"} or null,
// "octets", "payload" (true when message_payload carried it), "message_id",
// "registered_delivery"}.

#include <chrono>
#include <string>
#include <string_view>

#include "smpp/pdu.h"
#include "smpp/sim/submitted_message.h"

namespace siaran::smscsim {

struct accepted_submit {
  std::chrono::system_clock::time_point at;
  std::string system_id;
  std::string message_id;
  const smpp::short_message_body& pdu;
  const submitted_message& message;
};

std::string send_log_line(const accepted_submit& submit);

}  // namespace siaran::smscsim
