// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding SMS-DELIVER, SMS-SUBMIT and SMS-STATUS-REPORT, TS 23.040 §9.2.2.
#include <catch2/catch.hpp>
#include <random>

#include "sms/codec_error.h"
#include "sms/delivery_status.h"
#include "tests/unit/sms/test_helpers.h"

using namespace siaran::sms;

namespace {

// A DELIVER from +6281234567890 with the given first octet, DCS, SCTS and user data.
std::string deliver(const std::string& dcs, const std::string& user_data,
                    const std::string& scts = "4230509003518A", const std::string& first = "04") {
  return "06912618010000" + first + "0D91" + "261832547698F0" + "00" + dcs + scts + user_data;
}

// A status report for MR 0x2A to +6281234567890 with status `status`.
std::string status_report(const std::string& status, const std::string& tail = "") {
  return "00"
         "06"
         "2A"
         "0D91"
         "261832547698F0"
         "42305090035102"
         "42305090035302" +
         status + tail;
}

}  // namespace

TEST_CASE("a DELIVER yields SMSC, originator, SCTS with its negative offset, and text") {
  const decoded_pdu pdu = decode_pdu_hex(deliver("00", "0AE8329BFD4697D9EC37"));
  CHECK(pdu.type == message_type::deliver);
  CHECK(pdu.smsc == "+6281100000");
  CHECK(pdu.number == "+6281234567890");
  CHECK(pdu.service_centre_time->iso8601() == "2024-03-05T09:30:15-07:00");
  CHECK(pdu.service_centre_time->iso8601_utc() == "2024-03-05T16:30:15Z");
  CHECK(pdu.ud.text == "hellohello");
  CHECK_FALSE(pdu.concat());
}

TEST_CASE("a positive time zone of +07:00 (WIB) decodes") {
  const decoded_pdu pdu = decode_pdu_hex(deliver("00", "00", "42305090035182"));
  CHECK(pdu.service_centre_time->iso8601() == "2024-03-05T09:30:15+07:00");
}

TEST_CASE("a bare TPDU decodes with the SMSC flag off") {
  const std::string tpdu = deliver("00", "0AE8329BFD4697D9EC37").substr(14);
  const decoded_pdu pdu = decode_pdu_hex(tpdu, false);
  CHECK_FALSE(pdu.smsc);
  CHECK(pdu.ud.text == "hellohello");
}

TEST_CASE("an alphanumeric originator decodes from packed GSM 7-bit") {
  const decoded_pdu pdu = decode_pdu_hex(
      "0004"
      "0BD0D374581E7603"
      "0000"
      "4230509003518A"
      "0141");
  CHECK(pdu.number == "Siaran");
  CHECK(pdu.ud.text == "A");
}

TEST_CASE("extended BCD digits decode as * # a b c") {
  CHECK(decode_pdu_hex("0004"
                       "0A81"
                       "BADCEE10F5"
                       "0000"
                       "4230509003518A"
                       "00")
            .number == "*#abcc015");
}

TEST_CASE("TP-DCS groups give alphabet, class and message waiting") {
  const auto [dcs, alphabet, message_class] = GENERATE(table<int, encoding, int>({
      {0x00, encoding::gsm7, -1},
      {0x08, encoding::ucs2, -1},
      {0x04, encoding::eight_bit, -1},
      {0x10, encoding::gsm7, 0},
      {0x19, encoding::ucs2, 1},
      {0x16, encoding::eight_bit, 2},
      {0x0C, encoding::gsm7, -1},
      {0x48, encoding::ucs2, -1},
      {0xF1, encoding::gsm7, 1},
      {0xF5, encoding::eight_bit, 1},
      {0xC8, encoding::gsm7, -1},
      {0xD0, encoding::gsm7, -1},
      {0xE9, encoding::ucs2, -1},
      {0x80, encoding::gsm7, -1},
  }));
  const data_coding coding = interpret_dcs(static_cast<std::uint8_t>(dcs));
  CHECK(coding.alphabet == alphabet);
  CHECK(coding.message_class.value_or(-1) == message_class);
}

TEST_CASE("message waiting groups say active, store and kind") {
  const data_coding discard = interpret_dcs(0xC8);
  REQUIRE(discard.waiting);
  CHECK(discard.waiting->active);
  CHECK_FALSE(discard.waiting->store);
  CHECK(discard.waiting->kind == waiting_kind::voicemail);
  const data_coding store_ucs2 = interpret_dcs(0xEA);
  CHECK(store_ucs2.waiting->store);
  CHECK(store_ucs2.waiting->kind == waiting_kind::email);
}

TEST_CASE("text in a UCS2 message waiting group decodes as UCS2") {
  CHECK(decode_pdu_hex(deliver("E8", "04043604B6")).ud.text == "\xD0\xB6\xD2\xB6");
}

TEST_CASE("compressed user data is refused with a clear error") {
  CHECK_THROWS_WITH(decode_pdu_hex(deliver("20", "0AE8329BFD4697D9EC37")),
                    Catch::Contains("compressed"));
}

TEST_CASE("a TP-UDL longer than the user data is an error naming both") {
  CHECK_THROWS_WITH(decode_pdu_hex(deliver("00", "A0E8329BFD4697D9EC37")),
                    Catch::Contains("TP-UDL says 160 septets but only 9 octets"));
}

TEST_CASE("GSM 7-bit user data with a 16-bit concatenation header skips its fill bits") {
  // UDH 06 08 04 1234 02 01: 7 octets = 8 septets, no fill bits; then "hi".
  const decoded_pdu pdu = decode_pdu_hex(deliver("00",
                                                 "0A"
                                                 "060804123402"
                                                 "01"
                                                 "E834",
                                                 "4230509003518A", "44"));
  REQUIRE(pdu.concat());
  CHECK(*pdu.concat() == concat_info{0x1234, 1, 2});
  CHECK(pdu.ud.text == "hi");
}

TEST_CASE("unknown information elements are skipped") {
  const decoded_pdu pdu = decode_pdu_hex(deliver("08",
                                                 "0E"
                                                 "08"
                                                 "7001FF"
                                                 "0003070201"
                                                 "0041004200",
                                                 "4230509003518A", "44"));
  CHECK(pdu.concat()->reference == 7);
  CHECK(pdu.ud.text == "AB");
}

TEST_CASE("a header longer than the user data is an error") {
  CHECK_THROWS_AS(decode_pdu_hex(deliver("08", "0306000302", "4230509003518A", "44")), codec_error);
  CHECK_THROWS_AS(decode_pdu_hex(deliver("00",
                                         "02"
                                         "0500",
                                         "4230509003518A", "44")),
                  codec_error);
}

TEST_CASE("a status report yields reference, recipient, both times and the status meaning") {
  const decoded_pdu pdu = decode_pdu_hex(status_report("00"));
  CHECK(pdu.type == message_type::status_report);
  CHECK(pdu.message_reference == 0x2A);
  CHECK(pdu.number == "+6281234567890");
  CHECK(pdu.service_centre_time->iso8601() == "2024-03-05T09:30:15+05:00");
  CHECK(pdu.discharge_time->iso8601() == "2024-03-05T09:30:35+05:00");
  CHECK(pdu.status == 0);
  CHECK(status_text(0) == "Short message received by the SME");
}

TEST_CASE("status values fall into the four ranges of §9.2.3.15") {
  CHECK(outcome_of(0x00) == delivery_outcome::completed);
  CHECK(outcome_of(0x21) == delivery_outcome::still_trying);
  CHECK(outcome_of(0x46) == delivery_outcome::failed);
  CHECK(outcome_of(0x62) == delivery_outcome::failed_temporary);
  CHECK(status_text(0x46) == "SM validity period expired");
  CHECK_THAT(std::string(status_text(0x5A)), Catch::Contains("Permanent error"));
}

TEST_CASE("every status value has its meaning in Bahasa Indonesia for the office, listed or by its range") {
  CHECK(status_text_id(0x00) == "Diterima oleh ponsel tujuan");
  CHECK(status_text_id(0x41) == "Nomor tidak dikenal (tujuan tidak dapat menerima SMS)");
  CHECK(status_text_id(0x46) == "Masa berlaku SMS habis sebelum diterima");
  CHECK(status_text_id(0x62) == "Ponsel tujuan tidak menjawab (pusat SMS berhenti mencoba)");
  CHECK(status_text_id(0x1F) == "Diterima");
  CHECK(status_text_id(0x3A) == "Gangguan sementara (pusat SMS masih mencoba)");
  CHECK(status_text_id(0x5A) == "Gagal terkirim");
  CHECK(status_text_id(0x7F) == "Gangguan sementara (pusat SMS berhenti mencoba)");
  CHECK(status_text_id(0xFF) == "Status tidak dikenal");
  CHECK(status_text(0xFF) == "Reserved value");
  CHECK(status_text(0x41) == "Incompatible destination");
}

TEST_CASE("a status report's optional TP-PI, TP-PID, TP-DCS and user data are read") {
  const decoded_pdu pdu = decode_pdu_hex(status_report("46",
                                                       "07"
                                                       "00"
                                                       "08"
                                                       "0400410042"));
  CHECK(pdu.status == 0x46);
  CHECK(pdu.ud.text == "AB");
  CHECK(pdu.coding.alphabet == encoding::ucs2);
}

TEST_CASE("a SUBMIT read back from storage gives destination, reference and validity") {
  const decoded_pdu pdu = decode_pdu_hex("0011000B916407281553F80000AA0AE8329BFD4697D9EC37");
  CHECK(pdu.type == message_type::submit);
  CHECK_FALSE(pdu.smsc);
  CHECK(pdu.number == "+46708251358");
  CHECK(pdu.validity == "P4D");
  CHECK(pdu.message_reference == 0);
  CHECK(pdu.ud.text == "hellohello");
}

TEST_CASE("the reserved TP-MTI 3 is treated as SMS-DELIVER") {
  CHECK(decode_pdu_hex(deliver("00", "0AE8329BFD4697D9EC37", "4230509003518A", "07")).type ==
        message_type::deliver);
}

TEST_CASE("a non-decimal timestamp digit is an error naming its octet") {
  CHECK_THROWS_WITH(decode_pdu_hex(deliver("00", "00", "4A30509003518A")),
                    Catch::Contains("octet 19"));
}

TEST_CASE("every proper prefix of a valid PDU is a codec_error") {
  const auto pdu = GENERATE(deliver("00", "0AE8329BFD4697D9EC37"),
                            deliver("08",
                                    "0E"
                                    "08"
                                    "7001FF"
                                    "0003070201"
                                    "0041004200",
                                    "4230509003518A", "44"),
                            std::string("0011000B916407281553F80000AA0AE8329BFD4697D9EC37"),
                            std::string("0004"
                                        "0BD0D374581E7603"
                                        "0000"
                                        "4230509003518A"
                                        "0141"));
  const auto octets = hex_decode(pdu);
  for (std::size_t length = 0; length < octets.size(); ++length) {
    CAPTURE(length);
    CHECK_THROWS_AS(decode_pdu(std::span(octets).first(length)), codec_error);
  }
}

TEST_CASE("a status report prefix is an error until TP-ST, the last mandatory field") {
  const auto octets = hex_decode(status_report("00"));
  for (std::size_t length = 0; length < octets.size(); ++length) {
    CHECK_THROWS_AS(decode_pdu(std::span(octets).first(length)), codec_error);
  }
}

TEST_CASE("random bytes decode or raise codec_error, never anything else") {
  std::mt19937 random(20240305);
  int decoded = 0;
  int refused = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<std::uint8_t> octets(random() % 60);
    for (auto& octet : octets) octet = static_cast<std::uint8_t>(random());
    for (const bool with_smsc : {true, false}) {
      try {
        decode_pdu(octets, with_smsc);
        ++decoded;
      } catch (const codec_error&) {
        ++refused;
      }
    }
  }
  // Both outcomes occur, so the loop exercised the decoder's paths and its checks.
  CHECK(decoded > 0);
  CHECK(refused > 0);
  CHECK(decoded + refused == 40000);
}
