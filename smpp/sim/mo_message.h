// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An SMS from a handset as the SMSC hands it to an ESME: one deliver_sm per part, the text in
// the GSM default alphabet (data_coding 0, one character per octet) when it fits, else UCS2
// (data_coding 8), split into concatenated parts with a user data header (esm_class 0x40) when
// it is long, as sms::segment_text splits it for a phone. Pure.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "smpp/pdu.h"

namespace siaran::smscsim {

struct mo_message {
  std::string from;  // "+62...": TON 1 NPI 1 without the '+'; other digits TON 0 NPI 1; else TON 5
  std::string to;    // the same rules (a short code "1234" is TON 0)
  std::string text;  // UTF-8
  std::optional<std::uint8_t> data_coding;  // 0 or 8 to insist; none: GSM when it fits
  std::string system_id;                    // the account it is for; "" any receiving bind
};

// Throws std::invalid_argument for text that is not UTF-8, too long, or not in the data_coding
// asked for.
std::vector<smpp::short_message_body> mo_parts(const mo_message& message, std::uint8_t reference);

}  // namespace siaran::smscsim
