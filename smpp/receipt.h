// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A delivery receipt (deliver_sm with esm_class receipt bits), SMPP 3.4 appendix B: the
// receipted_message_id and message_state options where present, else the short_message text
// "id:... sub:... dlvrd:... submit date:... done date:... stat:DELIVRD err:... text:...".

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace siaran::smpp {

enum class receipt_outcome { delivered, undelivered, pending, unknown };

struct receipt {
  std::string message_id;  // as submit_sm_resp gave it
  std::string state;       // "DELIVRD", "UNDELIV", "EXPIRED", "REJECTD", "DELETED", "ACCEPTD", "ENROUTE", "UNKNOWN"
  std::optional<int> error_code;  // err:
  std::string recipient;          // the handset's number (the deliver_sm's source_addr)
  std::optional<std::chrono::system_clock::time_point> done_at;  // done date, UTC
  receipt_outcome outcome() const;
};

}  // namespace siaran::smpp
