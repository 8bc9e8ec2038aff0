// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/incoming.h"

#include <span>
#include <vector>

#include "smpp/address.h"
#include "sms/codec_error.h"
#include "sms/gsm7_alphabet.h"
#include "sms/hex.h"
#include "sms/ucs2.h"
#include "sms/utf8.h"

namespace siaran::smpp {
namespace {

// SMPP data_coding values (§5.2.19).
constexpr std::uint8_t coding_smsc_default = 0, coding_ia5 = 1, coding_latin1 = 3, coding_ucs2 = 8;

std::string text_of(std::uint8_t data_coding, std::span<const std::uint8_t> octets) {
  std::u32string text;
  switch (data_coding) {
    case coding_smsc_default: {
      std::vector<std::uint8_t> septets;
      for (auto octet : octets) septets.push_back(octet & 0x7F);
      text = sms::gsm7_decode(septets);
      break;
    }
    case coding_ia5:  // ASCII
    case coding_latin1:
      for (auto octet : octets) text.push_back(octet);
      break;
    case coding_ucs2:
      text = sms::ucs2_decode(octets);
      break;
  }
  return sms::utf8_encode(text);
}

sms::encoding alphabet_of(std::uint8_t data_coding) {
  switch (data_coding) {
    case coding_smsc_default:
    case coding_ia5:
    case coding_latin1:
      return sms::encoding::gsm7;
    case coding_ucs2:
      return sms::encoding::ucs2;
    default:
      return sms::encoding::eight_bit;
  }
}

// UDHL, then the information elements; the rest of the octets is the text.
std::size_t read_header(sms::user_data& ud, std::span<const std::uint8_t> octets) {
  if (octets.empty() || std::size_t{octets[0]} + 1 > octets.size()) {
    throw pdu_error("deliver_sm: user data header", 0, "UDHL runs past the short message");
  }
  auto elements = octets.subspan(1, octets[0]);
  ud.has_header = true;
  ud.header_octets.assign(elements.begin(), elements.end());
  try {
    ud.header = sms::parse_user_data_header(elements, 1);
  } catch (const sms::codec_error& e) {
    throw pdu_error("deliver_sm: user data header", 1, e.what());
  }
  return elements.size() + 1;
}

}  // namespace

incoming_sms incoming_of(const short_message_body& deliver) {
  const auto* payload = find_tlv(deliver.tlvs, tag::message_payload);
  std::span<const std::uint8_t> octets =
      deliver.short_message.empty() && payload != nullptr ? payload->value : deliver.short_message;

  incoming_sms incoming;
  incoming.raw_hex = sms::hex_encode(octets);
  auto& message = incoming.message;
  message.type = sms::message_type::deliver;
  message.number = number_of(deliver.source_addr_ton, deliver.source_addr);
  message.number_type = static_cast<std::uint8_t>(0x80 | (deliver.source_addr_ton & 0x07) << 4 |
                                                  (deliver.source_addr_npi & 0x0F));
  message.pid = deliver.protocol_id;
  auto alphabet = alphabet_of(deliver.data_coding);
  message.coding = sms::interpret_dcs(sms::dcs_for(alphabet, false));

  bool udhi = (deliver.esm_class & esm::udhi) != 0;
  message.first_octet = udhi ? 0x40 : 0x00;
  auto text_start = udhi ? read_header(message.ud, octets) : 0;
  auto text_octets = octets.subspan(text_start);
  message.ud.length = octets.size();
  if (alphabet == sms::encoding::eight_bit) {
    message.ud.data.assign(text_octets.begin(), text_octets.end());
    message.ud.text = sms::hex_encode(text_octets);
  } else {
    message.ud.text = text_of(deliver.data_coding, text_octets);
  }
  return incoming;
}

}  // namespace siaran::smpp
