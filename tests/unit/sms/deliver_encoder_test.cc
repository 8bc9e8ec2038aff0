// SPDX-License-Identifier: GPL-3.0-or-later
// SMS-DELIVER and SMS-STATUS-REPORT as a network delivers them (TS 23.040 §9.2.2.1,
// §9.2.2.3), checked by decoding them again.
#include <catch2/catch.hpp>

#include "sms/deliver_encoder.h"
#include "sms/hex.h"
#include "sms/pdu_decoder.h"

using namespace siaran::sms;

namespace {

timestamp jakarta(int hour, int minute, int second) {
  return timestamp{2026, 11, 25, hour, minute, second, 7 * 60};
}

deliver_request from_to(std::string from, std::string text) {
  deliver_request request;
  request.from = std::move(from);
  request.text = std::move(text);
  request.service_centre_time = jakarta(14, 30, 5);
  return request;
}

status_report_request report(std::uint8_t reference, std::string recipient, std::uint8_t status) {
  status_report_request request;
  request.message_reference = reference;
  request.recipient = std::move(recipient);
  request.service_centre_time = jakarta(14, 30, 5);
  request.discharge_time = jakarta(14, 30, 9);
  request.status = status;
  return request;
}

decoded_pdu only_part(const deliver_request& request) {
  const auto parts = encode_deliver(request);
  REQUIRE(parts.size() == 1);
  return decode_pdu_hex(parts[0].pdu);
}

}  // namespace

TEST_CASE("a GSM 7-bit DELIVER from an international number decodes to the same text") {
  const decoded_pdu pdu = only_part(from_to("+6281234567890", "HADIR rapat kader"));
  CHECK(pdu.type == message_type::deliver);
  CHECK(pdu.number == "+6281234567890");
  CHECK(pdu.smsc == "+6281100000");
  CHECK(pdu.ud.text == "HADIR rapat kader");
  CHECK(pdu.coding.alphabet == encoding::gsm7);
  CHECK_FALSE(pdu.concat());
}

TEST_CASE("the service centre time stamp keeps its time zone") {
  const decoded_pdu pdu = only_part(from_to("+6281234567890", "x"));
  REQUIRE(pdu.service_centre_time);
  CHECK(pdu.service_centre_time->iso8601() == "2026-11-25T14:30:05+07:00");
}

TEST_CASE("a negative time zone is encoded with its sign bit") {
  deliver_request request = from_to("+15551234567", "x");
  request.service_centre_time = timestamp{2011, 2, 28, 11, 50, 50, -5 * 60};
  CHECK(only_part(request).service_centre_time->iso8601() == "2011-02-28T11:50:50-05:00");
}

TEST_CASE("an alphanumeric originator survives the round trip") {
  const decoded_pdu pdu = only_part(from_to("TELKOMSEL", "Pulsa anda"));
  CHECK(pdu.number == "TELKOMSEL");
  CHECK(pdu.number_type == 0xD0);
}

TEST_CASE("text outside the GSM alphabet is delivered as UCS2") {
  const decoded_pdu pdu = only_part(from_to("081234567890", "Terima kasih \xF0\x9F\x99\x8F"));
  CHECK(pdu.coding.alphabet == encoding::ucs2);
  CHECK(pdu.ud.text == "Terima kasih \xF0\x9F\x99\x8F");
  CHECK(pdu.number == "081234567890");
}

TEST_CASE("the PID and the status report indication are carried") {
  deliver_request request = from_to("+6281234567890", "x");
  request.protocol_identifier = 0x40;
  request.status_report_indication = true;
  const decoded_pdu pdu = only_part(request);
  CHECK(pdu.pid == 0x40);
  CHECK(pdu.status_report_requested);
}

TEST_CASE("a long text is delivered in concatenated parts that reassemble") {
  for (const std::string& text : {std::string(300, 'a'), std::string(150, 'x') + "\xC3\xA9\xE2\x82\xAC\xE4\xB8\xAD"}) {
    deliver_request request = from_to("+6281234567890", text);
    request.concat_reference = 42;
    const auto parts = encode_deliver(request);
    REQUIRE(parts.size() >= 2);
    std::string joined;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const decoded_pdu pdu = decode_pdu_hex(parts[i].pdu);
      REQUIRE(pdu.concat());
      CHECK(pdu.concat()->reference == 42);
      CHECK(pdu.concat()->part == i + 1);
      CHECK(pdu.concat()->total == parts.size());
      joined += pdu.ud.text;
    }
    CHECK(joined == text);
  }
}

TEST_CASE("the TPDU length excludes the SMSC field, as AT+CMGR announces it") {
  for (const encoded_part& part : encode_deliver(from_to("+6281234567890", std::string(200, 'b')))) {
    const std::size_t smsc_octets = hex_decode(part.pdu.substr(0, 2))[0];
    CHECK(part.tpdu_length == part.pdu.size() / 2 - 1 - smsc_octets);
  }
}

TEST_CASE("an empty SMSC gives the 00 field") {
  deliver_request request = from_to("+6281234567890", "x");
  request.smsc.clear();
  const auto parts = encode_deliver(request);
  CHECK(parts[0].pdu.substr(0, 2) == "00");
  CHECK_FALSE(decode_pdu_hex(parts[0].pdu).smsc);
}

TEST_CASE("a STATUS-REPORT carries the reference, recipient, both times and the status") {
  const encoded_part part = encode_status_report(report(5, "+6281234567890", 0x00));
  const decoded_pdu pdu = decode_pdu_hex(part.pdu);
  CHECK(pdu.type == message_type::status_report);
  CHECK(pdu.message_reference == 5);
  CHECK(pdu.number == "+6281234567890");
  CHECK(pdu.service_centre_time->iso8601() == "2026-11-25T14:30:05+07:00");
  CHECK(pdu.discharge_time->iso8601() == "2026-11-25T14:30:09+07:00");
  CHECK(pdu.status == 0);
  CHECK(part.tpdu_length == part.pdu.size() / 2 - 7);  // SMSC field: 06 91 + 5 octets
}

TEST_CASE("a failed delivery status survives the round trip") {
  const decoded_pdu pdu = decode_pdu_hex(encode_status_report(report(255, "081234567890", 0x41)).pdu);
  CHECK(pdu.status == 0x41);
  CHECK(pdu.message_reference == 255);
  CHECK(pdu.number == "081234567890");
}
