// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sms/segmentation.h"
#include "sms/submit_encoder.h"
#include "sms/timestamp.h"

namespace siaran::sms {

// What a network delivers to a modem, as AT+CMGR/+CMT print it in PDU mode: the SMSC field
// followed by the TPDU. Used by the simulated modem and by tests; a real gateway only decodes
// these.

// SMS-DELIVER, TS 23.040 §9.2.2.1.
struct deliver_request {
  std::string from;                      // TP-OA: "+62...", "08..." or alphanumeric "TELKOMSEL"
  std::string text;                      // UTF-8; GSM 7-bit when it fits, else UCS2
  std::string smsc = "+6281100000";      // the SMSC field; empty gives 00
  timestamp service_centre_time;         // TP-SCTS, with its time zone
  std::uint8_t protocol_identifier = 0;  // TP-PID
  std::uint8_t concat_reference = 0;     // shared by all parts of a multipart text
  bool status_report_indication = false; // TP-SRI
  text_options text_handling;
};

// One entry per part, in order; concatenated parts carry the 8-bit reference UDH. Throws
// codec_error as encode_submit does.
std::vector<encoded_part> encode_deliver(const deliver_request& request);

// SMS-STATUS-REPORT, TS 23.040 §9.2.2.3.
struct status_report_request {
  std::uint8_t message_reference = 0;  // TP-MR of the SUBMIT it reports on
  std::string recipient;               // TP-RA
  std::string smsc = "+6281100000";
  timestamp service_centre_time;  // TP-SCTS: when the SC received the SUBMIT
  timestamp discharge_time;       // TP-DT: when it was delivered (or failed)
  std::uint8_t status = 0;        // TP-ST, §9.2.3.15
};

encoded_part encode_status_report(const status_report_request& request);

// TP-SCTS/TP-DT: seven octets of swapped BCD, the time zone in quarter hours with its sign in
// bit 3 (§9.2.3.11). The year is written modulo 100.
std::array<std::uint8_t, 7> encode_timestamp(const timestamp& t);

}  // namespace siaran::sms
