// SPDX-License-Identifier: GPL-3.0-or-later
// The SMPP 3.4 codec against PDUs written out octet by octet from the specification's tables
// (§4.1.1 bind, §4.4.1 submit_sm, §4.6.1 deliver_sm, §5.3.2 TLVs), round trips, and every kind
// of malformed input.

#include "smpp/pdu.h"

#include <catch2/catch.hpp>

#include "tests/unit/smpp/hex_bytes.h"

using namespace siaran::smpp;
using siaran::smpp::test::c_str;
using siaran::smpp::test::cat;
using siaran::smpp::test::hex;
using siaran::smpp::test::text;

namespace {

std::vector<std::uint8_t> bind_transceiver_octets() {
  return cat({hex("0000002F 00000009 00000000 00000001"), c_str("SMPP3TEST"), c_str("secret08"),
              c_str("SUBMIT1"), hex("34 01 01"), c_str("")});
}

// submit_sm from the registered name POKJANAL to 6281234567890, part 1 of 3 (UDH reference 0x2A),
// "Halo".
std::vector<std::uint8_t> submit_sm_octets() {
  return cat({hex("00000040 00000004 00000000 00000007"), c_str(""), hex("05 00"),
              c_str("POKJANAL"), hex("01 01"), c_str("6281234567890"), hex("40 00 00"), c_str(""),
              c_str(""), hex("01 00 00 00"), hex("0A"), hex("05 00 03 2A 03 01"), text("Halo")});
}

const std::string receipt_text =
    "id:1A2B sub:001 dlvrd:001 submit date:2612071530 done date:2612071531 stat:DELIVRD err:000 "
    "text:Halo";

std::vector<std::uint8_t> deliver_sm_receipt_octets() {
  auto body = cat({c_str(""),
                   hex("01 01"),
                   c_str("6281234567890"),
                   hex("05 00"),
                   c_str("POKJANAL"),
                   hex("04 00 00"),
                   c_str(""),
                   c_str(""),
                   hex("00 00 00 00"),
                   {static_cast<std::uint8_t>(receipt_text.size())},
                   text(receipt_text),
                   hex("001E 0005"),
                   c_str("1A2B"),
                   hex("0427 0001 02")});
  auto length = static_cast<std::uint8_t>(16 + body.size());
  return cat({hex("000000"), {length}, hex("00000005 00000000 0000002A"), body});
}

template <typename F>
pdu_error error_of(F&& f) {
  try {
    f();
  } catch (const pdu_error& e) {
    return e;
  }
  FAIL("no pdu_error");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("bind_transceiver decodes field by field and encodes to the same octets") {
  auto octets = bind_transceiver_octets();
  auto message = decode(octets);
  CHECK(message.command_id == command::bind_transceiver);
  CHECK(message.sequence_number == 1);
  const auto& body = std::get<bind_body>(message.body);
  CHECK(body.system_id == "SMPP3TEST");
  CHECK(body.password == "secret08");
  CHECK(body.system_type == "SUBMIT1");
  CHECK(body.interface_version == 0x34);
  CHECK(body.addr_ton == 1);
  CHECK(body.addr_npi == 1);
  CHECK(body.address_range.empty());
  CHECK(encode(message) == octets);
}

TEST_CASE("bind_transceiver_resp carries the SMSC's system_id and sc_interface_version") {
  auto octets =
      cat({hex("0000001A 80000009 00000000 00000001"), c_str("SMSC"), hex("0210 0001 34")});
  auto message = decode(octets);
  const auto& body = std::get<bind_resp_body>(message.body);
  CHECK(body.system_id == "SMSC");
  CHECK(tlv_u8(body.tlvs, tag::sc_interface_version) == 0x34);
  CHECK(encode(message) == octets);

  SECTION("a refusal without a body") {
    auto refusal = hex("00000010 80000009 0000000E 00000001");
    auto refused = decode(refusal);
    CHECK(refused.command_status == status::invalid_password);
    CHECK(std::get<bind_resp_body>(refused.body).system_id.empty());
    CHECK(encode(refused) == refusal);
  }
}

TEST_CASE("submit_sm with a user data header") {
  auto octets = submit_sm_octets();
  auto message = decode(octets);
  const auto& body = std::get<short_message_body>(message.body);
  CHECK(message.sequence_number == 7);
  CHECK(body.source_addr_ton == 5);
  CHECK(body.source_addr_npi == 0);
  CHECK(body.source_addr == "POKJANAL");
  CHECK(body.dest_addr_ton == 1);
  CHECK(body.destination_addr == "6281234567890");
  CHECK(body.esm_class == esm::udhi);
  CHECK(body.registered_delivery == 1);
  CHECK(body.data_coding == 0);
  CHECK(body.short_message == cat({hex("05 00 03 2A 03 01"), text("Halo")}));
  CHECK(body.tlvs.empty());
  CHECK(encode(message) == octets);
}

TEST_CASE("deliver_sm receipt with receipted_message_id and message_state") {
  auto octets = deliver_sm_receipt_octets();
  auto message = decode(octets);
  CHECK(message.command_id == command::deliver_sm);
  const auto& body = std::get<short_message_body>(message.body);
  CHECK((body.esm_class & esm::type_mask) == esm::delivery_receipt);
  CHECK(std::string(body.short_message.begin(), body.short_message.end()) == receipt_text);
  CHECK(tlv_string(body.tlvs, tag::receipted_message_id) == "1A2B");
  CHECK(tlv_u8(body.tlvs, tag::message_state) == message_state::delivered);
  CHECK(message_state_text(message_state::delivered) == "DELIVRD");
  CHECK(encode(message) == octets);
}

TEST_CASE("responses and bodiless PDUs") {
  SECTION("submit_sm_resp with a message_id") {
    auto octets = cat({hex("00000019 80000004 00000000 00000007"), c_str("5f3a0b21")});
    auto message = decode(octets);
    CHECK(std::get<message_id_body>(message.body).message_id == "5f3a0b21");
    CHECK(encode(message) == octets);
  }
  SECTION("a throttling submit_sm_resp without a body") {
    auto octets = hex("00000010 80000004 00000058 00000008");
    auto message = decode(octets);
    CHECK(message.command_status == status::throttled);
    CHECK(std::get<message_id_body>(message.body).message_id.empty());
    CHECK(encode(message) == octets);
  }
  SECTION("deliver_sm_resp with the empty message_id") {
    pdu answer{command::deliver_sm_resp, status::ok, 42, message_id_body{}};
    CHECK(encode(answer) == hex("00000011 80000005 00000000 0000002A 00"));
    CHECK(decode(encode(answer)) == answer);
  }
  SECTION("enquire_link, unbind and generic_nack") {
    for (auto id : {command::enquire_link, command::enquire_link_resp, command::unbind,
                    command::unbind_resp, command::generic_nack}) {
      pdu message{id, id == command::generic_nack ? status::invalid_command_id : status::ok, 9,
                  std::monostate{}};
      auto octets = encode(message);
      CHECK(octets.size() == 16);
      CHECK(decode(octets) == message);
    }
  }
  SECTION("an unknown command keeps its body") {
    auto octets = hex("00000013 00000222 00000000 00000005 AABBCC");
    auto message = decode(octets);
    CHECK(message.command_id == 0x222);
    CHECK(std::get<raw_body>(message.body).octets == hex("AABBCC"));
    CHECK(command_name(0x222) == "command 0x00000222");
  }
}

TEST_CASE("data_sm round trip") {
  data_sm_body body;
  body.source_addr = "6281234567890";
  body.source_addr_ton = 1;
  body.destination_addr = "POKJANAL";
  body.data_coding = 8;
  body.tlvs.push_back({tag::message_payload, {0x00, 0x48, 0x00, 0x69}});
  pdu message{command::data_sm, status::ok, 3, body};
  CHECK(decode(encode(message)) == message);
}

TEST_CASE("status and command names") {
  CHECK(status_name(status::throttled) == "ESME_RTHROTTLED");
  CHECK(status_name(status::message_queue_full) == "ESME_RMSGQFUL");
  CHECK(status_name(status::temporary_app_error) == "ESME_RX_T_APPN");
  CHECK(status_name(status::invalid_password) == "ESME_RINVPASWD");
  CHECK(status_name(0x400) == "status 0x00000400");
  CHECK(command_name(command::submit_sm_resp) == "submit_sm_resp");
}

TEST_CASE("framing reads command_length and refuses what cannot be a PDU") {
  CHECK(pdu_length(hex("0000002F")) == 47);
  CHECK(pdu_length(hex("00000010")) == 16);
  CHECK(error_of([] { pdu_length(hex("0000000F")); }).field() == "command_length");
  CHECK(error_of([] { pdu_length(hex("00010001")); }).field() == "command_length");
  CHECK(error_of([] { pdu_length(hex("FFFFFFFF")); }).offset() == 0);
  CHECK(error_of([] { pdu_length(hex("0000")); }).field() == "command_length");
}

TEST_CASE("malformed PDUs name the field and the offset") {
  SECTION("command_length differs from the PDU's size") {
    auto octets = bind_transceiver_octets();
    octets.pop_back();
    auto error = error_of([&] { decode(octets); });
    CHECK(error.field() == "command_length");
    CHECK(std::string(error.what()).find("says 47 octets but the PDU has 46") != std::string::npos);
  }
  SECTION("a header cut short") {
    auto error = error_of([] { decode(hex("00000008 00000015")); });
    CHECK(error.field() == "PDU header: command_status");
  }
  SECTION("an unterminated C-octet string") {
    auto octets = cat({hex("00000014 00000009 00000000 00000001"), text("SMPP")});
    auto error = error_of([&] { decode(octets); });
    CHECK(error.field() == "bind_transceiver: system_id");
    CHECK(error.offset() == 16);
    CHECK(std::string(error.what()).find("not terminated") != std::string::npos);
  }
  SECTION("a string over its field's length") {
    auto octets = cat({hex("0000002F 00000009 00000000 00000001"), c_str("SMPP3TEST"),
                       c_str("secret089"), c_str("SUBMIT"), hex("34 01 01"), c_str("")});
    auto error = error_of([&] { decode(octets); });
    CHECK(error.field() == "bind_transceiver: password");
    CHECK(error.offset() == 26);
    CHECK(std::string(error.what()).find("longer than 8") != std::string::npos);
  }
  SECTION("sm_length past the end") {
    auto octets = submit_sm_octets();
    octets[16 + 37] = 0x0B;  // sm_length: one more than the 10 octets there
    auto error = error_of([&] { decode(octets); });
    CHECK(error.field() == "submit_sm: short_message");
    CHECK(error.offset() == 54);
  }
  SECTION("sm_length above 254") {
    auto octets = submit_sm_octets();
    octets[16 + 37] = 0xFF;
    CHECK(error_of([&] { decode(octets); }).field() == "submit_sm: sm_length");
  }
  SECTION("a TLV longer than the body") {
    auto octets = deliver_sm_receipt_octets();
    octets[octets.size() - 2] = 0x02;  // message_state says 2 octets, 1 follows
    auto error = error_of([&] { decode(octets); });
    CHECK(error.field() == "deliver_sm: TLV value");
    CHECK(error.offset() == octets.size() - 1);
  }
  SECTION("a TLV header cut short") {
    auto resp = cat({hex("00000014 80000009 00000000 00000001"), c_str("SM"), hex("02")});
    CHECK(error_of([&] { decode(resp); }).field() == "bind_transceiver_resp: TLV tag");
  }
  SECTION("octets after an enquire_link") {
    auto error = error_of([] { decode(hex("00000011 00000015 00000000 00000001 00")); });
    CHECK(error.field() == "enquire_link: command_length");
    CHECK(error.offset() == 16);
  }
  SECTION("a schedule time of the wrong length") {
    auto octets = submit_sm_octets();
    // schedule_delivery_time is the empty string at offset 47; make it "1" and drop a later NULL.
    auto bad = octets;
    bad[47] = '1';
    bad.insert(bad.begin() + 48, 0);
    bad[3] = static_cast<std::uint8_t>(bad.size());
    CHECK(error_of([&] { decode(bad); }).field() == "submit_sm: schedule_delivery_time");
  }
}

TEST_CASE("encode refuses what the wire cannot carry") {
  bind_body body;
  body.system_id = "a-system-id-too-long";
  CHECK(error_of([&] {
          encode({command::bind_transceiver, 0, 1, body});
        }).field() == "bind_transceiver: system_id");

  short_message_body sm;
  sm.short_message.assign(255, 'x');
  CHECK(error_of([&] {
          encode({command::submit_sm, 0, 1, sm});
        }).field() == "submit_sm: short_message");

  sm.short_message.clear();
  sm.source_addr = "123456789012345678901";
  CHECK(error_of([&] {
          encode({command::submit_sm, 0, 1, sm});
        }).field() == "submit_sm: source_addr");

  CHECK(error_of([&] {
          encode({command::enquire_link, 0, 1, bind_body{}});
        }).field() == "enquire_link");
}

TEST_CASE("round trips of every body") {
  short_message_body sm;
  sm.service_type = "CMT";
  sm.source_addr = "POKJANAL";
  sm.source_addr_ton = 5;
  sm.destination_addr = "6281234567890";
  sm.schedule_delivery_time = "261207153000000+";
  sm.validity_period = "000001000000000R";
  sm.data_coding = 8;
  sm.short_message = {0x00, 0x48};
  sm.tlvs.push_back(make_tlv_u16(tag::sar_msg_ref_num, 0x1234));
  sm.tlvs.push_back(make_tlv_string(tag::receipted_message_id, "abc"));
  for (auto id : {command::submit_sm, command::deliver_sm}) {
    pdu message{id, status::ok, 0x7FFFFFFF, sm};
    auto decoded = decode(encode(message));
    CHECK(decoded == message);
    CHECK(tlv_u16(std::get<short_message_body>(decoded.body).tlvs, tag::sar_msg_ref_num) == 0x1234);
  }
  pdu data_resp{command::data_sm_resp, status::ok, 4,
                message_id_body{"id-1", {make_tlv_u8(0x0425, 1)}}};
  CHECK(decode(encode(data_resp)) == data_resp);
}
