// SPDX-License-Identifier: GPL-3.0-or-later
// Delivery receipts as SMSCs and gateways write them (SMPP 3.4 appendix B and the variations met
// in the field), the options that take precedence over the text, and the outcome of each state.

#include "smpp/receipt.h"

#include <catch2/catch.hpp>

#include "tests/unit/smpp/hex_bytes.h"

using namespace siaran::smpp;

namespace {

short_message_body receipt_deliver(std::string_view text) {
  short_message_body body;
  body.source_addr_ton = 1;
  body.source_addr_npi = 1;
  body.source_addr = "6281234567890";
  body.destination_addr = "POKJANAL";
  body.esm_class = esm::delivery_receipt;
  body.short_message = siaran::smpp::test::text(text);
  return body;
}

std::chrono::system_clock::time_point utc(int y, unsigned mo, unsigned d, int h, int mi,
                                          int s = 0) {
  using namespace std::chrono;
  return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s};
}

}  // namespace

TEST_CASE("the appendix B receipt text as Kannel's fakesmsc and most SMSCs write it") {
  auto parsed =
      receipt_of(receipt_deliver("id:0123456789 sub:001 dlvrd:001 submit date:0610191018 done "
                                 "date:0610191019 stat:DELIVRD err:000 text:Test"));
  CHECK(parsed.message_id == "0123456789");
  CHECK(parsed.state == "DELIVRD");
  CHECK(parsed.error_code == 0);
  CHECK(parsed.recipient == "+6281234567890");
  CHECK(parsed.done_at == utc(2006, 10, 19, 10, 19));
  CHECK(parsed.outcome() == receipt_outcome::delivered);
}

TEST_CASE("Jasmin's receipt with a UUID id and an empty text") {
  auto parsed = receipt_of(receipt_deliver(
      "id:b0d6a8a5-6b12-4f2a-8a1a-3a3e58a4c2d2 sub:001 dlvrd:000 submit date:2612071530 "
      "done date:2612071545 stat:UNDELIV err:001 text:"));
  CHECK(parsed.message_id == "b0d6a8a5-6b12-4f2a-8a1a-3a3e58a4c2d2");
  CHECK(parsed.state == "UNDELIV");
  CHECK(parsed.error_code == 1);
  CHECK(parsed.outcome() == receipt_outcome::undelivered);
}

TEST_CASE("forgiving readings") {
  SECTION("no err, no text, lower-case state") {
    auto parsed = parse_receipt_text(
        "id:77 sub:001 dlvrd:001 submit date:2612071530 done date:2612071531 stat:delivrd");
    CHECK(parsed.message_id == "77");
    CHECK(parsed.state == "DELIVRD");
    CHECK_FALSE(parsed.error_code.has_value());
  }
  SECTION("keys in another order and in upper case, 12-digit dates") {
    auto parsed = parse_receipt_text(
        "STAT:EXPIRED ERR:0C3 DONE DATE:261207153059 ID:1A2B3C SUB:001 DLVRD:000");
    CHECK(parsed.message_id == "1A2B3C");
    CHECK(parsed.state == "EXPIRED");
    CHECK(parsed.error_code == 0x0C3);
    CHECK(parsed.done_at == utc(2026, 12, 7, 15, 30, 59));
    CHECK(parsed.outcome() == receipt_outcome::undelivered);
  }
  SECTION("underscored date keys and a text that itself says stat:") {
    auto parsed = parse_receipt_text(
        "id:9 submit_date:2612071530 done_date:2612071531 stat:REJECTD text:stat:DELIVRD");
    CHECK(parsed.state == "REJECTD");
    CHECK(parsed.done_at == utc(2026, 12, 7, 15, 31));
  }
  SECTION("a bad date is left out, not guessed") {
    auto parsed = parse_receipt_text("id:9 done date:2613451530 stat:ACCEPTD");
    CHECK_FALSE(parsed.done_at.has_value());
    CHECK(parsed.outcome() == receipt_outcome::pending);
  }
  SECTION("a key only inside another word is not a key") {
    auto parsed = parse_receipt_text("msgid:5 stat:ENROUTE");
    CHECK(parsed.message_id.empty());
    CHECK(parsed.outcome() == receipt_outcome::pending);
  }
}

TEST_CASE("receipted_message_id and message_state take precedence over the text") {
  auto body = receipt_deliver("id:0000000001 sub:001 dlvrd:001 stat:ENROUTE err:000 text:x");
  body.tlvs.push_back(make_tlv_string(tag::receipted_message_id, "1A2B"));
  body.tlvs.push_back(make_tlv_u8(tag::message_state, message_state::delivered));
  auto parsed = receipt_of(body);
  CHECK(parsed.message_id == "1A2B");
  CHECK(parsed.state == "DELIVRD");
  CHECK(parsed.outcome() == receipt_outcome::delivered);
}

TEST_CASE("a receipt with options only, and one in message_payload") {
  short_message_body body;
  body.source_addr = "081234567890";
  body.esm_class = esm::delivery_receipt;
  body.tlvs.push_back(make_tlv_string(tag::receipted_message_id, "abc"));
  body.tlvs.push_back(make_tlv_u8(tag::message_state, message_state::undeliverable));
  body.tlvs.push_back({tag::network_error_code, {0x03, 0x00, 0x0B}});
  auto parsed = receipt_of(body);
  CHECK(parsed.message_id == "abc");
  CHECK(parsed.state == "UNDELIV");
  CHECK(parsed.error_code == 11);
  CHECK(parsed.recipient == "081234567890");

  short_message_body in_payload;
  in_payload.esm_class = esm::delivery_receipt;
  in_payload.tlvs.push_back(
      {tag::message_payload, siaran::smpp::test::text("id:42 stat:DELETED err:5")});
  CHECK(receipt_of(in_payload).message_id == "42");
  CHECK(receipt_of(in_payload).outcome() == receipt_outcome::undelivered);
}

TEST_CASE("a receipt without any id is refused") {
  CHECK_THROWS_AS(receipt_of(receipt_deliver("sub:001 stat:DELIVRD")), pdu_error);
}

TEST_CASE("which esm_class marks a receipt") {
  CHECK(is_receipt(0x04));
  CHECK(is_receipt(0x44));
  CHECK(is_receipt(0x08));
  CHECK(is_receipt(0x20));
  CHECK_FALSE(is_receipt(0x00));
  CHECK_FALSE(is_receipt(0x40));
  CHECK_FALSE(is_receipt(0x03));
}

TEST_CASE("outcomes of every state") {
  auto outcome = [](std::string state) {
    return receipt{"1", std::move(state), {}, {}, {}}.outcome();
  };
  CHECK(outcome("DELIVRD") == receipt_outcome::delivered);
  for (auto state : {"UNDELIV", "EXPIRED", "REJECTD", "DELETED"})
    CHECK(outcome(state) == receipt_outcome::undelivered);
  CHECK(outcome("ACCEPTD") == receipt_outcome::pending);
  CHECK(outcome("ENROUTE") == receipt_outcome::pending);
  CHECK(outcome("UNKNOWN") == receipt_outcome::unknown);
  CHECK(outcome("WHATEVER") == receipt_outcome::unknown);
}

TEST_CASE("message ids written in hex on one side and decimal on the other") {
  using ids = std::vector<std::string>;
  CHECK(message_id_candidates("1A2B") == ids{"1A2B", "6699"});
  CHECK(message_id_candidates("0006699") == ids{"0006699", "6699", "1a2b", "1A2B"});
  CHECK(message_id_candidates("10") == ids{"10", "a", "A"});
  CHECK(message_id_candidates("b0d6a8a5-6b12") == ids{"b0d6a8a5-6b12"});
  CHECK(message_id_candidates("") == ids{""});
  // Too long for 64 bits: only itself.
  CHECK(message_id_candidates("123456789012345678901234567890") ==
        ids{"123456789012345678901234567890"});
}
