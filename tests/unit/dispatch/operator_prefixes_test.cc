// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/operator_prefixes.h"

#include <catch2/catch.hpp>
#include <string_view>
#include <utility>
#include <vector>

using siaran::daemon::on_net;
using siaran::daemon::operator_of;

TEST_CASE("each operator's prefixes name it", "[dispatch][operator_prefixes]") {
  // The first and last published prefix of each operator, 10- to 13-digit national numbers.
  const std::vector<std::pair<std::string_view, std::string_view>> numbers{
      {"+628111234567", "telkomsel"}, {"+6285312345678", "telkomsel"},
      {"+628141234567", "indosat"},   {"+62858123456", "indosat"},
      {"+628171234567", "xl"},        {"+628781234567", "xl"},
      {"+628311234567", "axis"},      {"+628381234567", "axis"},
      {"+628951234567", "tri"},       {"+628991234567", "tri"},
      {"+628811234567", "smartfren"}, {"+62889123456789", "smartfren"},
  };
  for (const auto& [number, network] : numbers) {
    INFO(number);
    CHECK(operator_of(number) == network);
  }
}

TEST_CASE("an Indonesian number outside the table has no operator",
          "[dispatch][operator_prefixes]") {
  CHECK(operator_of("+628341234567").empty());  // 0834: in no operator's published ranges
  CHECK(operator_of("+62215551234").empty());   // a Jakarta landline
}

TEST_CASE("a non-Indonesian number has no operator", "[dispatch][operator_prefixes]") {
  CHECK(operator_of("+6591234567").empty());
  CHECK(operator_of("+14155550123").empty());
}

TEST_CASE("garbage has no operator", "[dispatch][operator_prefixes]") {
  CHECK(operator_of("").empty());
  CHECK(operator_of("+62").empty());
  CHECK(operator_of("+62812").empty());       // a prefix, not a number
  CHECK(operator_of("+6281212345").empty());  // one digit short of a mobile number
  CHECK(operator_of("08121234567").empty());  // national form: callers pass E.164
  CHECK(operator_of("62812123456").empty());  // no +
  CHECK(operator_of("+62812-1234-567").empty());
  CHECK(operator_of("+62812123456789012").empty());  // too long for a mobile number
  CHECK(operator_of("hello").empty());
}

TEST_CASE("a modem sends on-net to its own operator only", "[dispatch][operator_prefixes]") {
  CHECK(on_net("telkomsel", "+628121234567"));
  CHECK_FALSE(on_net("telkomsel", "+628561234567"));
  CHECK(on_net("indosat", "+628561234567"));
  CHECK(on_net("tri", "+628961234567"));
  CHECK(on_net("smartfren", "+628881234567"));
}

TEST_CASE("XL and Axis are on-net to each other", "[dispatch][operator_prefixes]") {
  CHECK(on_net("xl", "+628311234567"));
  CHECK(on_net("axis", "+628171234567"));
  CHECK(on_net("xl", "+628171234567"));
  CHECK(on_net("axis", "+628381234567"));
}

TEST_CASE("a modem without an operator or a foreign recipient is never on-net",
          "[dispatch][operator_prefixes]") {
  CHECK_FALSE(on_net("", "+628121234567"));
  CHECK_FALSE(on_net("telkomsel", "+6591234567"));
  CHECK_FALSE(on_net("telkomsel", "garbage"));
}
