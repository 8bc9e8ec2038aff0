// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <memory>

#include "daemon/store_books.h"
#include "messages.h"
#include "tests/support/claim_due.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::claim_due;
using siaran::test::temp_dir;

namespace {

// Claims two of three parts and marks one sent, then "dies": the first store is never used
// again and a new connection opens the file, as siarand does after kill -9.
struct killed_mid_broadcast {
  temp_dir dir;
  std::filesystem::path file = dir.path() / "siaran.db";
  std::unique_ptr<store_books> dead = std::make_unique<store_books>(file);
  std::int64_t sent_part = 0;
  std::int64_t in_flight_part = 0;

  killed_mid_broadcast() {
    for (int i = 0; i < 3; ++i) dead->queue.enqueue(message_to("+62812000000" + std::to_string(i), i));
    sent_part = claim_due(dead->queue, at_s(10), "m1")->part.id;
    dead->queue.mark_sent(sent_part, "m1", 1, at_s(11));
    in_flight_part = claim_due(dead->queue, at_s(12), "m2")->part.id;
  }
};

}  // namespace

TEST_CASE("after a crash, resend puts parts found sending back in the queue, flagged", "[queue][crash]") {
  killed_mid_broadcast crash;
  store_books restarted(crash.file);
  const auto found = restarted.queue.resolve_uncertain_at_startup(uncertain_policy::resend, at_s(100));
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == crash.in_flight_part);
  CHECK(found[0].modem == "m2");
  const auto again = claim_due(restarted.queue, at_s(100), "m1");
  REQUIRE(again);
  CHECK(again->part.id == crash.in_flight_part);
  CHECK(again->part.resent_uncertain);
  CHECK(again->part.attempts == 2);
}

TEST_CASE("after a crash, hold leaves parts found sending uncertain and unsent", "[queue][crash]") {
  killed_mid_broadcast crash;
  store_books restarted(crash.file);
  const auto found = restarted.queue.resolve_uncertain_at_startup(uncertain_policy::hold, at_s(100));
  REQUIRE(found.size() == 1);
  CHECK(restarted.queue.message(found[0].message_id)->state == part_state::uncertain);
  CHECK(restarted.statistics.uncertain_count() == 1);
  const auto next = claim_due(restarted.queue, at_s(100), "m1");
  REQUIRE(next);
  CHECK(next->part.id != crash.in_flight_part);
  CHECK_FALSE(claim_due(restarted.queue, at_s(100), "m1"));
}

TEST_CASE("a part sent before the crash stays sent", "[queue][crash]") {
  killed_mid_broadcast crash;
  store_books restarted(crash.file);
  restarted.queue.resolve_uncertain_at_startup(uncertain_policy::resend, at_s(100));
  const auto m = restarted.queue.message(1);
  REQUIRE(m);
  CHECK(m->parts[0].id == crash.sent_part);
  CHECK(m->state == part_state::sent);
  CHECK(m->parts[0].reference == 1);
}
