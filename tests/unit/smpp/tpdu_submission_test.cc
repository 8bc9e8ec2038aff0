// SPDX-License-Identifier: GPL-3.0-or-later
// Stored parts (SMS-SUBMIT PDUs as the modems send them) made into submit_sm requests: the same
// destination and user data header, the text one GSM septet per octet or in UCS2.

#include "smpp/tpdu_submission.h"

#include <catch2/catch.hpp>

#include "sms/codec_error.h"
#include "sms/submit_encoder.h"
#include "tests/unit/smpp/hex_bytes.h"

using namespace siaran::smpp;
using siaran::smpp::test::cat;
using siaran::smpp::test::hex;
using siaran::smpp::test::text;

namespace {

std::vector<siaran::sms::encoded_part> parts_of(std::string to, std::string message,
                                                std::uint8_t reference = 0) {
  siaran::sms::submit_request request;
  request.to = std::move(to);
  request.text = std::move(message);
  request.concat_reference = reference;
  return siaran::sms::encode_submit(request);
}

}  // namespace

TEST_CASE("a short GSM text") {
  auto parts = parts_of("+6281234567890", "Posyandu besok jam 8 {Melati}");
  REQUIRE(parts.size() == 1);
  auto request = submission_of_tpdu(parts[0].pdu, "POKJANAL", true);
  CHECK(request.source == "POKJANAL");
  CHECK(request.destination == "+6281234567890");
  CHECK(request.data_coding == 0);
  CHECK_FALSE(request.udhi);
  CHECK(request.registered_delivery);
  // '{' and '}' are the extension table's 0x28 and 0x29 behind the escape 0x1B.
  CHECK(request.short_message ==
        cat({text("Posyandu besok jam 8 "), hex("1B28"), text("Melati"), hex("1B29")}));
}

TEST_CASE("a long GSM text in three parts keeps each part's concatenation header") {
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "Kader " + std::to_string(i) + ". ";
  auto parts = parts_of("+6281234567890", long_text, 0x2A);
  REQUIRE(parts.size() == 3);
  std::string rebuilt;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    auto request = submission_of_tpdu(parts[i].pdu, "+6281100000", false);
    CHECK(request.source == "+6281100000");
    CHECK(request.destination == "+6281234567890");
    CHECK(request.udhi);
    CHECK_FALSE(request.registered_delivery);
    CHECK(request.data_coding == 0);
    auto part_number = static_cast<std::uint8_t>(i + 1);
    REQUIRE(request.short_message.size() > 6);
    CHECK(std::vector<std::uint8_t>(request.short_message.begin(),
                                    request.short_message.begin() + 6) ==
          std::vector<std::uint8_t>{0x05, 0x00, 0x03, 0x2A, 0x03, part_number});
    CHECK(request.short_message.size() <= 6 + 153);
    rebuilt.append(request.short_message.begin() + 6, request.short_message.end());
  }
  CHECK(rebuilt == long_text);
}

TEST_CASE("a Unicode text as UCS2 octets") {
  auto parts = parts_of("+6281234567890", "Salam \xC4\x81");  // "Salam ā": not in the GSM alphabet
  REQUIRE(parts.size() == 1);
  auto request = submission_of_tpdu(parts[0].pdu, "POKJANAL", false);
  CHECK(request.data_coding == 8);
  CHECK_FALSE(request.udhi);
  CHECK(request.short_message == hex("0053 0061 006C 0061 006D 0020 0101"));
}

TEST_CASE("a PDU that cannot be read is a codec_error") {
  CHECK_THROWS_AS(submission_of_tpdu("0011000B91", "POKJANAL", false), siaran::sms::codec_error);
}
