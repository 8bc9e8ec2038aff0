// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sms/data_coding_scheme.h"
#include "sms/octet_reader.h"
#include "sms/user_data_header.h"

namespace siaran::sms {

// TP-UDL and TP-UD of a received PDU, TS 23.040 §9.2.3.16 and §9.2.3.24.
struct user_data {
  std::size_t length = 0;  // TP-UDL as sent (septets for GSM 7-bit, else octets)
  bool has_header = false;
  user_data_header header;
  std::vector<std::uint8_t> header_octets;  // the UDH without UDHL
  std::string text;                         // UTF-8; for 8-bit data the uppercase hex of `data`
  std::vector<std::uint8_t> data;           // the 8-bit payload after the header
};

// Reads TP-UDL and the user data it announces. A TP-UDL longer than what the PDU holds is a
// codec_error ("TP-UDL says 160 septets but only 12 octets of user data remain"); octets
// after the announced user data are ignored. Compressed user data (TS 23.042) is refused.
user_data read_user_data(octet_reader& reader, const data_coding& coding, bool has_header);

}  // namespace siaran::sms
