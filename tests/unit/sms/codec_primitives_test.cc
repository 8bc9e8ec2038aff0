// SPDX-License-Identifier: GPL-3.0-or-later
// Hex, UTF-8, the GSM 7-bit alphabet, septet packing, UCS2 and the user data header.
#include <catch2/catch.hpp>

#include "sms/codec_error.h"
#include "sms/gsm7_alphabet.h"
#include "sms/septet_packing.h"
#include "sms/ucs2.h"
#include "sms/user_data_header.h"
#include "sms/utf8.h"
#include "tests/unit/sms/test_helpers.h"

using namespace siaran::sms;
using siaran::sms::test::bytes;

TEST_CASE("hex decoding accepts both cases and rejects odd lengths and non-hex characters") {
  CHECK(hex_decode("0aFf") == std::vector<std::uint8_t>{0x0A, 0xFF});
  CHECK(hex_encode(std::vector<std::uint8_t>{0x0A, 0xFF}) == "0AFF");
  CHECK_THROWS_AS(hex_decode("ABC"), codec_error);
  CHECK_THROWS_WITH(hex_decode("0G"), Catch::Contains("character 1"));
}

TEST_CASE("invalid UTF-8 is an error that names the byte offset") {
  const auto [input, offset] = GENERATE(table<std::string, std::string>({
      {"ab\xC3", "byte 2"},            // truncated sequence
      {"\xC0\xAF", "byte 0"},          // overlong '/'
      {"x\xED\xA0\x80", "byte 1"},     // UTF-16 surrogate
      {"\xF4\x90\x80\x80", "byte 0"},  // above U+10FFFF
      {"a\x80", "byte 1"},             // stray continuation byte
  }));
  CHECK_THROWS_WITH(utf8_decode(input), Catch::Contains(offset));
}

TEST_CASE("UTF-8 round trips emoji and Indonesian text") {
  const std::string text = "Ibu Siti \xF0\x9F\x98\x80 rapat";
  CHECK(utf8_encode(utf8_decode(text)) == text);
  CHECK(utf8_decode("\xE2\x82\xAC") == U"\u20AC");
}

TEST_CASE("extension table characters cost two septets, others one, non-GSM zero") {
  for (const char32_t c : std::u32string(U"^{}\\[~]|\u20AC\f")) CHECK(gsm7_septet_cost(c) == 2);
  for (const char32_t c : std::u32string(U"@\u00A3$\u00A5\u00E8\u0394_ \u00E0")) {
    CHECK(gsm7_septet_cost(c) == 1);
  }
  for (const char32_t c : std::u32string(U"\u00E7\u2019\u4F60\U0001F600")) {
    CHECK(gsm7_septet_cost(c) == 0);
  }
}

TEST_CASE("the euro sign is escape 0x1B followed by 0x65") {
  CHECK(gsm7_encode(U"\u20AC") == std::vector<std::uint8_t>{0x1B, 0x65});
}

TEST_CASE("an unknown escape shows the default-table character, a trailing escape a space") {
  CHECK(gsm7_decode(std::vector<std::uint8_t>{0x1B, 0x41}) == U"A");
  CHECK(gsm7_decode(std::vector<std::uint8_t>{0x41, 0x1B}) == U"A ");
  CHECK(gsm7_decode(std::vector<std::uint8_t>{0x1B, 0x1B, 0x41}) == U" A");
}

TEST_CASE("septet packing matches the worked examples") {
  const auto [text, packed] = GENERATE(table<std::u32string, std::string>({
      {U"hellohello", "E8329BFD4697D9EC37"},
      {U"Test", "D4F29C0E"},
      {U"How are you?", "C8F71D14969741F977FD07"},
      {U"1234567", "31D98C56B3DD00"},  // 7 septets: 7 spare zero bits, no <CR> (SMS has TP-UDL)
      {U"12345678", "31D98C56B3DD70"},
  }));
  CHECK(hex_encode(pack_septets(gsm7_encode(text))) == packed);
  CHECK(gsm7_decode(unpack_septets(bytes(packed), text.size())) == text);
}

TEST_CASE("fill bits shift the first septet after a header") {
  // One fill bit: 'h' (0x68) starts at bit 1 of the first octet.
  CHECK(hex_encode(pack_septets(gsm7_encode(U"h"), 1)) == "D0");
  CHECK(unpack_septets(bytes("D0"), 1, 1) == std::vector<std::uint8_t>{0x68});
  CHECK(header_fill_bits(6) == 1);
  CHECK(header_septet_count(6) == 7);
  CHECK(header_fill_bits(7) == 0);
  CHECK(header_septet_count(7) == 8);
}

TEST_CASE("unpacking more septets than the octets hold is an error") {
  CHECK_THROWS_AS(unpack_septets(bytes("E832"), 3), codec_error);
}

TEST_CASE("UCS2 carries emoji as a surrogate pair") {
  CHECK(hex_encode(ucs2_encode(U"\U0001F600")) == "D83DDE00");
  CHECK(ucs2_decode(bytes("D83DDE00")) == U"\U0001F600");
  CHECK(utf16_unit_count(U'\U0001F600') == 2);
}

TEST_CASE("UCS2 decoding drops an odd trailing byte and replaces lone surrogates") {
  CHECK(ucs2_decode(bytes("0041004200")) == U"AB");
  CHECK(ucs2_decode(bytes("D83D0041")) == U"\uFFFDA");
  CHECK(ucs2_decode(bytes("DE00")) == U"\uFFFD");
}

TEST_CASE("the user data header yields 8-bit and 16-bit concatenation and skips unknown IEs") {
  const auto header = parse_user_data_header(bytes("0A0201020003C30201"), 1);
  REQUIRE(header.concat());
  CHECK(*header.concat() == concat_info{0xC3, 1, 2});
  const auto wide = parse_user_data_header(bytes("0804BEEF0302"), 1);
  CHECK(*wide.concat() == concat_info{0xBEEF, 2, 3});
}

TEST_CASE("a concatenation IE with part 0 or part above total is ignored") {
  CHECK_FALSE(parse_user_data_header(bytes("0003C30200"), 1).concat());
  CHECK_FALSE(parse_user_data_header(bytes("0003C30203"), 1).concat());
  CHECK_FALSE(parse_user_data_header(bytes("0003C30001"), 1).concat());
}

TEST_CASE("an information element running past the header is an error") {
  CHECK_THROWS_WITH(parse_user_data_header(bytes("0005C302"), 10), Catch::Contains("octet 10"));
  CHECK_THROWS_AS(parse_user_data_header(bytes("00"), 10), codec_error);
}
