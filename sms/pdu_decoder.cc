// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/pdu_decoder.h"

#include "sms/address.h"
#include "sms/first_octet.h"
#include "sms/hex.h"
#include "sms/octet_reader.h"
#include "sms/validity_period.h"

namespace siaran::sms {
namespace {

// TP-PI bits (§9.2.3.27).
constexpr std::uint8_t pi_pid = 0x01;
constexpr std::uint8_t pi_dcs = 0x02;
constexpr std::uint8_t pi_udl = 0x04;

timestamp read_timestamp(octet_reader& reader, std::string_view field) {
  const std::size_t start = reader.offset();
  const auto octets = reader.octets(7, field);
  return decode_timestamp(octets.first<7>(), start);
}

void read_pid_dcs(octet_reader& reader, decoded_pdu& pdu) {
  pdu.pid = reader.octet("TP-PID");
  pdu.coding = interpret_dcs(reader.octet("TP-DCS"));
}

void decode_deliver(octet_reader& reader, decoded_pdu& pdu) {
  reader.set_context("SMS-DELIVER");
  const address originator = read_address(reader, "TP-OA");
  pdu.number = originator.number;
  pdu.number_type = originator.type;
  read_pid_dcs(reader, pdu);
  pdu.service_centre_time = read_timestamp(reader, "TP-SCTS");
  pdu.ud = read_user_data(reader, pdu.coding, pdu.first_octet & first_octet::udhi);
}

// Enhanced TP-VP (§9.2.3.12.3): seven octets, the first says which format follows.
std::string read_enhanced_validity(octet_reader& reader) {
  const auto octets = reader.octets(7, "TP-VP (enhanced)");
  switch (octets[0] & 0x07) {
    case 0x00:
      return "none";
    case 0x01:
      return iso8601_duration(relative_validity_duration(octets[1]));
    case 0x02:
      return "PT" + std::to_string(octets[1]) + "S";
    default:
      return "enhanced";
  }
}

std::optional<std::string> read_validity(octet_reader& reader, std::uint8_t octet) {
  switch ((octet >> first_octet::vpf_shift) & 0x03) {
    case 0x02:
      return iso8601_duration(relative_validity_duration(reader.octet("TP-VP")));
    case 0x03:
      return read_timestamp(reader, "TP-VP (absolute)").iso8601();
    case 0x01:
      return read_enhanced_validity(reader);
    default:
      return std::nullopt;
  }
}

void decode_submit(octet_reader& reader, decoded_pdu& pdu) {
  reader.set_context("SMS-SUBMIT");
  pdu.reject_duplicates = pdu.first_octet & first_octet::reject_duplicates;
  pdu.message_reference = reader.octet("TP-MR");
  const address destination = read_address(reader, "TP-DA");
  pdu.number = destination.number;
  pdu.number_type = destination.type;
  read_pid_dcs(reader, pdu);
  pdu.validity = read_validity(reader, pdu.first_octet);
  pdu.ud = read_user_data(reader, pdu.coding, pdu.first_octet & first_octet::udhi);
}

// TP-PI and what it announces are optional (§9.2.2.3): many SCs end the report at TP-ST.
void decode_report_tail(octet_reader& reader, decoded_pdu& pdu) {
  if (reader.remaining() == 0) return;
  const std::uint8_t indicator = reader.octet("TP-PI");
  // 0xFF is the filler of a SIM storage record (TS 31.102 EF-SMS, 176 octets): modems print
  // the whole record after AT+CMGR, so the report really ended at TP-ST.
  if (indicator == 0xFF) return;
  // §9.2.3.27: bit 7 extends TP-PI into further octets, which only carry reserved bits.
  if (indicator & 0x80) {
    while (reader.octet("TP-PI extension") & 0x80) {
    }
  }
  if (indicator & pi_pid) pdu.pid = reader.octet("TP-PID");
  if (indicator & pi_dcs) pdu.coding = interpret_dcs(reader.octet("TP-DCS"));
  if (indicator & pi_udl) {
    pdu.ud = read_user_data(reader, pdu.coding, pdu.first_octet & first_octet::udhi);
  }
}

void decode_status_report(octet_reader& reader, decoded_pdu& pdu) {
  reader.set_context("SMS-STATUS-REPORT");
  pdu.message_reference = reader.octet("TP-MR");
  const address recipient = read_address(reader, "TP-RA");
  pdu.number = recipient.number;
  pdu.number_type = recipient.type;
  pdu.service_centre_time = read_timestamp(reader, "TP-SCTS");
  pdu.discharge_time = read_timestamp(reader, "TP-DT");
  pdu.status = reader.octet("TP-ST");
  decode_report_tail(reader, pdu);
}

message_type type_of(std::uint8_t octet) {
  switch (octet & first_octet::mti_mask) {
    case 0x01:
      return message_type::submit;
    case 0x02:
      return message_type::status_report;
    // 0x03 is reserved: §9.2.3.1 tells an MS to treat it as SMS-DELIVER.
    default:
      return message_type::deliver;
  }
}

}  // namespace

std::string_view message_type_name(message_type type) {
  switch (type) {
    case message_type::deliver:
      return "SMS-DELIVER";
    case message_type::submit:
      return "SMS-SUBMIT";
    case message_type::status_report:
      return "SMS-STATUS-REPORT";
  }
  return "SMS-DELIVER";
}

decoded_pdu decode_pdu(std::span<const std::uint8_t> octets, bool with_smsc) {
  octet_reader reader(octets);
  decoded_pdu pdu;
  if (with_smsc) {
    const auto smsc = read_smsc(reader);
    if (smsc && !smsc->number.empty()) pdu.smsc = smsc->number;
  }
  pdu.first_octet = reader.octet("first octet of the TPDU");
  pdu.type = type_of(pdu.first_octet);
  pdu.reply_path = pdu.first_octet & first_octet::reply_path;
  pdu.status_report_requested = pdu.first_octet & first_octet::status_report;
  switch (pdu.type) {
    case message_type::deliver:
      decode_deliver(reader, pdu);
      break;
    case message_type::submit:
      decode_submit(reader, pdu);
      break;
    case message_type::status_report:
      decode_status_report(reader, pdu);
      break;
  }
  return pdu;
}

decoded_pdu decode_pdu_hex(std::string_view hex, bool with_smsc) {
  const auto octets = hex_decode(hex);
  return decode_pdu(octets, with_smsc);
}

}  // namespace siaran::sms
