#include "modem/sms/submit_encoder.h"

#include "modem/sms/address.h"
#include "modem/sms/first_octet.h"
#include "modem/sms/hex.h"
#include "modem/sms/septet_packing.h"
#include "modem/sms/user_data_header.h"
#include "modem/sms/validity_period.h"

namespace siaran::sms {
namespace {

struct user_data {
  std::uint8_t length;  // TP-UDL: septets for GSM 7-bit, octets otherwise
  std::vector<std::uint8_t> octets;
};

user_data build_user_data(encoding alphabet, const segment& part,
                          const std::vector<std::uint8_t>& header) {
  user_data ud{0, header};
  if (alphabet == encoding::gsm7) {
    // The header occupies whole septets; fill bits align the first character (§9.2.3.24).
    const unsigned fill_bits = header_fill_bits(header.size());
    const std::size_t header_septets = header_septet_count(header.size());
    const auto packed = pack_septets(part.payload, fill_bits);
    ud.octets.insert(ud.octets.end(), packed.begin(), packed.end());
    ud.length = static_cast<std::uint8_t>(header_septets + part.units);
  } else {
    ud.octets.insert(ud.octets.end(), part.payload.begin(), part.payload.end());
    ud.length = static_cast<std::uint8_t>(ud.octets.size());
  }
  return ud;
}

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
                                     const user_data& ud, bool has_header) {
  std::vector<std::uint8_t> tpdu{first_octet_for(request, has_header), request.message_reference};
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
  const std::vector<std::uint8_t> smsc = encode_smsc(request.smsc);
  const std::vector<std::uint8_t> destination = encode_address(request.to);
  const segmented_message message = request.data
                                        ? segment_data(*request.data)
                                        : segment_text(request.text, request.text_handling);
  const auto total = static_cast<std::uint8_t>(message.segments.size());
  std::vector<encoded_part> parts;
  for (std::size_t i = 0; i < message.segments.size(); ++i) {
    const bool concatenated = total > 1;
    const auto header = concatenated ? concat_header(request.concat_reference,
                                                     static_cast<std::uint8_t>(i + 1), total)
                                     : std::vector<std::uint8_t>{};
    const user_data ud = build_user_data(message.alphabet, message.segments[i], header);
    const auto tpdu = build_tpdu(request, message.alphabet, destination, ud, concatenated);
    std::vector<std::uint8_t> pdu = smsc;
    pdu.insert(pdu.end(), tpdu.begin(), tpdu.end());
    parts.push_back({hex_encode(pdu), tpdu.size()});
  }
  return parts;
}

}  // namespace siaran::sms
