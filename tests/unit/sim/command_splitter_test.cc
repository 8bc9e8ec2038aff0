// SPDX-License-Identifier: GPL-3.0-or-later
// How the simulated modem splits what the host writes: command lines end with CR; after the
// prompt a PDU ends with Ctrl-Z or is abandoned with ESC (27.005 §3.5.1).
#include <catch2/catch.hpp>

#include "modem/sim/command_splitter.h"

using siaran::modemsim::command_splitter;
using siaran::modemsim::host_input;

TEST_CASE("a command line is complete at its CR, whatever the chunks") {
  command_splitter splitter;
  splitter.feed("AT+C");
  CHECK_FALSE(splitter.next());
  splitter.feed("SQ\rAT");
  const auto input = splitter.next();
  REQUIRE(input);
  CHECK(input->what == host_input::kind::command);
  CHECK(input->text == "AT+CSQ");
  CHECK_FALSE(splitter.next());
}

TEST_CASE("an LF after the CR and bare CRs are skipped") {
  command_splitter splitter;
  splitter.feed("\r\r\nAT\r\n");
  CHECK(splitter.next()->text == "AT");
  CHECK_FALSE(splitter.next());
}

TEST_CASE("after the prompt the PDU runs to Ctrl-Z, and ESC abandons it") {
  command_splitter splitter;
  splitter.expect_pdu();
  splitter.feed("0011\x1A" "AT\r");
  const auto pdu = splitter.next();
  CHECK(pdu->what == host_input::kind::pdu);
  CHECK(pdu->text == "0011");
  CHECK(splitter.next()->text == "AT");
  splitter.expect_pdu();
  splitter.feed("00\x1B");
  CHECK(splitter.next()->what == host_input::kind::abort);
}

TEST_CASE("an overlong command line is dropped up to its CR") {
  command_splitter splitter;
  splitter.feed(std::string(command_splitter::max_line_bytes + 10, 'A'));
  splitter.feed("XYZ\rAT\r");
  CHECK(splitter.next()->text == "AT");
}

TEST_CASE("an ESC in command mode is ignored, as a host's resync sends it before AT") {
  command_splitter splitter;
  splitter.feed("\x1B" "AT\r");
  CHECK(splitter.next()->text == "AT");
}
