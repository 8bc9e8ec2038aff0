// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "channel_rig.h"
#include "modem/at/response_parsers.h"

using namespace std::chrono_literals;
using namespace siaran::at;
using siaran::at::test::at;
using siaran::at::test::channel_rig;

namespace {

command cmgs(std::string pdu) {
  command cmd = at("AT+CMGS=23", {"+CMGS:"}, 30s);
  cmd.pdu = std::move(pdu);
  return cmd;
}

const std::string pdu_hex = "0011000B916281234567F80000AA03C8329B";

}  // namespace

TEST_CASE("a command's answer lines and OK make a successful response", "[at][channel]") {
  channel_rig rig;
  rig.modem.on_write = [&](std::string_view) { rig.modem.push("\r\n+CSQ: 18,99\r\n\r\nOK\r\n"); };
  const auto answer = rig.send(at("AT+CSQ", {"+CSQ:"}));
  REQUIRE(*answer);
  CHECK((*answer)->success);
  CHECK((*answer)->lines == std::vector<std::string>{"+CSQ: 18,99"});
  CHECK(rig.modem.writes == std::vector<std::string>{"AT+CSQ\r"});
}

TEST_CASE("the echo of the command is dropped and bare information lines are kept", "[at][channel]") {
  channel_rig rig;
  rig.modem.on_write = [&](std::string_view) { rig.modem.push("AT+CGMI\r\r\nhuawei\r\n\r\nOK\r\n"); };
  const auto answer = rig.send(at("AT+CGMI"));
  REQUIRE(*answer);
  CHECK((*answer)->lines == std::vector<std::string>{"huawei"});
}

TEST_CASE("queued commands are written one at a time, in order", "[at][channel]") {
  channel_rig rig;
  const auto first = rig.send(at("AT+CGMI"));
  const auto second = rig.send(at("AT+CGMM"));
  const auto third = rig.send(at("AT+CGSN"));
  CHECK(rig.modem.writes == std::vector<std::string>{"AT+CGMI\r"});
  rig.modem.push("huawei\r\nOK\r\n");
  rig.settle();
  CHECK(rig.modem.writes == std::vector<std::string>{"AT+CGMI\r", "AT+CGMM\r"});
  rig.modem.push("E173\r\nOK\r\n");
  rig.settle();
  rig.modem.push("356789012345678\r\nOK\r\n");
  rig.settle();
  REQUIRE(*first);
  REQUIRE(*second);
  REQUIRE(*third);
  CHECK((*first)->lines == std::vector<std::string>{"huawei"});
  CHECK((*second)->lines == std::vector<std::string>{"E173"});
  CHECK((*third)->lines == std::vector<std::string>{"356789012345678"});
}

TEST_CASE("AT+CMGS waits for the prompt, sends the PDU with Ctrl-Z and returns the reference",
          "[at][channel]") {
  channel_rig rig;
  rig.modem.on_write = [&](std::string_view written) {
    if (written == "AT+CMGS=23\r") rig.modem.push("\r\n> ");
    if (written == pdu_hex + "\x1a") rig.modem.push("\r\n+CMGS: 42\r\n\r\nOK\r\n");
  };
  const auto answer = rig.send(cmgs(pdu_hex));
  REQUIRE(*answer);
  CHECK((*answer)->success);
  CHECK(message_reference_in((*answer)->lines) == 42);
  CHECK(rig.modem.writes == std::vector<std::string>{"AT+CMGS=23\r", pdu_hex + "\x1a"});
}

TEST_CASE("a +CMTI in the middle of +CMGS is delivered as a URC and CMGS keeps its reference",
          "[at][channel]") {
  channel_rig rig;
  rig.modem.on_write = [&](std::string_view written) {
    if (written == "AT+CMGS=23\r") rig.modem.push("\r\n> ");
    if (written.ends_with("\x1a")) rig.modem.push("\r\n+CMTI: \"SM\",5\r\n\r\n+CMGS: 43\r\n\r\nOK\r\n");
  };
  const auto answer = rig.send(cmgs(pdu_hex));
  REQUIRE(*answer);
  CHECK(message_reference_in((*answer)->lines) == 43);
  CHECK((*answer)->lines == std::vector<std::string>{"+CMGS: 43"});
  REQUIRE(rig.urcs.size() == 1);
  CHECK(rig.urcs[0].line == "+CMTI: \"SM\",5");
  CHECK(rig.urcs[0].prefix == "+CMTI:");
}

TEST_CASE("the echoed PDU of AT+CMGS is dropped", "[at][channel]") {
  channel_rig rig;
  rig.modem.on_write = [&](std::string_view written) {
    if (written == "AT+CMGS=23\r") rig.modem.push("AT+CMGS=23\r\r\n> ");
    if (written.ends_with("\x1a")) rig.modem.push(pdu_hex + "\x1a\r\n+CMGS: 44\r\nOK\r\n");
  };
  const auto answer = rig.send(cmgs(pdu_hex));
  REQUIRE(*answer);
  CHECK((*answer)->lines == std::vector<std::string>{"+CMGS: 44"});
}

TEST_CASE("an ERROR instead of the prompt ends AT+CMGS without sending the PDU", "[at][channel]") {
  channel_rig rig;
  rig.modem.on_write = [&](std::string_view) { rig.modem.push("\r\n+CMS ERROR: 304\r\n"); };
  const auto answer = rig.send(cmgs(pdu_hex));
  REQUIRE(*answer);
  CHECK_FALSE((*answer)->success);
  CHECK((*answer)->final->code == 304);
  CHECK(rig.modem.writes == std::vector<std::string>{"AT+CMGS=23\r"});
}

TEST_CASE("a missing prompt aborts AT+CMGS with ESC", "[at][channel]") {
  channel_rig rig;
  const auto answer = rig.send(cmgs(pdu_hex));
  rig.advance(5s);
  REQUIRE(*answer);
  CHECK((*answer)->error == channel_error::prompt_timeout);
  CHECK(rig.modem.writes == std::vector<std::string>{"AT+CMGS=23\r", "\x1b"});
  CHECK(rig.chat.consecutive_timeouts() == 1);
}

TEST_CASE("a timeout is counted and the next command is preceded by a resync", "[at][channel]") {
  channel_rig rig;
  const auto silent = rig.send(at("AT+CSQ", {"+CSQ:"}, 3s));
  rig.advance(2999ms);
  CHECK_FALSE(*silent);
  rig.advance(1ms);
  REQUIRE(*silent);
  CHECK((*silent)->error == channel_error::timeout);
  CHECK(rig.chat.consecutive_timeouts() == 1);

  rig.modem.on_write = [&](std::string_view written) {
    if (written == "AT\r") rig.modem.push("\r\nOK\r\n");
    if (written == "AT+CGMI\r") rig.modem.push("\r\nhuawei\r\n\r\nOK\r\n");
  };
  const auto next = rig.send(at("AT+CGMI"));
  rig.advance(500ms);  // a modem in command mode does not answer the ESC
  REQUIRE(*next);
  CHECK((*next)->success);
  CHECK((*next)->lines == std::vector<std::string>{"huawei"});
  CHECK(rig.modem.writes == std::vector<std::string>{"AT+CSQ\r", "\x1b", "AT\r", "AT+CGMI\r"});
  CHECK(rig.chat.consecutive_timeouts() == 0);
}

TEST_CASE("a modem left at the PDU prompt by a killed process is brought back with ESC", "[at][channel]") {
  channel_rig rig;
  // At "> " everything is message text until Ctrl-Z or ESC; ESC cancels with OK.
  rig.modem.on_write = [&](std::string_view written) {
    if (written == "\x1b") rig.modem.push("\r\nOK\r\n");
  };
  const auto swallowed = rig.send(at("ATZ", {}, 5s));
  rig.advance(5s);
  REQUIRE(*swallowed);
  CHECK((*swallowed)->error == channel_error::timeout);

  rig.modem.on_write = [&](std::string_view written) {
    if (written == "\x1b" || written == "AT\r") rig.modem.push("\r\nOK\r\n");
    if (written == "ATE0\r") rig.modem.push("\r\nOK\r\n");
  };
  const auto next = rig.send(at("ATE0"));
  REQUIRE(*next);
  CHECK((*next)->success);
  CHECK(rig.modem.writes == std::vector<std::string>{"ATZ\r", "\x1b", "AT\r", "ATE0\r"});
}

TEST_CASE("consecutive timeouts add up until a command is answered", "[at][channel]") {
  channel_rig rig;
  for (int i = 1; i <= 3; ++i) {
    const auto answer = rig.send(at("AT+CSQ", {"+CSQ:"}, 1s));
    rig.advance(500ms);  // the resync's ESC, if any, is not answered
    rig.advance(2s);     // nor its AT
    rig.advance(1s);
    REQUIRE(*answer);
    CHECK((*answer)->error == channel_error::timeout);
  }
  CHECK(rig.chat.consecutive_timeouts() >= 3);
}

TEST_CASE("late lines of a timed-out command are not reported as URCs", "[at][channel]") {
  channel_rig rig;
  const auto answer = rig.send(at("AT+COPS?", {"+COPS:"}, 1s));
  rig.advance(1s);
  rig.modem.push("+COPS: 0,0,\"TELKOMSEL\"\r\nOK\r\n");
  rig.settle();
  CHECK(rig.urcs.empty());
}

TEST_CASE("+CMS ERROR reaches the caller with its code and meaning", "[at][channel]") {
  channel_rig rig;
  rig.modem.on_write = [&](std::string_view) { rig.modem.push("\r\n+CMS ERROR: 330\r\n"); };
  const auto answer = rig.send(at("AT+CSCA?", {"+CSCA:"}));
  REQUIRE(*answer);
  CHECK((*answer)->error == channel_error::none);
  CHECK_FALSE((*answer)->success);
  CHECK((*answer)->final->kind == final_kind::cms_error);
  CHECK((*answer)->final->code == 330);
  CHECK((*answer)->final->meaning == "SMSC address unknown");
}

TEST_CASE("+CME ERROR reaches the caller with its code and meaning", "[at][channel]") {
  channel_rig rig;
  rig.modem.on_write = [&](std::string_view) { rig.modem.push("\r\n+CME ERROR: 10\r\n"); };
  const auto answer = rig.send(at("AT+CPIN?", {"+CPIN:"}));
  REQUIRE(*answer);
  CHECK((*answer)->final->kind == final_kind::cme_error);
  CHECK((*answer)->final->meaning == "SIM not inserted");
}

TEST_CASE("a vanished device fails the command in flight and the queued ones", "[at][channel]") {
  channel_rig rig;
  const auto in_flight = rig.send(at("AT+CSQ"));
  const auto queued = rig.send(at("AT+CGMI"));
  rig.modem.hang_up(boost::asio::error::eof);
  rig.settle();
  REQUIRE(*in_flight);
  REQUIRE(*queued);
  CHECK((*in_flight)->error == channel_error::device_gone);
  CHECK((*queued)->error == channel_error::device_gone);
  CHECK(rig.chat.device_gone());
  CHECK(rig.chat.consecutive_timeouts() == 0);

  const auto later = rig.send(at("AT"));
  REQUIRE(*later);
  CHECK((*later)->error == channel_error::device_gone);
  CHECK(rig.modem.writes == std::vector<std::string>{"AT+CSQ\r"});
}

TEST_CASE("an I/O error on the device is 'device gone', not a timeout", "[at][channel]") {
  channel_rig rig;
  const auto answer = rig.send(at("AT+CSQ"));
  rig.modem.hang_up(boost::system::error_code(EIO, boost::system::system_category()));
  rig.settle();
  REQUIRE(*answer);
  CHECK((*answer)->error == channel_error::device_gone);
  CHECK_THAT((*answer)->detail, Catch::Contains("device gone"));
}

TEST_CASE("a +CMT URC is delivered with its PDU", "[at][channel]") {
  channel_rig rig;
  rig.modem.push("\r\n+CMT: ,24\r\n07914356060013F1065A0981\r\n");
  rig.settle();
  REQUIRE(rig.urcs.size() == 1);
  CHECK(rig.urcs[0].line == "+CMT: ,24");
  CHECK(rig.urcs[0].pdu == "07914356060013F1065A0981");
}

TEST_CASE("a +CDS URC in the middle of a command is delivered with its PDU", "[at][channel]") {
  channel_rig rig;
  rig.modem.on_write = [&](std::string_view) {
    rig.modem.push("\r\n+CDS: 24\r\n0791ABCD\r\n+CSQ: 20,99\r\nOK\r\n");
  };
  const auto answer = rig.send(at("AT+CSQ", {"+CSQ:"}));
  REQUIRE(*answer);
  CHECK((*answer)->lines == std::vector<std::string>{"+CSQ: 20,99"});
  REQUIRE(rig.urcs.size() == 1);
  CHECK(rig.urcs[0].pdu == "0791ABCD");
}

TEST_CASE("+CREG is the answer while AT+CREG? is in flight and a URC otherwise", "[at][channel]") {
  channel_rig rig;
  rig.modem.on_write = [&](std::string_view) { rig.modem.push("\r\n+CREG: 2,1,\"8BE3\",\"2BAF\"\r\nOK\r\n"); };
  const auto answer = rig.send(at("AT+CREG?", {"+CREG:"}));
  REQUIRE(*answer);
  CHECK((*answer)->lines == std::vector<std::string>{"+CREG: 2,1,\"8BE3\",\"2BAF\""});
  CHECK(rig.urcs.empty());
  rig.modem.push("\r\n+CREG: 5\r\n");
  rig.settle();
  REQUIRE(rig.urcs.size() == 1);
  CHECK(rig.urcs[0].prefix == "+CREG:");
}

TEST_CASE("an unknown line while idle is an unknown unsolicited line", "[at][channel]") {
  channel_rig rig;
  rig.modem.push(std::string("\r\n+XYZZY: \xff\x00 odd\r\n", 18));
  rig.settle();
  REQUIRE(rig.urcs.size() == 1);
  CHECK_FALSE(rig.urcs[0].known());
}

TEST_CASE("a modem that trickles one byte at a time is understood", "[at][channel]") {
  channel_rig rig;
  rig.modem.max_read = 1;
  rig.modem.on_write = [&](std::string_view written) {
    if (written == "AT+CMGS=23\r") rig.modem.push("AT+CMGS=23\r\r\n> ");
    if (written.ends_with("\x1a")) rig.modem.push("\r\n^RSSI:14\r\n\r\n+CMGS: 7\r\n\r\nOK\r\n");
  };
  const auto answer = rig.send(cmgs(pdu_hex));
  REQUIRE(*answer);
  CHECK(message_reference_in((*answer)->lines) == 7);
  REQUIRE(rig.urcs.size() == 1);
  CHECK(rig.urcs[0].prefix == "^RSSI:");
}

TEST_CASE("a URC handler that throws does not stop the channel", "[at][channel]") {
  channel_rig rig;
  rig.chat.on_urc([](const urc&) { throw std::runtime_error("bug above"); });
  rig.modem.push("RING\r\n");
  rig.settle();
  rig.modem.on_write = [&](std::string_view) { rig.modem.push("OK\r\n"); };
  const auto answer = rig.send(at("AT"));
  REQUIRE(*answer);
  CHECK((*answer)->success);
}
