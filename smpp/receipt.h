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
#include <vector>

#include "smpp/pdu.h"

namespace siaran::smpp {

enum class receipt_outcome { delivered, undelivered, pending, unknown };

struct receipt {
  std::string message_id;  // as submit_sm_resp gave it
  std::string state;       // "DELIVRD", "UNDELIV", "EXPIRED", "REJECTD", "DELETED", "ACCEPTD",
                           // "ENROUTE", "UNKNOWN"
  std::optional<int> error_code;  // err:
  std::string recipient;          // the handset's number (the deliver_sm's source_addr)
  std::optional<std::chrono::system_clock::time_point> done_at;  // done date, UTC
  receipt_outcome outcome() const;
};

// Whether a deliver_sm is a receipt rather than an incoming SMS: esm_class message type SMSC
// delivery receipt (0x04), SME delivery acknowledgement (0x08) or intermediate delivery
// notification (0x20).
bool is_receipt(std::uint8_t esm_class);

// The receipt a deliver_sm carries: the options where present, else the appendix B text in
// short_message (or message_payload), read forgivingly (any key order, either case, missing keys,
// "submit date" or "submit_date", 10- or 12-digit dates). recipient is source_addr, '+'-prefixed
// when international. A receipt without any message id is a pdu_error.
receipt receipt_of(const short_message_body& deliver);

// The ids a receipt's message_id may stand for, to look the part up by: the id itself, then the
// same number written the other way when the id is a number. Some SMSCs answer submit_sm_resp
// in hex and write the receipt's id: in decimal (or the reverse); appendix B leaves it open.
// "1A2B" -> {"1A2B", "6699"}; "0006699" -> {"0006699", "6699", "1a2b", "1A2B"}.
std::vector<std::string> message_id_candidates(std::string_view message_id);

// Only the text part: "id:... stat:..." (message_id, state, error_code, done_at).
receipt parse_receipt_text(std::string_view text);

}  // namespace siaran::smpp
