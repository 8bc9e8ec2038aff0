// SPDX-License-Identifier: GPL-3.0-or-later
// SMS-SUBMIT encoding, TS 23.040 §9.2.2.2, and the length AT+CMGS needs.
#include <catch2/catch.hpp>

#include "sms/address.h"
#include "sms/codec_error.h"
#include "sms/validity_period.h"
#include "tests/unit/sms/test_helpers.h"

using namespace siaran::sms;
using siaran::sms::test::encode_and_decode;
using siaran::sms::test::text_to;

namespace {

// AT+CMGS=<n> counts the TPDU only: every octet after the SMSC field.
std::size_t tpdu_length_of(const std::string& pdu_hex) {
  const std::size_t smsc_length = hex_decode(pdu_hex.substr(0, 2))[0];
  return pdu_hex.size() / 2 - 1 - smsc_length;
}

}  // namespace

TEST_CASE("the well-known 'hellohello' SUBMIT PDU is reproduced bit for bit") {
  submit_request request = text_to("+46708251358", "hellohello");
  request.validity = std::chrono::hours(24 * 4);
  const auto parts = encode_submit(request);
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].pdu == "0011000B916407281553F80000AA0AE8329BFD4697D9EC37");
  CHECK(parts[0].tpdu_length == 23);
}

TEST_CASE("without options the PDU has SMSC 00, MR 0, no validity and no report request") {
  const auto parts = encode_submit(text_to("+27820001111", "Hello World!"));
  CHECK(parts[0].pdu == "0001000B917228001011F100000CC8329BFD065DDF72363904");
}

TEST_CASE("the AT+CMGS length is correct for every part") {
  submit_request request = text_to("+6281234567890", std::string(400, 'x') + "\xE2\x82\xAC");
  request.smsc = "+6281100000";
  for (const encoded_part& part : encode_submit(request)) {
    CHECK(part.tpdu_length == tpdu_length_of(part.pdu));
  }
}

TEST_CASE("an explicit SMSC is encoded in front of the TPDU") {
  submit_request request = text_to("+6281234567890", "x");
  request.smsc = "+6281100000";
  CHECK(encode_submit(request)[0].pdu.substr(0, 14) == "06912618010000");
}

TEST_CASE("destination addresses choose their type of address") {
  const auto [number, encoded] = GENERATE(table<std::string, std::string>({
      {"+46708251358", "0B916407281553F8"},
      {"081234567890", "0C81802143658709"},
      {"0812-3456-7890", "0C81802143658709"},
      {"+46 (70) 825.13.58", "0B916407281553F8"},
      {"*#123#", "0681BA21B3"},
      {"Siaran", "0BD0D374581E7603"},
  }));
  CHECK(hex_encode(encode_address(number)) == encoded);
}

TEST_CASE("bad destination numbers are refused") {
  const auto number = GENERATE(as<std::string>{}, "", "+", "+62 812 abc", "+123456789012345678901",
                               "TwelveLetter", "nomor\xE2\x80\x99");
  CHECK_THROWS_AS(encode_address(number), codec_error);
}

TEST_CASE("flash messages use class 0 coding") {
  submit_request gsm = text_to("+6281234567890", "Flash");
  gsm.flash = true;
  CHECK(encode_and_decode(gsm)[0].coding.dcs == 0x10);
  submit_request ucs2 = text_to("+6281234567890", "\xD0\xB6");
  ucs2.flash = true;
  CHECK(encode_and_decode(ucs2)[0].coding.dcs == 0x18);
  CHECK(encode_and_decode(ucs2)[0].coding.message_class == 0);
}

TEST_CASE("8-bit data uses TP-DCS 0x04") {
  submit_request request = text_to("+6281234567890", "");
  request.data = std::vector<std::uint8_t>{0xCA, 0xFE};
  const auto decoded = encode_and_decode(request);
  CHECK(decoded[0].coding.dcs == 0x04);
  CHECK(decoded[0].ud.text == "CAFE");
}

TEST_CASE("report request, reject duplicates and message reference set their fields") {
  submit_request request = text_to("+6281234567890", "x");
  request.status_report = true;
  request.reject_duplicates = true;
  request.message_reference = 77;
  const decoded_pdu pdu = encode_and_decode(request)[0];
  CHECK(pdu.first_octet == 0x25);
  CHECK(pdu.status_report_requested);
  CHECK(pdu.reject_duplicates);
  CHECK(pdu.message_reference == 77);
}

TEST_CASE("relative validity rounds up to the next period TP-VP can express") {
  using std::chrono::minutes;
  const auto [duration, octet] = GENERATE(table<long, int>({
      {1, 0},
      {5, 0},
      {6, 1},
      {30, 5},
      {12 * 60, 143},
      {12 * 60 + 1, 144},
      {24 * 60, 167},
      {24 * 60 + 1, 168},
      {2 * 1440, 168},
      {7 * 1440, 173},
      {30 * 1440, 196},
      {31 * 1440, 197},
      {63 * 10080, 255},
      {100 * 10080, 255},
  }));
  CHECK(relative_validity_octet(minutes{duration}) == octet);
}

TEST_CASE("every relative validity octet maps back to itself") {
  for (int octet = 0; octet <= 255; ++octet) {
    const auto value = static_cast<std::uint8_t>(octet);
    CHECK(relative_validity_octet(relative_validity_duration(value)) == value);
  }
}

TEST_CASE("concatenated parts carry 05 00 03 ref total part and UDHI") {
  submit_request request = text_to("+6281234567890", std::string(200, 'a'));
  request.concat_reference = 0x42;
  const auto parts = encode_submit(request);
  REQUIRE(parts.size() == 2);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const decoded_pdu pdu = decode_pdu_hex(parts[i].pdu);
    CHECK((pdu.first_octet & 0x40) != 0);
    CHECK(hex_encode(pdu.ud.header_octets) == "000342020" + std::to_string(i + 1));
    CHECK(pdu.ud.length == 7 + (i == 0 ? 153 : 47));
  }
  // One fill bit after the 6-octet header: 'a' (0x61) shifted left by one is 0xC2.
  CHECK(parts[0].pdu.substr(30, 14) == "050003420201C2");
}
