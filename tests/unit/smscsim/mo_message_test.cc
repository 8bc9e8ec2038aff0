// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/mo_message.h"

#include <catch2/catch.hpp>
#include <string>

using namespace siaran::smscsim;
namespace smpp = siaran::smpp;

TEST_CASE("an injected SMS in the GSM alphabet is one deliver_sm, one character per octet") {
  const auto parts = mo_parts({"+6281234567890", "1234", "HADIR {1}", std::nullopt, ""}, 7);
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].source_addr == "6281234567890");
  CHECK(parts[0].source_addr_ton == 1);
  CHECK(parts[0].source_addr_npi == 1);
  CHECK(parts[0].destination_addr == "1234");
  CHECK(parts[0].dest_addr_ton == 0);
  CHECK(parts[0].data_coding == 0);
  CHECK(parts[0].esm_class == 0);
  // '{' is the escape 0x1B then 0x28 in the GSM alphabet.
  CHECK(parts[0].short_message ==
        std::vector<std::uint8_t>{'H', 'A', 'D', 'I', 'R', ' ', 0x1B, 0x28, '1', 0x1B, 0x29});
}

TEST_CASE(
    "an injected SMS outside the GSM alphabet goes as UCS2, and a long one in parts with a "
    "header") {
  const auto ucs2 = mo_parts({"+6281234567890", "1234", "\xE2\x9C\x93", std::nullopt, ""}, 7);
  REQUIRE(ucs2.size() == 1);
  CHECK(ucs2[0].data_coding == 8);
  CHECK(ucs2[0].short_message == std::vector<std::uint8_t>{0x27, 0x13});

  const auto parts =
      mo_parts({"+6281234567890", "1234", std::string(161, 'x'), std::nullopt, ""}, 42);
  REQUIRE(parts.size() == 2);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    CHECK(parts[i].esm_class == smpp::esm::udhi);
    const std::vector<std::uint8_t> header(parts[i].short_message.begin(),
                                           parts[i].short_message.begin() + 6);
    CHECK(header ==
          std::vector<std::uint8_t>{0x05, 0x00, 0x03, 42, 2, static_cast<std::uint8_t>(i + 1)});
  }
  CHECK(parts[0].short_message.size() == 6 + 153);
}

TEST_CASE("an injected SMS with an alphanumeric sender, or a data_coding asked for") {
  const auto named = mo_parts({"INFO", "+6281234567890", "abc", std::uint8_t{8}, ""}, 0);
  CHECK(named[0].source_addr_ton == 5);
  CHECK(named[0].source_addr == "INFO");
  CHECK(named[0].data_coding == 8);
  CHECK_THROWS_AS(mo_parts({"+62812", "1234", "\xE2\x9C\x93", std::uint8_t{0}, ""}, 0),
                  std::invalid_argument);
  CHECK_THROWS_AS(mo_parts({"+62812", "1234", "abc", std::uint8_t{4}, ""}, 0),
                  std::invalid_argument);
  CHECK_THROWS_AS(mo_parts({"", "1234", "abc", std::nullopt, ""}, 0), std::invalid_argument);
  CHECK_THROWS_AS(mo_parts({"+62812", "1234", "\xFF", std::nullopt, ""}, 0), std::invalid_argument);
}
