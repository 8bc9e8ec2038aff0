// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "messages.h"
#include "queue/connection.h"
#include "tests/support/claim_due.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::claim_due;
using siaran::test::temp_dir;

namespace {

// Queues one message to +628111 and claims its part on m1 at 1 s.
part_record queued_and_claimed(store_books& s) {
  s.queue.enqueue(message_to("+628111"));
  const auto c = claim_due(s.queue, at_s(1), "m1");
  REQUIRE(c);
  return c->part;
}

}  // namespace

TEST_CASE("parts are claimed by priority first, then oldest first", "[queue][claim]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto old_low = s.queue.enqueue(message_to("+628111", 1, 0)).id;
  const auto new_low = s.queue.enqueue(message_to("+628222", 2, 0)).id;
  const auto urgent = s.queue.enqueue(message_to("+628333", 3, 5)).id;
  std::vector<std::int64_t> order;
  while (const auto c = claim_due(s.queue, at_s(10))) order.push_back(c->part.message_id);
  CHECK(order == std::vector<std::int64_t>{urgent, old_low, new_low});
}

TEST_CASE("a claimed part is sending, counted as an attempt, and not claimed again",
          "[queue][claim]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  store_books s(file);
  s.queue.enqueue(message_to("+6281234567890"));
  const auto claimed = claim_due(s.queue, at_s(1), "m1");
  REQUIRE(claimed);
  CHECK(claimed->part.state == part_state::sending);
  CHECK(claimed->part.attempts == 1);
  CHECK(claimed->part.modem == "m1");
  CHECK(claimed->recipient == "+6281234567890");
  CHECK_FALSE(claim_due(s.queue, at_s(2), "m2"));
  store_books other(file);  // another connection sees the claim too
  CHECK_FALSE(claim_due(other.queue, at_s(2), "m3"));
}

TEST_CASE("a part retried later is not claimed before it is due", "[queue][claim]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.queue.enqueue(message_to("+6281234567890"));
  const auto first = claim_due(s.queue, at_s(1), "m1");
  REQUIRE(first);
  s.queue.mark_failed_temporary(first->part.id, {"+CMS ERROR: 38", 38}, at_s(2), at_s(60));
  CHECK_FALSE(claim_due(s.queue, at_s(59), "m1"));
  const auto retry = claim_due(s.queue, at_s(60), "m1");
  REQUIRE(retry);
  CHECK(retry->part.id == first->part.id);
  CHECK(retry->part.attempts == 2);
  CHECK(retry->part.last_error == "+CMS ERROR: 38");
}

TEST_CASE("a message scheduled for later is not claimed before its send_at", "[queue][claim]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  auto m = message_to("+6281234567890", 0);
  m.send_at = at_s(3600);
  s.queue.enqueue(m);
  CHECK_FALSE(claim_due(s.queue, at_s(3599)));
  CHECK(claim_due(s.queue, at_s(3600)));
}

TEST_CASE("an expired message fails when its turn comes and the next one is claimed",
          "[queue][claim]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  auto stale = message_to("+628111", 0, 9, 2);
  stale.expires_at = at_s(30);
  const auto stale_id = s.queue.enqueue(stale).id;
  const auto fresh_id = s.queue.enqueue(message_to("+628222", 1)).id;
  const auto claimed = claim_due(s.queue, at_s(31));
  REQUIRE(claimed);
  CHECK(claimed->part.message_id == fresh_id);
  const auto failed = s.queue.message(stale_id);
  CHECK(failed->state == part_state::failed);
  CHECK(failed->parts[1].last_error == "expired before it could be sent");
}

TEST_CASE("the other parts of a concatenated message stay on the modem that sent the first",
          "[queue][claim]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.queue.enqueue(message_to("+628111", 0, 0, 2));
  const auto first = claim_due(s.queue, at_s(1), "m1");
  REQUIRE(first);
  CHECK_FALSE(claim_due(s.queue, at_s(1), "m2"));
  const auto second = claim_due(s.queue, at_s(1), "m1");
  REQUIRE(second);
  CHECK(second->part.number == 2);
}

TEST_CASE("a permanent failure is final and a wrong transition is refused", "[queue][claim]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto part = queued_and_claimed(s);
  s.queue.mark_failed_permanent(part.id, {"+CMS ERROR: 1 (unassigned number)", 1}, at_s(2));
  CHECK(s.queue.message(part.message_id)->state == part_state::failed);
  CHECK_FALSE(claim_due(s.queue, at_s(100)));
  CHECK_THROWS_AS(s.queue.mark_sent(part.id, "m1", 3, at_s(3)), store_error);
}

TEST_CASE("a part the modem lost mid-send is uncertain and not resent", "[queue][claim]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto part = queued_and_claimed(s);
  s.queue.mark_uncertain(part.id, "modem m1 hung up after the PDU", at_s(2));
  CHECK(s.queue.message(part.message_id)->state == part_state::uncertain);
  CHECK_FALSE(claim_due(s.queue, at_s(100)));
}

TEST_CASE("durable claims claim the same parts", "[queue][claim]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db", store_options{.durable_claims = true});
  s.queue.mark_sent(queued_and_claimed(s).id, "m1", 9, at_s(2));
  CHECK_FALSE(claim_due(s.queue, at_s(3), "m1"));
}

TEST_CASE("a round's claims go in one transaction, and a part claimed already is left out",
          "[queue][claim]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  store_books s(file);
  const auto first = s.queue.enqueue(message_to("+628111")).id;
  const auto second = s.queue.enqueue(message_to("+628222")).id;
  const auto due = s.queue.due_parts(at_s(1), 10);
  REQUIRE(due.size() == 2);
  store_books other(file);
  REQUIRE(other.queue.claim(due[1].part_id, "m9", at_s(1)));  // another round won this one

  const std::vector<message_queue::claim_request> wanted{{due[0].part_id, "m1"},
                                                         {due[1].part_id, "m2"}};
  const auto claimed = s.queue.claim_each(wanted, at_s(1));
  REQUIRE(claimed.size() == 2);
  REQUIRE(claimed[0]);
  CHECK(claimed[0]->part.message_id == first);
  CHECK(claimed[0]->part.modem == "m1");
  CHECK(claimed[0]->part.state == part_state::sending);
  CHECK_FALSE(claimed[1]);
  CHECK(s.queue.message(second)->parts[0].modem == "m9");
}

TEST_CASE("claims made together are all undone when the store refuses them", "[queue][claim]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  store_books s(file);
  s.maintenance.set_lock_wait(std::chrono::milliseconds(10));
  s.queue.enqueue(message_to("+628111"));
  s.queue.enqueue(message_to("+628222"));
  const auto due = s.queue.due_parts(at_s(1), 10);
  REQUIRE(due.size() == 2);
  connection holder(file);  // another process's write transaction
  holder.exec("BEGIN IMMEDIATE", "holding the write lock");
  const std::vector<message_queue::claim_request> wanted{{due[0].part_id, "m1"},
                                                         {due[1].part_id, "m2"}};
  CHECK_THROWS_AS(s.queue.claim_each(wanted, at_s(1)), store_busy);
  holder.exec("ROLLBACK", "releasing the write lock");
  CHECK(s.queue.due_parts(at_s(1), 10).size() == 2);
}
