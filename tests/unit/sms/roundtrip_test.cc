// SPDX-License-Identifier: GPL-3.0-or-later
// Encode -> decode -> reassemble gives back the original text, for any text.
#include <catch2/catch.hpp>
#include <random>

#include "sms/reassembly.h"
#include "sms/utf8.h"
#include "tests/unit/sms/test_helpers.h"

using namespace siaran::sms;
using siaran::sms::test::encode_and_decode;
using siaran::sms::test::text_to;

namespace {

const std::u32string gsm_basic =
    U"@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5\u0394_"
    U"\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00C6\u00E6\u00DF\u00C9 !\"#\u00A4"
    U"%&'()*+,-./0123456789:;<=>?\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
    U"\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";
const std::u32string gsm_extension = U"^{}\\[~]|\u20AC\f";
const std::u32string wide = U"\u0436\u4F60\u00E7\u2019\U0001F600\U0001F64F\U0001F1EE";

std::string random_text(std::mt19937& random, const std::u32string& alphabet, std::size_t max) {
  std::u32string text(random() % (max + 1), U' ');
  for (char32_t& c : text) c = alphabet[random() % alphabet.size()];
  return utf8_encode(text);
}

void check_round_trip(const std::string& text, std::uint8_t reference) {
  submit_request request = text_to("+6281234567890", text);
  request.concat_reference = reference;
  const std::vector<decoded_pdu> parts = encode_and_decode(request);
  std::vector<decoded_pdu> shuffled(parts.rbegin(), parts.rend());  // arrival order varies
  CHECK(reassemble(shuffled) == text);
}

}  // namespace

TEST_CASE("Indonesian reminders survive the round trip in one GSM 7-bit part") {
  const std::string text = "Ibu Siti, rapat kader Posyandu Melati besok pukul 09.00 di balai desa.";
  const auto parts = encode_and_decode(text_to("081234567890", text));
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].coding.alphabet == encoding::gsm7);
  CHECK(parts[0].number == "081234567890");
  CHECK(parts[0].ud.text == text);
}

TEST_CASE("random GSM texts with extension characters round trip") {
  std::mt19937 random(1);
  const std::u32string alphabet = gsm_basic + gsm_extension + gsm_extension;
  for (int round = 0; round < 300; ++round) {
    check_round_trip(random_text(random, alphabet, 700), static_cast<std::uint8_t>(round));
  }
}

TEST_CASE("random texts with emoji and other UCS2 characters round trip") {
  std::mt19937 random(2);
  const std::u32string alphabet = gsm_basic + wide + wide + wide;
  for (int round = 0; round < 300; ++round) {
    check_round_trip(random_text(random, alphabet, 400), static_cast<std::uint8_t>(round));
  }
}

TEST_CASE("reassembly refuses incomplete, duplicated or mixed sets") {
  const auto parts = encode_and_decode(text_to("+6281234567890", std::string(400, 'a')));
  REQUIRE(parts.size() == 3);
  CHECK_THROWS_AS(reassemble(std::vector<decoded_pdu>{parts[0], parts[1]}), codec_error);
  CHECK_THROWS_AS(reassemble(std::vector<decoded_pdu>{parts[0], parts[1], parts[1]}), codec_error);
  auto other_sender = parts;
  other_sender[2].number = "+6280000000";
  CHECK_THROWS_WITH(reassemble(other_sender), Catch::Contains("is from"));
  CHECK_THROWS_AS(reassemble(std::vector<decoded_pdu>{}), codec_error);
}
