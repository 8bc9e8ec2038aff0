// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "smpp/sim/smsc.h"

namespace siaran::smscsim {

// The run-time control protocol of siaran-smscsim, in the style of siaran-modemsim's: one JSON
// object per line with one key, one JSON answer line each ({"ok": true, "command": KEY,
// "status": {...}} or {"ok": false, "error": "..."}); a bad line is an error answer, never a
// crash. Keys:
//   {"inject": {"from": "+62...", "to": "1234", "text": "...",
//               "data_coding": 0|8, "system_id": "..."}}   incoming SMS (split, UCS2 as needed);
//        the answer's "parts" says how many deliver_sm it became
//   {"drop": true}                                         every connection, now
//   {"drop_after": 3}                                      3 more submits unanswered, then drop (0:
//   cancel)
//   {"silence": true|false}                                read everything, answer nothing
//   {"fail_next": {"count": 2, "status": "ESME_RSYSERR"}}  status by name or number (8, "0x08")
//   {"throttle": 40} or {"throttle": {"rate": 40, "status": "ESME_RMSGQFUL"}}   (0: no limit)
//   {"receipt_rules": "7:UNDELIV, 8:none, 9:DELIVRD@5000"} receipts by the destination's last
//   digits
//   {"refuse_binds": true|false}                           answer binds ESME_RBINDFAIL
//   {"status": true}                                       just the counts and the faults
std::string apply_control_line(std::string_view line, smsc& server);

// "ESME_RSYSERR", "0x08" or "8" as a command_status; std::invalid_argument otherwise.
std::uint32_t parse_command_status(std::string_view text);

}  // namespace siaran::smscsim
