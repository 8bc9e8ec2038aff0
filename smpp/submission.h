// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One part as a submit_sm carries it, and what the SMSC made of it. Plain values: the daemon
// makes them from a stored part (tpdu_submission.h) and records the outcome as it does a
// modem's.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace siaran::smpp {

struct submit_request {
  std::string source;       // a registered name (TON 5, alphanumeric) or digits ("+62..." TON 1)
  std::string destination;  // E.164 "+62...": TON 1, NPI 1, sent without the '+'
  std::uint8_t data_coding = 0;  // 0: GSM 7-bit default alphabet, one septet per octet; 8: UCS2
  bool udhi = false;             // esm_class 0x40: short_message starts with a user data header
  std::vector<std::uint8_t> short_message;  // the header (when udhi), then the text's octets
  bool registered_delivery = false;         // ask for a delivery receipt
};

// Why a part was not accepted. Throttling answers (ESME_RTHROTTLED, ESME_RMSGQFUL) never come
// back here: the bind slows down and submits the part again itself.
struct submit_error {
  std::uint32_t command_status = 0;  // the SMSC's answer; 0 when none came
  std::string text;                  // for logs and last_error: what happened, in English
  bool permanent = false;            // the message itself was refused: no channel can send it
  bool maybe_sent = false;  // written to the SMSC but unanswered when the bind dropped or timed out
  bool of_bind = false;     // the account's or the connection's fault: another channel may send it
};

struct submit_result {
  std::optional<std::string> message_id;  // submit_sm_resp's, which receipts name
  std::optional<submit_error> error;
  bool ok() const { return message_id.has_value(); }
};

}  // namespace siaran::smpp
