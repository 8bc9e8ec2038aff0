// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/price_list.h"

#include <catch2/catch.hpp>

using siaran::daemon::part_price;
using siaran::daemon::price_list;
using siaran::daemon::priced_channel;

namespace {

constexpr const char* telkomsel_number = "+6281234567890";
constexpr const char* indosat_number = "+6285712345678";
constexpr const char* axis_number = "+6283112345678";
constexpr const char* unknown_number = "+6283412345678";  // 0834: in no operator's ranges
constexpr const char* foreign_number = "+60123456789";

// Telkomsel 100 on-net, 150 off-net; Indosat 120 either way; 200 for anything else.
price_list prices(std::vector<priced_channel> channels) {
  return {200, {{"telkomsel", {100, 150}}, {"indosat", {120, 120}}, {"xl", {90, 160}}}, std::move(channels)};
}

}  // namespace

TEST_CASE("a SIM pays its operator's on-net price to its own network and off-net to others", "[dispatch][prices]") {
  const price_list list = prices({{"m1", "telkomsel", {}}});
  CHECK(list.price("m1", telkomsel_number) == 100);
  CHECK(list.price("m1", indosat_number) == 150);
}

TEST_CASE("XL and Axis SIMs send on-net to each other", "[dispatch][prices]") {
  const price_list list = prices({{"m1", "xl", {}}});
  CHECK(list.price("m1", axis_number) == 90);
}

TEST_CASE("one price for an operator applies on-net and off-net alike", "[dispatch][prices]") {
  const price_list list = prices({{"m1", "indosat", {}}});
  CHECK(list.price("m1", indosat_number) == 120);
  CHECK(list.price("m1", telkomsel_number) == 120);
}

TEST_CASE("a number of no known operator is off-net", "[dispatch][prices]") {
  const price_list list = prices({{"m1", "telkomsel", {}}});
  CHECK(list.price("m1", unknown_number) == 150);
  CHECK(list.price("m1", foreign_number) == 150);
}

TEST_CASE("a SIM whose operator has no price, or who has no operator, pays the default", "[dispatch][prices]") {
  const price_list list = prices({{"m1", "tri", {}}, {"m2", "", {}}});
  CHECK(list.price("m1", "+628951234567") == 200);
  CHECK(list.price("m2", telkomsel_number) == 200);
  CHECK(list.price("gone", telkomsel_number) == 200);
}

TEST_CASE("a SIM's own price comes before its operator's", "[dispatch][prices]") {
  const price_list list = prices({{"m1", "telkomsel", part_price{0, 175}}, {"m2", "", part_price{40, 40}}});
  CHECK(list.price("m1", telkomsel_number) == 0);
  CHECK(list.price("m1", indosat_number) == 175);
  CHECK(list.price("m2", indosat_number) == 40);
}

TEST_CASE("the likely price is the on-net SIMs' when there are any, else every SIM's mean", "[dispatch][prices]") {
  const price_list list =
      prices({{"m1", "telkomsel", {}}, {"m2", "indosat", {}}, {"m3", "telkomsel", part_price{60, 150}}});
  CHECK(list.likely_price(telkomsel_number) == Approx(80));  // (100 + 60) / 2: m2 is off-net
  CHECK(list.likely_price(indosat_number) == Approx(120));   // m2 only
  CHECK(list.likely_price(axis_number) == Approx(140));      // (150 + 120 + 150) / 3
}

TEST_CASE("without channels the likely price is the default", "[dispatch][prices]") {
  CHECK(prices({}).likely_price(telkomsel_number) == Approx(200));
  CHECK(price_list().likely_price(telkomsel_number) == Approx(0));
}
