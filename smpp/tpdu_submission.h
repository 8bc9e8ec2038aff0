// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A stored part (an SMS-SUBMIT PDU with its SMSC field, as a modem sends it) as a submit_sm
// carries it: the same destination, the same user data header (the concatenation reference
// from the one allocator), the text in data_coding 0 (one GSM septet per octet) or 8 (UCS2).
// Pure; throws sms::codec_error for a PDU it cannot read.

#include <string_view>

#include "smpp/submission.h"

namespace siaran::smpp {

submit_request submission_of_tpdu(std::string_view pdu_hex, std::string_view sender,
                                  bool registered_delivery);

}  // namespace siaran::smpp
