// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "modem/at/framer.h"

using siaran::at::frame;
using siaran::at::frame_kind;
using siaran::at::framer;

namespace {

std::vector<frame> feed_in_chunks(std::string_view bytes, const std::vector<std::size_t>& cuts) {
  framer f;
  std::vector<frame> out;
  std::size_t start = 0;
  for (const std::size_t cut : cuts) {
    f.feed(bytes.substr(start, cut - start), out);
    start = cut;
  }
  f.feed(bytes.substr(start), out);
  return out;
}

frame line(std::string text) { return {frame_kind::line, std::move(text)}; }
frame pdu(std::string text) { return {frame_kind::pdu, std::move(text)}; }
frame prompt() { return {frame_kind::prompt, "> "}; }

// An exchange with every kind of frame and every kind of line end.
const std::string dialogue =
    "AT+CMGS=23\r\r\n> 0011000B\x1a\r\n+CMTI: \"SM\",3\r\n\r\n+CMGS: 42\r\n\r\nOK\r\n"
    "\r\n+CMT: ,24\r\n07914356060013F1065A0981\r\n"
    "RING\rNO CARRIER\n\n+CDS: 24\n0791ABCD\nOK\r";
const std::vector<frame> dialogue_frames = {
    line("AT+CMGS=23"), prompt(), line("0011000B\x1a"), line("+CMTI: \"SM\",3"),
    line("+CMGS: 42"), line("OK"), line("+CMT: ,24"), pdu("07914356060013F1065A0981"),
    line("RING"), line("NO CARRIER"), line("+CDS: 24"), pdu("0791ABCD"), line("OK"),
};

}  // namespace

TEST_CASE("the framer finds lines, the prompt and PDUs in a whole dialogue", "[at][framer]") {
  CHECK(feed_in_chunks(dialogue, {}) == dialogue_frames);
}

TEST_CASE("the framer gives the same frames when the bytes are split at any offset", "[at][framer]") {
  for (std::size_t cut = 0; cut <= dialogue.size(); ++cut) {
    INFO("split at " << cut);
    REQUIRE(feed_in_chunks(dialogue, {cut}) == dialogue_frames);
  }
}

TEST_CASE("the framer gives the same frames for every split into three chunks", "[at][framer]") {
  for (std::size_t first = 0; first <= dialogue.size(); ++first) {
    for (std::size_t second = first; second <= dialogue.size(); ++second) {
      INFO("split at " << first << " and " << second);
      REQUIRE(feed_in_chunks(dialogue, {first, second}) == dialogue_frames);
    }
  }
}

TEST_CASE("the framer gives the same frames when fed one byte at a time", "[at][framer]") {
  std::vector<std::size_t> every_byte;
  for (std::size_t i = 1; i < dialogue.size(); ++i) every_byte.push_back(i);
  CHECK(feed_in_chunks(dialogue, every_byte) == dialogue_frames);
}

TEST_CASE("the prompt is reported without a line end after it", "[at][framer]") {
  framer f;
  CHECK(f.feed("\r\n> ") == std::vector<frame>{prompt()});
  CHECK(f.feed("") == std::vector<frame>{});
}

TEST_CASE("a bare '>' is a prompt too", "[at][framer]") {
  framer f;
  CHECK(f.feed("\r\n>") == std::vector<frame>{prompt()});
  CHECK(f.feed("\r\n+CMGS: 7\r\n") == std::vector<frame>{line("+CMGS: 7")});
}

TEST_CASE("the line after +CMT: is the PDU of that URC", "[at][framer]") {
  framer f;
  CHECK(f.feed("\r\n+CMT: \"\",24\r\n0791ABCDEF\r\n") ==
        std::vector<frame>{line("+CMT: \"\",24"), pdu("0791ABCDEF")});
}

TEST_CASE("the line after +CDS: is the PDU of that URC", "[at][framer]") {
  framer f;
  CHECK(f.feed("+CDS: 24\n0791ab\n") == std::vector<frame>{line("+CDS: 24"), pdu("0791ab")});
}

TEST_CASE("a hex line that follows no +CMT: or +CDS: is an ordinary line", "[at][framer]") {
  framer f;
  CHECK(f.feed("+CMGR: 0,,24\r\n0791AB\r\n") ==
        std::vector<frame>{line("+CMGR: 0,,24"), line("0791AB")});
}

TEST_CASE("a +CMT: header followed by a text line leaves later hex lines alone", "[at][framer]") {
  framer f;
  CHECK(f.feed("+CMT: ,24\r\nOK\r\n0791AB\r\n") ==
        std::vector<frame>{line("+CMT: ,24"), line("OK"), line("0791AB")});
}

TEST_CASE("an overlong line is reported as garbage and dropped, memory stays bounded", "[at][framer]") {
  framer f;
  const std::vector<frame> out = f.feed(std::string(3 * framer::max_line_bytes, 'A') + "\r\nOK\r\n");
  REQUIRE(out.size() == 2);
  CHECK(out[0].kind == frame_kind::garbage);
  CHECK(out[0].text.size() <= framer::garbage_sample_bytes);
  CHECK(out[1] == line("OK"));
}

TEST_CASE("a line of exactly the maximum length is still a line", "[at][framer]") {
  framer f;
  const std::string longest(framer::max_line_bytes, 'B');
  CHECK(f.feed(longest + "\n") == std::vector<frame>{line(longest)});
}

TEST_CASE("NUL and bytes above 0x7F are carried inside lines", "[at][framer]") {
  framer f;
  const std::string odd("\x00\xff\x80z", 4);
  CHECK(f.feed(odd + "\r\n") == std::vector<frame>{line(odd)});
}

TEST_CASE("empty lines are skipped whatever the line ends", "[at][framer]") {
  framer f;
  CHECK(f.feed("\r\n\r\n\n\r\r\r\n").empty());
}

TEST_CASE("reset forgets a partial line", "[at][framer]") {
  framer f;
  CHECK(f.feed("+CS").empty());
  f.reset();
  CHECK(f.feed("OK\r\n") == std::vector<frame>{line("OK")});
}
