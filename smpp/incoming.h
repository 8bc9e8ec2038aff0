// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An incoming SMS (a deliver_sm that is not a receipt) as a modem would have decoded it, so it
// goes into the same inbox, reassembly and routing as modem SMS.

#include <string>

#include "smpp/pdu.h"
#include "sms/pdu_decoder.h"

namespace siaran::smpp {

// type deliver, number = the sender ('+'-prefixed when international), text and user data
// header; raw_hex = the short_message (or message_payload) octets in hex.
struct incoming_sms {
  sms::decoded_pdu message;
  std::string raw_hex;
};

// data_coding 0 (SMSC default, taken as the GSM 7-bit alphabet) and 1 (IA5) are one character
// per octet, 3 is Latin-1, 8 UCS2, anything else 8-bit data. The user data header is read when
// esm_class has UDHI; message_payload stands in when sm_length is 0. A header that runs past the
// message is a pdu_error.
incoming_sms incoming_of(const short_message_body& deliver);

}  // namespace siaran::smpp
