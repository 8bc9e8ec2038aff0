// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/target.h"

#include <catch2/catch.hpp>

namespace http = siaran::daemon::http;

TEST_CASE("a plain path comes back unchanged with an empty query") {
  const auto t = http::decode_target("/api/v1/modems");
  REQUIRE(t);
  CHECK(t->path == "/api/v1/modems");
  CHECK(t->query.empty());
}

TEST_CASE("the path is percent-decoded and '+' in it stays a plus") {
  const auto t = http::decode_target("/api/v1/x%20y+z%2b");
  REQUIRE(t);
  CHECK(t->path == "/api/v1/x y+z+");
}

TEST_CASE("the query is split and decoded, '+' meaning space, the last repeat winning") {
  const auto t = http::decode_target("/m?to=%2B62812&text=rapat+kader&flag&to=0812&=v");
  REQUIRE(t);
  CHECK(t->path == "/m");
  CHECK(t->query == std::map<std::string, std::string>{{"to", "0812"}, {"text", "rapat kader"}, {"flag", ""}, {"", "v"}});
}

TEST_CASE("a bad percent escape is refused, in the path and in the query") {
  CHECK_FALSE(http::decode_target("/a%2"));
  CHECK_FALSE(http::decode_target("/a%zz"));
  CHECK_FALSE(http::decode_target("/a%"));
  CHECK_FALSE(http::decode_target("/a?x=%g1"));
}

TEST_CASE("a '..' segment is refused, written plainly or percent-encoded") {
  CHECK_FALSE(http::decode_target("/api/../etc/passwd"));
  CHECK_FALSE(http::decode_target("/api/%2e%2e/etc/passwd"));
  CHECK_FALSE(http::decode_target("/api/.%2E"));
  CHECK_FALSE(http::decode_target("/.."));
}

TEST_CASE("dots that are not a whole '..' segment are fine") {
  CHECK(http::decode_target("/api/..x/y"));
  CHECK(http::decode_target("/api/file.txt"));
  CHECK(http::decode_target("/api/v1?x=.."));
}

TEST_CASE("a NUL in the decoded path is refused") {
  CHECK_FALSE(http::decode_target("/api/a%00b"));
}

TEST_CASE("a target that is not origin-form is refused") {
  CHECK_FALSE(http::decode_target("http://example.com/api"));
  CHECK_FALSE(http::decode_target("*"));
  CHECK_FALSE(http::decode_target(""));
}

TEST_CASE("media_type drops parameters and whitespace and lowercases") {
  CHECK(http::media_type("Application/JSON; charset=utf-8") == "application/json");
  CHECK(http::media_type("  text/plain  ") == "text/plain");
  CHECK(http::media_type("") == "");
}
