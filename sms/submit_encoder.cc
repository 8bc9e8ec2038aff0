// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/submit_encoder.h"

#include "sms/address.h"
#include "sms/first_octet.h"
#include "sms/hex.h"
#include "sms/user_data_encoder.h"
#include "sms/validity_period.h"

namespace siaran::sms {
namespace {

std::uint8_t first_octet_for(const submit_request& request, bool has_header) {
  std::uint8_t octet = first_octet::mti_submit;
  if (request.reject_duplicates) octet |= first_octet::reject_duplicates;
  if (request.validity) octet |= first_octet::vpf_relative;
  if (request.status_report) octet |= first_octet::status_report;
  if (has_header) octet |= first_octet::udhi;
  return octet;
}

std::vector<std::uint8_t> build_tpdu(const submit_request& request, encoding alphabet,
                                     const std::vector<std::uint8_t>& destination,
                                     const encoded_user_data& ud) {
  std::vector<std::uint8_t> tpdu{first_octet_for(request, ud.has_header),
                                 request.message_reference};
  tpdu.insert(tpdu.end(), destination.begin(), destination.end());
  tpdu.push_back(request.protocol_identifier);
  tpdu.push_back(dcs_for(alphabet, request.flash));
  if (request.validity) tpdu.push_back(relative_validity_octet(*request.validity));
  tpdu.push_back(ud.length);
  tpdu.insert(tpdu.end(), ud.octets.begin(), ud.octets.end());
  return tpdu;
}

}  // namespace

std::vector<encoded_part> encode_submit(const submit_request& request) {
  return encode_submit(request, segment_submit(request));
}

segmented_message segment_submit(const submit_request& request) {
  return request.data ? segment_data(*request.data) : segment_text(request.text, request.text_handling);
}

std::vector<encoded_part> encode_submit(const submit_request& request, const segmented_message& message) {
  const std::vector<std::uint8_t> smsc = encode_smsc(request.smsc);
  const std::vector<std::uint8_t> destination = encode_address(request.to);
  std::vector<encoded_part> parts;
  for (const encoded_user_data& ud : encode_user_data(message, request.concat_reference)) {
    const auto tpdu = build_tpdu(request, message.alphabet, destination, ud);
    std::vector<std::uint8_t> pdu = smsc;
    pdu.insert(pdu.end(), tpdu.begin(), tpdu.end());
    parts.push_back({hex_encode(pdu), tpdu.size(), message.alphabet});
  }
  return parts;
}

}  // namespace siaran::sms
