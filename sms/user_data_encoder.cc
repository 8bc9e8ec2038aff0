// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/user_data_encoder.h"

#include "sms/septet_packing.h"
#include "sms/user_data_header.h"

namespace siaran::sms {
namespace {

encoded_user_data encode_part(encoding alphabet, const segment& part,
                              const std::vector<std::uint8_t>& header) {
  encoded_user_data ud{!header.empty(), 0, header};
  if (alphabet == encoding::gsm7) {
    // The header occupies whole septets; fill bits align the first character (§9.2.3.24).
    const auto packed = pack_septets(part.payload, header_fill_bits(header.size()));
    ud.octets.insert(ud.octets.end(), packed.begin(), packed.end());
    ud.length = static_cast<std::uint8_t>(header_septet_count(header.size()) + part.units);
  } else {
    ud.octets.insert(ud.octets.end(), part.payload.begin(), part.payload.end());
    ud.length = static_cast<std::uint8_t>(ud.octets.size());
  }
  return ud;
}

}  // namespace

std::vector<encoded_user_data> encode_user_data(const segmented_message& message,
                                                std::uint8_t concat_reference) {
  const auto total = static_cast<std::uint8_t>(message.segments.size());
  std::vector<encoded_user_data> parts;
  for (std::size_t i = 0; i < message.segments.size(); ++i) {
    const auto header = total > 1 ? concat_header(concat_reference,
                                                  static_cast<std::uint8_t>(i + 1), total)
                                  : std::vector<std::uint8_t>{};
    parts.push_back(encode_part(message.alphabet, message.segments[i], header));
  }
  return parts;
}

}  // namespace siaran::sms
