// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/submitted_message.h"

#include <catch2/catch.hpp>
#include <string>

#include "smpp/sim/control.h"

using namespace siaran::smscsim;
namespace smpp = siaran::smpp;
namespace status = siaran::smpp::status;

namespace {

smpp::short_message_body submit(std::string text) {
  smpp::short_message_body body;
  body.source_addr_ton = 5;
  body.source_addr = "POKJANALKBB";
  body.dest_addr_ton = 1;
  body.destination_addr = "6281234567890";
  body.short_message.assign(text.begin(), text.end());
  return body;
}

std::uint32_t refusal(const smpp::short_message_body& body) {
  try {
    read_submit(body);
  } catch (const submit_refused& e) {
    return e.command_status();
  }
  return status::ok;
}

}  // namespace

TEST_CASE(
    "a submit's text is read in its data_coding: GSM one per octet, Latin-1, UCS2, binary as hex") {
  auto gsm = submit("Halo ");
  gsm.short_message.push_back(0x00);  // '@' in the GSM alphabet
  CHECK(read_submit(gsm).text == "Halo @");
  auto latin1 = submit("caf\xE9");
  latin1.data_coding = 3;
  CHECK(read_submit(latin1).text == "caf\xC3\xA9");
  auto ucs2 = submit("");
  ucs2.data_coding = 8;
  ucs2.short_message = {0x00, 0x41, 0x27, 0x13};
  CHECK(read_submit(ucs2).text == "A\xE2\x9C\x93");
  auto binary = submit("");
  binary.data_coding = 4;
  binary.short_message = {0xCA, 0xFE};
  CHECK(read_submit(binary).text == "CAFE");
}

TEST_CASE(
    "a submit's concatenation comes from its header or the sar options, and message_payload may be "
    "long") {
  auto udh = submit("");
  udh.esm_class = smpp::esm::udhi;
  udh.short_message = {0x05, 0x00, 0x03, 0x11, 0x02, 0x01, 'a', 'b'};
  const submitted_message read = read_submit(udh);
  CHECK(read.text == "ab");
  CHECK(read.concat == siaran::sms::concat_info{0x11, 1, 2});
  CHECK(read.octets == 8);

  auto sar = submit("ab");
  sar.tlvs = {smpp::make_tlv_u16(smpp::tag::sar_msg_ref_num, 300),
              smpp::make_tlv_u8(smpp::tag::sar_total_segments, 3),
              smpp::make_tlv_u8(smpp::tag::sar_segment_seqnum, 3)};
  CHECK(read_submit(sar).concat == siaran::sms::concat_info{300, 3, 3});

  auto payload = submit("");
  payload.tlvs = {{smpp::tag::message_payload, std::vector<std::uint8_t>(300, 'x')}};
  CHECK(read_submit(payload).from_payload);
  CHECK(read_submit(payload).text == std::string(300, 'x'));
}

TEST_CASE("a submit is refused with the status a real SMSC answers") {
  CHECK(refusal(submit("ok")) == status::ok);
  auto destination = submit("x");
  destination.destination_addr = "0812-345";
  CHECK(refusal(destination) == status::invalid_destination);
  auto long_name = submit("x");
  long_name.source_addr = "POKJANALKBBX";  // 12 characters
  CHECK(refusal(long_name) == status::invalid_source);
  auto numeric = submit("x");
  numeric.source_addr_ton = 1;
  CHECK(refusal(numeric) == status::invalid_source);
  auto registered = submit("x");
  registered.registered_delivery = 3;
  CHECK(refusal(registered) == status::invalid_registered_delivery);
  auto receipt_type = submit("x");
  receipt_type.esm_class = smpp::esm::delivery_receipt;
  CHECK(refusal(receipt_type) == status::invalid_esm_class);
  CHECK(refusal(submit(std::string(161, 'x'))) == status::invalid_message_length);
  auto header_past_end = submit("");
  header_past_end.esm_class = smpp::esm::udhi;
  header_past_end.short_message = {0x05, 0x00, 0x03};
  CHECK(refusal(header_past_end) == status::invalid_message_length);
  auto not_gsm = submit("");
  not_gsm.short_message = {0x80};
  CHECK(refusal(not_gsm) == status::submit_failed);
  auto coding = submit("x");
  coding.data_coding = 0xF5;
  CHECK(refusal(coding) == status::invalid_data_coding);
}

TEST_CASE("a command_status is named as the specification names it, or given by number") {
  CHECK(parse_command_status("ESME_RSYSERR") == status::system_error);
  CHECK(parse_command_status("ESME_RMSGQFUL") == status::message_queue_full);
  CHECK(parse_command_status("0x58") == status::throttled);
  CHECK(parse_command_status("1024") == 0x400);
  CHECK_THROWS_AS(parse_command_status("ESME_RNOSUCH"), std::invalid_argument);
  CHECK_THROWS_AS(parse_command_status(""), std::invalid_argument);
}
