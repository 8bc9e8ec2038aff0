// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/tpdu_submission.h"

#include "sms/gsm7_alphabet.h"
#include "sms/pdu_decoder.h"
#include "sms/ucs2.h"
#include "sms/utf8.h"

namespace siaran::smpp {
namespace {

// SMPP data_coding (§5.2.19) for the part's alphabet.
std::uint8_t data_coding_of(sms::encoding alphabet) {
  switch (alphabet) {
    case sms::encoding::gsm7:
      return 0x00;
    case sms::encoding::ucs2:
      return 0x08;
    case sms::encoding::eight_bit:
      return 0x04;
  }
  return 0x04;
}

// The text's octets as SMPP carries them: GSM septets one per octet (an extension character as
// escape then its code), UCS2 as UTF-16BE, 8-bit data as it is.
std::vector<std::uint8_t> text_octets(const sms::user_data& ud, sms::encoding alphabet) {
  switch (alphabet) {
    case sms::encoding::gsm7:
      return sms::gsm7_encode(sms::utf8_decode(ud.text));
    case sms::encoding::ucs2:
      return sms::ucs2_encode(sms::utf8_decode(ud.text));
    case sms::encoding::eight_bit:
      return ud.data;
  }
  return ud.data;
}

}  // namespace

submit_request submission_of_tpdu(std::string_view pdu_hex, std::string_view sender,
                                  bool registered_delivery) {
  auto part = sms::decode_pdu_hex(pdu_hex, true);
  submit_request request;
  request.source = std::string(sender);
  request.destination = part.number;
  request.registered_delivery = registered_delivery;
  request.data_coding = data_coding_of(part.coding.alphabet);
  request.udhi = part.ud.has_header;
  if (request.udhi) {
    request.short_message.push_back(static_cast<std::uint8_t>(part.ud.header_octets.size()));
    request.short_message.insert(request.short_message.end(), part.ud.header_octets.begin(),
                                 part.ud.header_octets.end());
  }
  auto text = text_octets(part.ud, part.coding.alphabet);
  request.short_message.insert(request.short_message.end(), text.begin(), text.end());
  return request;
}

}  // namespace siaran::smpp
