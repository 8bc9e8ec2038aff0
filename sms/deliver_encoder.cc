// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/deliver_encoder.h"

#include <cstdlib>

#include "sms/address.h"
#include "sms/first_octet.h"
#include "sms/hex.h"
#include "sms/user_data_encoder.h"

namespace siaran::sms {
namespace {

inline constexpr std::uint8_t mti_deliver = 0x00;
inline constexpr std::uint8_t mti_status_report = 0x02;

std::uint8_t bcd_swapped(int value) {
  const int two_digits = std::abs(value) % 100;
  return static_cast<std::uint8_t>((two_digits % 10) << 4 | two_digits / 10);
}

encoded_part finish(const std::string& smsc, const std::vector<std::uint8_t>& tpdu) {
  std::vector<std::uint8_t> pdu = encode_smsc(smsc);
  pdu.insert(pdu.end(), tpdu.begin(), tpdu.end());
  return {hex_encode(pdu), tpdu.size()};
}

void append(std::vector<std::uint8_t>& out, const auto& octets) {
  out.insert(out.end(), octets.begin(), octets.end());
}

}  // namespace

std::array<std::uint8_t, 7> encode_timestamp(const timestamp& t) {
  const int quarters = std::abs(t.offset_minutes) / 15;
  std::uint8_t zone = bcd_swapped(quarters);
  if (t.offset_minutes < 0) zone |= 0x08;
  return {bcd_swapped(t.year), bcd_swapped(t.month), bcd_swapped(t.day), bcd_swapped(t.hour),
          bcd_swapped(t.minute), bcd_swapped(t.second), zone};
}

std::vector<encoded_part> encode_deliver(const deliver_request& request) {
  const std::vector<std::uint8_t> originator = encode_address(request.from);
  const auto scts = encode_timestamp(request.service_centre_time);
  const segmented_message message = segment_text(request.text, request.text_handling);
  std::vector<encoded_part> parts;
  for (const encoded_user_data& ud : encode_user_data(message, request.concat_reference)) {
    std::uint8_t first = mti_deliver;
    if (ud.has_header) first |= first_octet::udhi;
    if (request.status_report_indication) first |= first_octet::status_report;
    // TP-MMS (bit 2) set: "no more messages are waiting" at the SC, as networks send it.
    first |= 0x04;
    std::vector<std::uint8_t> tpdu{first};
    append(tpdu, originator);
    tpdu.push_back(request.protocol_identifier);
    tpdu.push_back(dcs_for(message.alphabet, false));
    append(tpdu, scts);
    tpdu.push_back(ud.length);
    append(tpdu, ud.octets);
    parts.push_back(finish(request.smsc, tpdu));
  }
  return parts;
}

encoded_part encode_status_report(const status_report_request& request) {
  // TP-MMS set, TP-SRQ clear: the report answers a SUBMIT (§9.2.3.26). No TP-PI: the optional
  // PID/DCS/UD fields are absent, as most networks send it.
  std::vector<std::uint8_t> tpdu{static_cast<std::uint8_t>(mti_status_report | 0x04),
                                 request.message_reference};
  append(tpdu, encode_address(request.recipient));
  append(tpdu, encode_timestamp(request.service_centre_time));
  append(tpdu, encode_timestamp(request.discharge_time));
  tpdu.push_back(request.status);
  return finish(request.smsc, tpdu);
}

}  // namespace siaran::sms
