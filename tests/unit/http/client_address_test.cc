// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/client_address.h"

#include <catch2/catch.hpp>

using siaran::daemon::http::canonical_address;
using siaran::daemon::http::client_address;

TEST_CASE("the peer is the client unless it is a trusted proxy") {
  CHECK(client_address("10.0.0.5", "192.0.2.7", {}) == "10.0.0.5");
  CHECK(client_address("10.0.0.5", "192.0.2.7", {"10.0.0.9"}) == "10.0.0.5");
  CHECK(client_address("10.0.0.9", "", {"10.0.0.9"}) == "10.0.0.9");
}

TEST_CASE("behind trusted proxies the client is the last address they did not write for each other") {
  CHECK(client_address("10.0.0.9", "192.0.2.7", {"10.0.0.9"}) == "192.0.2.7");
  // A client that forged a first entry gains nothing: the proxy appended the address it saw.
  CHECK(client_address("10.0.0.9", "6.6.6.6, 192.0.2.7", {"10.0.0.9"}) == "192.0.2.7");
  CHECK(client_address("10.0.0.9", "192.0.2.7, 10.0.0.8", {"10.0.0.9", "10.0.0.8"}) == "192.0.2.7");
  CHECK(client_address("10.0.0.9", " 192.0.2.7 ,10.0.0.8 ", {"10.0.0.9", "10.0.0.8"}) == "192.0.2.7");
}

TEST_CASE("a malformed X-Forwarded-For entry stops the walk at the last proxy") {
  CHECK(client_address("10.0.0.9", "192.0.2.7, not-an-address", {"10.0.0.9"}) == "10.0.0.9");
  CHECK(client_address("10.0.0.9", "192.0.2.7:5000", {"10.0.0.9"}) == "10.0.0.9");
}

TEST_CASE("addresses are compared in their canonical form") {
  CHECK(canonical_address("::ffff:10.0.0.9") == "10.0.0.9");
  CHECK(canonical_address("2001:DB8:0:0::1") == "2001:db8::1");
  CHECK(canonical_address("192.168.001.1").empty());
  CHECK(canonical_address("").empty());
  CHECK(client_address("::ffff:10.0.0.9", "2001:db8::7", {"10.0.0.9"}) == "2001:db8::7");
}
