// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

// The header line before each stored message in PDU mode (27.005 §3.4.2 +CMGL, §3.4.3 +CMGR).
// Text-mode headers (a quoted "REC READ" stat) are not read: the modem runs in PDU mode.
namespace siaran::at {

struct stored_message_header {
  std::optional<int> index;   // +CMGL gives it (and a few firmwares' +CMGR); else the caller knows it
  std::optional<int> stat;    // 0 received unread, 1 read, 2 stored unsent, 3 stored sent; a ZTE omits it
  std::optional<int> length;  // <length>: TPDU octets; 0 for an empty slot
  std::string inline_pdu;     // the PDU when it came on the header's own line (a lost line end)
};

// "+CMGL: <index>,<stat>,[<alpha>],<length>", or without <alpha> (Pantech: "+CMGL: 17,3,35").
std::optional<stored_message_header> parse_cmgl_header(std::string_view line);

// "+CMGR: <stat>,[<alpha>],<length>", and the forms real modems use instead: "<stat>,<length>"
// (Gammu's at-sms dumps), "<length>" alone, an empty <stat> (ZTE: "+CMGR: ,,27"), and
// "<index>,<stat>,[<alpha>],<length>" (Gammu's at-sms 26 and 27).
std::optional<stored_message_header> parse_cmgr_header(std::string_view line);

// Either of the two.
std::optional<stored_message_header> parse_stored_message_header(std::string_view line);

}  // namespace siaran::at
