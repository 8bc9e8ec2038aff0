// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sms/data_coding_scheme.h"
#include "sms/timestamp.h"
#include "sms/user_data.h"

namespace siaran::sms {

// TP-MTI as stored by a modem: what it received (SMS-DELIVER, SMS-STATUS-REPORT) and what it
// sent or keeps in its outbox (SMS-SUBMIT), TS 23.040 §9.2.3.1.
enum class message_type { deliver, submit, status_report };

// "SMS-DELIVER", "SMS-SUBMIT", "SMS-STATUS-REPORT".
std::string_view message_type_name(message_type type);

struct decoded_pdu {
  message_type type = message_type::deliver;
  std::optional<std::string> smsc;  // absent when the field is 00 or not in the PDU
  std::string number;               // TP-OA (DELIVER), TP-DA (SUBMIT), TP-RA (REPORT)
  std::uint8_t number_type = 0;     // its type-of-address octet
  std::uint8_t first_octet = 0;
  std::optional<std::uint8_t> message_reference;  // TP-MR (SUBMIT, STATUS-REPORT)
  std::uint8_t pid = 0;                           // TP-PID
  data_coding coding;                             // TP-DCS interpreted
  std::optional<timestamp> service_centre_time;   // TP-SCTS (DELIVER, STATUS-REPORT)
  std::optional<timestamp> discharge_time;        // TP-DT (STATUS-REPORT)
  std::optional<std::uint8_t> status;             // TP-ST (STATUS-REPORT)
  std::optional<std::string> validity;            // SUBMIT: ISO 8601 duration or date-time
  bool status_report_requested = false;           // TP-SRR (SUBMIT) / TP-SRI (DELIVER)
  bool reject_duplicates = false;                 // TP-RD (SUBMIT)
  bool reply_path = false;                        // TP-RP
  user_data ud;                                   // text, 8-bit data, user data header

  std::optional<concat_info> concat() const { return ud.header.concat(); }
};

// Decodes one PDU as a modem prints it: by default starting with the SMSC field
// (AT+CMGR/+CMGL/+CMT in PDU mode, TS 27.005 §3.4.1); `with_smsc = false` for a bare TPDU.
// Never reads past the buffer; anything malformed is a codec_error naming the field and
// octet offset.
decoded_pdu decode_pdu(std::span<const std::uint8_t> pdu, bool with_smsc = true);

decoded_pdu decode_pdu_hex(std::string_view hex, bool with_smsc = true);

}  // namespace siaran::sms
