// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/api_token.h"

#include <catch2/catch.hpp>

namespace http = siaran::daemon::http;

namespace {
// The config example's digest (DESIGN.md): SHA-256 of "test".
constexpr const char* test_digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
}  // namespace

TEST_CASE("sha256_hex gives the well-known digest of \"test\" in lowercase hex") {
  CHECK(http::sha256_hex("test") == test_digest);
}

TEST_CASE("sha256_hex of the empty string is the well-known empty digest") {
  CHECK(http::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("token_matches accepts the token whose digest is configured") {
  CHECK(http::token_matches("test", test_digest));
}

TEST_CASE("token_matches refuses another token, a truncated digest and an uppercase digest") {
  CHECK_FALSE(http::token_matches("tesT", test_digest));
  CHECK_FALSE(http::token_matches("test", std::string(test_digest).substr(0, 63)));
  CHECK_FALSE(http::token_matches("test", ""));
  CHECK_FALSE(http::token_matches("test", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"));
}

TEST_CASE("new_token is \"siaran_\" and 64 lowercase hex digits, 71 characters") {
  const std::string token = http::new_token();
  REQUIRE(token.size() == 71);
  CHECK(token.rfind("siaran_", 0) == 0);
  CHECK(token.find_first_not_of("0123456789abcdef", 7) == std::string::npos);
}

TEST_CASE("new_token differs on every call") {
  CHECK(http::new_token() != http::new_token());
}

TEST_CASE("a new token matches its own digest") {
  const std::string token = http::new_token();
  CHECK(http::token_matches(token, http::sha256_hex(token)));
}
