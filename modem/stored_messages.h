// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace siaran::modem {

// One message as AT+CMGL / AT+CMGR list it in PDU mode (27.005 §3.4.2, §3.4.3).
struct stored_pdu {
  std::optional<int> index;  // +CMGL gives it; for +CMGR the caller knows it
  std::optional<int> stat;   // 0 received unread, 1 read, 2 stored unsent, 3 stored sent
  std::string pdu;           // hex, SMSC field first
  std::optional<int> length;  // <length>: TPDU octets; 0 for an empty slot
  // "+CMGR: 0,,0" and nothing after it: some firmwares answer AT+CMGR so for a slot without a
  // message (an AT+CMGL listing names only slots that hold one).
  bool empty_slot() const { return length == 0 && pdu.empty(); }
};

// The messages in an AT+CMGL or AT+CMGR answer as the channel hands it over: each header
// (at::parse_stored_message_header) with the line after it as its PDU. That line is the PDU
// even when it is not hex (a corrupt PDU must reach the receiver, not stay on the SIM), and
// a header without one gives an empty PDU; other lines between entries (the garbage some
// modems interleave) are skipped; a header on the same line as its PDU (seen in captures
// that lost the line end) is accepted too.
std::vector<stored_pdu> parse_stored_pdus(const std::vector<std::string>& lines);

}  // namespace siaran::modem
