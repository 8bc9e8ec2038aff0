// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include "sms/segmentation.h"

namespace siaran::sms {

// TP-UDL and TP-UD of one outgoing part, laid out alike in an SMS-SUBMIT and an SMS-DELIVER
// (TS 23.040 §9.2.3.16, §9.2.3.24): the concatenation header first when there are several
// parts, then the septets (after their fill bits) or the octets.
struct encoded_user_data {
  bool has_header = false;    // sets TP-UDHI
  std::uint8_t length = 0;    // TP-UDL: septets for GSM 7-bit, octets otherwise
  std::vector<std::uint8_t> octets;  // TP-UD
};

// One entry per segment of `message`, in part order; several parts share `concat_reference`.
std::vector<encoded_user_data> encode_user_data(const segmented_message& message,
                                                std::uint8_t concat_reference);

}  // namespace siaran::sms
