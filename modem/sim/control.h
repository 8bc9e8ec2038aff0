// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

#include "modem/sim/interpreter.h"
#include "modem/sim/pty_server.h"

namespace siaran::modemsim {

// The run-time control protocol of siaran-modemsim: one JSON object per line, one JSON answer
// line each ({"ok": true, ...} or {"ok": false, "error": "..."}); a bad line is an error answer,
// never a crash. Keys (one per line):
//   {"inject": {"from": "+62...", "text": "..."}}       inbound SMS (split, UCS2 as needed)
//   {"status_report": {"mr": 5, "status": 0}}           report for an accepted SUBMIT
//   {"report_rules": "7:0x41, 8:none, 9:0@5000"}        reports of later SUBMITs by the
//        recipient's last digits: TP-ST (none: never) and delay in ms (report_rules.h);
//        unmatched numbers are delivered (TP-ST 0) after the modem's report delay
//   {"fail_sends": {"count": 2, "cms": 42}}             next sends fail
//   {"fail_every": {"n": 3, "cms": 38}}                 every nth send fails (n 0: stop)
//   {"fail_deletes": {"count": 1, "cms": 500}}          next AT+CMGD fail, the SMS kept
//   {"silence": true|false}                             hung modem
//   {"delay": MS}                                       slow answers
//   {"garbage": "text"}                                 a line of garbage now
//   {"urc": "+CREG: 1"}                                 an unsolicited line now
//   {"urc_in_response": "+CMTI: \"SM\",3"}              inside the next response, before OK
//   {"balance": 4000}                                   what the USSD balance code answers (rupiah)
//   {"ussd_coding": "gsm"|"ucs2"}                       how the +CUSD text is coded (dcs 15 / 72)
//   {"unplug": true} / {"replug": true}                 hang-up and re-plug
//   {"state": true}                                     where the modem stands
std::string apply_control_line(std::string_view line, interpreter& modem, pty_server& server);

}  // namespace siaran::modemsim
