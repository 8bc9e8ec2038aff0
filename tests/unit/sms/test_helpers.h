// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sms/hex.h"
#include "sms/pdu_decoder.h"
#include "sms/submit_encoder.h"

namespace siaran::sms::test {

inline std::vector<std::uint8_t> bytes(const std::string& hex) { return hex_decode(hex); }

// Encodes a submit to `to` and decodes every part again.
inline std::vector<decoded_pdu> encode_and_decode(const submit_request& request) {
  std::vector<decoded_pdu> decoded;
  for (const encoded_part& part : encode_submit(request))
    decoded.push_back(decode_pdu_hex(part.pdu));
  return decoded;
}

inline submit_request text_to(std::string to, std::string text) {
  submit_request request;
  request.to = std::move(to);
  request.text = std::move(text);
  return request;
}

}  // namespace siaran::sms::test
