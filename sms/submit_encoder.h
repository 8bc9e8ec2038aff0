// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sms/segmentation.h"

namespace siaran::sms {

// SMS-SUBMIT, TS 23.040 §9.2.2.2, preceded by the SMSC field as AT+CMGS takes it in PDU mode
// (TS 27.005 §3.5.1).
struct submit_request {
  std::string to;                                 // "+62...", "08...", or alphanumeric
  std::string text;                               // UTF-8
  std::optional<std::vector<std::uint8_t>> data;  // 8-bit data instead of text
  std::string smsc;                               // empty: the SMSC stored on the SIM (field 00)
  bool status_report = false;                     // TP-SRR
  std::optional<std::chrono::minutes> validity;   // relative TP-VP; none: network default
  bool flash = false;                             // class 0
  bool reject_duplicates = false;                 // TP-RD
  std::uint8_t message_reference = 0;             // TP-MR; 0 lets the modem assign one
  std::uint8_t concat_reference = 0;              // the 8-bit reference shared by all parts
  std::uint8_t protocol_identifier = 0;           // TP-PID
  text_options text_handling;
};

struct encoded_part {
  std::string pdu;          // uppercase hex, SMSC field included
  std::size_t tpdu_length;  // octets after the SMSC field: the length AT+CMGS=<n> wants
  encoding alphabet = encoding::gsm7;  // the message's, the same in every part
};

// One entry per part, in part order. Throws codec_error for a bad number, invalid UTF-8 or a
// text needing more than 255 parts.
std::vector<encoded_part> encode_submit(const submit_request& request);

// The same in two steps, for a caller that draws a concatenation reference only when the text
// needs more than one part: segment, set `concat_reference`, then encode those segments.
segmented_message segment_submit(const submit_request& request);
std::vector<encoded_part> encode_submit(const submit_request& request, const segmented_message& message);

}  // namespace siaran::sms
