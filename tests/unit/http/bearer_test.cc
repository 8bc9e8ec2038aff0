// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/bearer.h"

#include <catch2/catch.hpp>

#include "daemon/http/api_token.h"

namespace http = siaran::daemon::http;

namespace {

std::vector<http::token_digest> two_tokens() {
  return {{"sekretariat", http::sha256_hex("siaran_a")}, {"kecamatan", http::sha256_hex("siaran_b")}};
}

}  // namespace

TEST_CASE("a bearer token names the configured token it matches") {
  CHECK(http::bearer_token_name("Bearer siaran_a", two_tokens()) == "sekretariat");
  CHECK(http::bearer_token_name("Bearer siaran_b", two_tokens()) == "kecamatan");
}

TEST_CASE("the scheme is case-insensitive and spaces around the token are ignored") {
  CHECK(http::bearer_token_name("bearer   siaran_b ", two_tokens()) == "kecamatan");
}

TEST_CASE("an unknown token, another scheme, an empty token or no header names nobody") {
  CHECK_FALSE(http::bearer_token_name("Bearer siaran_c", two_tokens()));
  CHECK_FALSE(http::bearer_token_name("Basic c2lhcmFuX2E=", two_tokens()));
  CHECK_FALSE(http::bearer_token_name("Bearer ", two_tokens()));
  CHECK_FALSE(http::bearer_token_name("siaran_a", two_tokens()));
  CHECK_FALSE(http::bearer_token_name("", two_tokens()));
}

TEST_CASE("no configured tokens means no token is accepted") {
  CHECK_FALSE(http::bearer_token_name("Bearer siaran_a", {}));
}
