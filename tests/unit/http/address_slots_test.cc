// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/address_slots.h"

#include <catch2/catch.hpp>

#include <optional>
#include <vector>

using siaran::daemon::http::address_slots;

TEST_CASE("an address gets at most its share of places, others keep theirs") {
  address_slots slots(2);
  std::vector<address_slots::ticket> held;
  held.push_back(*slots.take("10.0.0.1"));
  held.push_back(*slots.take("10.0.0.1"));
  CHECK_FALSE(slots.take("10.0.0.1"));
  CHECK(slots.take("10.0.0.2"));
  CHECK(slots.held("10.0.0.1") == 2);
}

TEST_CASE("a place is given back when its ticket goes, and a free address is forgotten") {
  address_slots slots(1);
  {
    const auto ticket = slots.take("10.0.0.1");
    REQUIRE(ticket);
    CHECK_FALSE(slots.take("10.0.0.1"));
  }
  CHECK(slots.held("10.0.0.1") == 0);
  std::optional<address_slots::ticket> moved = slots.take("10.0.0.1");
  REQUIRE(moved);
  address_slots::ticket kept = std::move(*moved);
  moved.reset();  // the moved-from ticket gives nothing back
  CHECK(slots.held("10.0.0.1") == 1);
}
