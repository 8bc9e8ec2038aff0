// SPDX-License-Identifier: GPL-3.0-or-later
// deliver_sm carrying an incoming SMS, made into the decoded form a modem gives: GSM, UCS2,
// Latin-1, 8-bit, concatenated parts, message_payload.

#include "smpp/incoming.h"

#include <catch2/catch.hpp>

#include "tests/unit/smpp/hex_bytes.h"

using namespace siaran::smpp;
using siaran::smpp::test::cat;
using siaran::smpp::test::hex;
using siaran::smpp::test::text;

namespace {

short_message_body mo(std::uint8_t data_coding, std::vector<std::uint8_t> octets,
                      std::uint8_t esm_class = 0) {
  short_message_body body;
  body.source_addr_ton = 1;
  body.source_addr_npi = 1;
  body.source_addr = "6281234567890";
  body.dest_addr_ton = 0;
  body.destination_addr = "9988";
  body.esm_class = esm_class;
  body.data_coding = data_coding;
  body.short_message = std::move(octets);
  return body;
}

}  // namespace

TEST_CASE("a GSM text, one septet per octet, with an extension character") {
  auto incoming = incoming_of(mo(0, cat({text("HADIR "), hex("1B65"), text(" 00")})));
  const auto& message = incoming.message;
  CHECK(message.type == siaran::sms::message_type::deliver);
  CHECK(message.number == "+6281234567890");
  CHECK(message.number_type == 0x91);
  CHECK(message.coding.alphabet == siaran::sms::encoding::gsm7);
  CHECK(message.ud.text == "HADIR \xE2\x82\xAC 00");  // 1B 65 is the euro sign
  CHECK_FALSE(message.ud.has_header);
  CHECK(incoming.raw_hex ==
        "484144495220"
        "1B65"
        "203030");
}

TEST_CASE("a UCS2 text from a national number") {
  auto body = mo(8, hex("0048 0061 006C 006F 0020 20AC"));
  body.source_addr_ton = 0;
  body.source_addr = "081234567890";
  auto incoming = incoming_of(body);
  CHECK(incoming.message.number == "081234567890");
  CHECK(incoming.message.coding.alphabet == siaran::sms::encoding::ucs2);
  CHECK(incoming.message.ud.text == "Halo \xE2\x82\xAC");
}

TEST_CASE("IA5 and Latin-1 texts") {
  CHECK(incoming_of(mo(1, text("a@b_c"))).message.ud.text == "a@b_c");
  CHECK(incoming_of(mo(3, hex("436166E9"))).message.ud.text == "Caf\xC3\xA9");
}

TEST_CASE("a concatenated part keeps its header so the parts reassemble") {
  auto incoming = incoming_of(mo(0, cat({hex("050003070302"), text("bagian dua")}), esm::udhi));
  const auto& message = incoming.message;
  CHECK(message.ud.has_header);
  CHECK(message.ud.header_octets == hex("0003070302"));
  REQUIRE(message.concat().has_value());
  CHECK(*message.concat() == siaran::sms::concat_info{7, 2, 3});
  CHECK(message.ud.text == "bagian dua");
  CHECK(message.first_octet == 0x40);
}

TEST_CASE("8-bit data is kept as octets and shown in hex") {
  auto incoming = incoming_of(mo(4, hex("DEADBEEF")));
  CHECK(incoming.message.coding.alphabet == siaran::sms::encoding::eight_bit);
  CHECK(incoming.message.ud.data == hex("DEADBEEF"));
  CHECK(incoming.message.ud.text == "DEADBEEF");
}

TEST_CASE("message_payload stands in for an empty short_message") {
  auto body = mo(0, {});
  body.tlvs.push_back(
      {tag::message_payload, text("a text longer than one short message could be")});
  auto incoming = incoming_of(body);
  CHECK(incoming.message.ud.text == "a text longer than one short message could be");
}

TEST_CASE("a header running past the message is a pdu_error") {
  CHECK_THROWS_AS(incoming_of(mo(0, hex("0900030703"), esm::udhi)), pdu_error);
  CHECK_THROWS_AS(incoming_of(mo(0, {}, esm::udhi)), pdu_error);
  CHECK_THROWS_AS(incoming_of(mo(0, hex("05000307"), esm::udhi)), pdu_error);
}
