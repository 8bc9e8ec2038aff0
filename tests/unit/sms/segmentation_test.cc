// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing the alphabet, splitting into parts, and telling the user before sending.
#include "sms/segmentation.h"

#include <catch2/catch.hpp>

#include "sms/codec_error.h"
#include "sms/gsm7_alphabet.h"

using namespace siaran::sms;

namespace {

std::string repeat(const std::string& piece, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("part limits are 160/153 septets and 70/67 UTF-16 units") {
  const auto [text, alphabet, parts, last_units] =
      GENERATE(table<std::string, encoding, std::size_t, std::size_t>({
          {repeat("a", 160), encoding::gsm7, 1, 160},
          {repeat("a", 161), encoding::gsm7, 2, 8},
          {repeat("a", 306), encoding::gsm7, 2, 153},
          {repeat("a", 307), encoding::gsm7, 3, 1},
          {repeat("\xD0\xB6", 70), encoding::ucs2, 1, 70},  // Cyrillic zhe
          {repeat("\xD0\xB6", 71), encoding::ucs2, 2, 4},
          {"", encoding::gsm7, 1, 0},
      }));
  const segmented_message message = segment_text(text);
  CHECK(message.alphabet == alphabet);
  CHECK(message.segments.size() == parts);
  CHECK(message.segments.back().units == last_units);
}

TEST_CASE("an extension character at a part boundary moves whole to the next part") {
  const std::string text = repeat("a", 152) + "\xE2\x82\xAC" + repeat("a", 10);  // 164 septets
  const segmented_message message = segment_text(text);
  REQUIRE(message.segments.size() == 2);
  CHECK(message.segments[0].units == 152);
  CHECK(message.segments[1].payload[0] == gsm7_escape);
  CHECK(message.segments[1].payload[1] == 0x65);
}

TEST_CASE("an extension character that exactly fills a part stays in it") {
  const std::string text = repeat("a", 151) + "{" + repeat("a", 10);
  const segmented_message message = segment_text(text);
  REQUIRE(message.segments.size() == 2);
  CHECK(message.segments[0].units == 153);
}

TEST_CASE("a surrogate pair at a part boundary moves whole to the next part") {
  const std::string text = repeat("\xD0\xB6", 66) + "\xF0\x9F\x98\x80" + repeat("\xD0\xB6", 5);
  const segmented_message message = segment_text(text);
  REQUIRE(message.segments.size() == 2);
  CHECK(message.segments[0].units == 66);
  CHECK(message.segments[1].payload[0] == 0xD8);
  CHECK(message.segments[1].payload[1] == 0x3D);
}

TEST_CASE("one character outside the GSM alphabet makes the whole message UCS2") {
  CHECK(segment_text("Ibu Siti, rapat kader Posyandu Melati besok pukul 09.00 di balai desa.")
            .alphabet == encoding::gsm7);
  CHECK(segment_text("Terima kasih \xF0\x9F\x99\x8F").alphabet == encoding::ucs2);
  CHECK(segment_text("hello", {false, true}).alphabet == encoding::ucs2);
}

TEST_CASE("transliteration keeps curly quotes, dashes and ellipsis in GSM 7-bit") {
  const std::string text =
      "\xE2\x80\x9CRapat\xE2\x80\x9D \xE2\x80\x93 besok\xE2\x80\xA6 it\xE2\x80\x99s";
  CHECK(segment_text(text).alphabet == encoding::ucs2);
  const message_plan plan = plan_message(text, {true, false});
  CHECK(plan.alphabet == encoding::gsm7);
  CHECK(plan.units == std::string("\"Rapat\" - besok... it's").size());
}

TEST_CASE("transliteration leaves characters without a look-alike for UCS2") {
  CHECK(plan_message("\xE2\x80\x9C\xE4\xBD\xA0\xE2\x80\x9D", {true, false}).alphabet ==
        encoding::ucs2);
}

TEST_CASE("the plan tells parts, units and what is left in the last part") {
  const message_plan single = plan_message("Halo {semua}");
  CHECK(single.parts == 1);
  CHECK(single.units == 14);
  CHECK(single.units_per_part == 160);
  CHECK(single.units_left_in_last_part == 146);

  const message_plan multi = plan_message(repeat("\xD0\xB6", 100));
  CHECK(multi.alphabet == encoding::ucs2);
  CHECK(multi.parts == 2);
  CHECK(multi.units == 100);
  CHECK(multi.units_per_part == 67);
  CHECK(multi.units_left_in_last_part == 34);
}

TEST_CASE("a text needing more than 255 parts is refused") {
  CHECK_NOTHROW(segment_text(repeat("a", 153 * 255)));
  CHECK_THROWS_WITH(segment_text(repeat("a", 153 * 255 + 1)), Catch::Contains("256 parts"));
}

TEST_CASE("8-bit data splits at 140 and 134 octets") {
  CHECK(segment_data(std::vector<std::uint8_t>(140, 1)).segments.size() == 1);
  const auto message = segment_data(std::vector<std::uint8_t>(141, 1));
  REQUIRE(message.segments.size() == 2);
  CHECK(message.segments[0].units == 134);
}
