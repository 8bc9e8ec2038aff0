// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/imports/review_shelf.h"

using siaran::daemon::imports::import_review;
using siaran::daemon::imports::review_shelf;
using siaran::queue::timestamp;

namespace {

timestamp at_minute(int minute) { return timestamp{std::chrono::minutes(minute)}; }

import_review with_new(int count) {
  import_review r;
  r.new_contacts = count;
  return r;
}

}  // namespace

TEST_CASE("a review is applied once, by the caller who made it, within 30 minutes", "[imports]") {
  review_shelf shelf;
  const auto id = shelf.keep("user 1", with_new(3), at_minute(0));
  CHECK_FALSE(shelf.take(id, "user 2", at_minute(1)));
  const auto taken = shelf.take(id, "user 1", at_minute(1));
  REQUIRE(taken);
  CHECK(taken->new_contacts == 3);
  CHECK_FALSE(shelf.take(id, "user 1", at_minute(1)));

  const auto late = shelf.keep("user 1", with_new(1), at_minute(0));
  CHECK_FALSE(shelf.take(late, "user 1", at_minute(30)));
}

TEST_CASE("a caller keeps one review, and the shelf holds eight, dropping the oldest", "[imports]") {
  review_shelf shelf;
  const auto first = shelf.keep("user 1", with_new(1), at_minute(0));
  const auto second = shelf.keep("user 1", with_new(2), at_minute(1));
  CHECK_FALSE(shelf.take(first, "user 1", at_minute(2)));

  for (int user = 2; user <= 8; ++user) shelf.keep("user " + std::to_string(user), with_new(user), at_minute(2));
  const auto ninth = shelf.keep("user 9", with_new(9), at_minute(3));
  CHECK_FALSE(shelf.take(second, "user 1", at_minute(4)));
  CHECK(shelf.take(ninth, "user 9", at_minute(4)));
}
