#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::modem {

// One message as AT+CMGL / AT+CMGR list it in PDU mode (27.005 §3.4.2, §3.4.3).
struct stored_pdu {
  std::optional<int> index;  // +CMGL gives it; for +CMGR the caller knows it
  int stat = 0;              // 0 received unread, 1 read, 2 stored unsent, 3 stored sent
  std::string pdu;           // hex, SMSC field first
  std::optional<int> length;  // <length>: TPDU octets; 0 for an empty slot
  // "+CMGR: 0,,0" and nothing after it: some firmwares answer AT+CMGR so for a slot without a
  // message (an AT+CMGL listing names only slots that hold one).
  bool empty_slot() const { return length == 0 && pdu.empty(); }
};

// The header lines ("+CMGL: <index>,<stat>,[<alpha>],<length>", "+CMGR: <stat>,[<alpha>],
// <length>") each followed by their PDU line, as the channel hands over a response. The line
// after a header is its PDU even when it is not hex (a corrupt PDU must reach the receiver,
// not stay on the SIM), and a header without one gives an empty PDU; other lines between
// entries (the garbage some modems interleave) are skipped; a header on the same line as
// its PDU (seen in captures that lost the line end) is accepted too.
std::vector<stored_pdu> parse_stored_pdus(const std::vector<std::string>& lines);

bool is_hex(std::string_view text);

}  // namespace siaran::modem
