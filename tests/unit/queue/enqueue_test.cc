// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "messages.h"
#include "tests/support/claim_due.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::claim_due;
using siaran::test::temp_dir;

TEST_CASE("a queued message reads back with its parts, queued", "[queue][enqueue]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto id = s.queue.enqueue(message_to("+6281234567890", 10, 0, 3)).id;
  const auto m = s.queue.message(id);
  REQUIRE(m);
  CHECK(m->recipient == "+6281234567890");
  CHECK(m->state == part_state::queued);
  REQUIRE(m->parts.size() == 3);
  CHECK(m->parts[2].number == 3);
  CHECK(m->parts[2].total == 3);
  CHECK(s.statistics.queue_depth() == 3);
}

TEST_CASE("the same client_ref twice stores one message and returns its id", "[queue][enqueue]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  auto m = message_to("+6281234567890");
  m.client_ref = "undangan-17";
  const auto first = s.queue.enqueue(m);
  const auto second = s.queue.enqueue(m);
  CHECK_FALSE(first.duplicate);
  CHECK(second.duplicate);
  CHECK(second.id == first.id);
  CHECK(s.statistics.queue_depth() == 1);
}

TEST_CASE("messages without client_ref are never taken for duplicates", "[queue][enqueue]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto a = s.queue.enqueue(message_to("+6281234567890"));
  const auto b = s.queue.enqueue(message_to("+6281234567890"));
  CHECK(a.id != b.id);
  CHECK_FALSE(b.duplicate);
}

TEST_CASE("a message without parts is refused and stores nothing", "[queue][enqueue]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  auto empty = message_to("+6281234567890");
  empty.parts.clear();
  CHECK_THROWS_AS(s.queue.enqueue_batch({message_to("+628111"), empty}), store_error);
  CHECK(s.statistics.queue_depth() == 0);
}

TEST_CASE("a message's state follows its parts", "[queue][enqueue]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto id = s.queue.enqueue(message_to("+6281234567890", 0, 0, 2)).id;
  const auto first = claim_due(s.queue, at_s(1), "m1");
  REQUIRE(first);
  CHECK(s.queue.message(id)->state == part_state::sending);
  s.queue.mark_sent(first->part.id, "m1", 7, at_s(2));
  CHECK(s.queue.message(id)->state == part_state::sending);  // one out, one still queued
  const auto second = claim_due(s.queue, at_s(3), "m1");
  REQUIRE(second);
  s.queue.mark_sent(second->part.id, "m1", 8, at_s(4));
  CHECK(s.queue.message(id)->state == part_state::sent);
  REQUIRE(s.queue.messages_by_state(part_state::sent).size() == 1);
  CHECK(s.queue.messages_by_state(part_state::queued).empty());
}
