// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatcher's way in: look at the due parts first, then claim the one it chose.
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

TEST_CASE("due parts come in claim order with their recipient and pin", "[queue][due]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.queue.enqueue(message_to("+628111", 1, 0));
  const auto urgent = s.queue.enqueue(message_to("+628333", 2, 5, 2)).id;
  auto later = message_to("+628444", 3);
  later.send_at = at_s(100);
  s.queue.enqueue(later);

  const auto due = s.queue.due_parts(at_s(10), 10);
  REQUIRE(due.size() == 3);  // both parts of the urgent one, then the old one; not the later one
  CHECK(due[0].recipient == "+628333");
  CHECK(due[0].priority == 5);
  CHECK(due[2].recipient == "+628111");
  CHECK_FALSE(due[0].pinned_modem);

  REQUIRE(s.queue.claim(due[0].part_id, "m2", at_s(10)));
  const auto after = s.queue.due_parts(at_s(10), 10);
  REQUIRE(after.size() == 2);
  CHECK(after[0].pinned_modem == std::optional<std::string>("m2"));  // the sibling follows
  CHECK(s.queue.message(urgent)->parts[0].state == part_state::sending);
}

TEST_CASE("a part is claimed only while it is queued", "[queue][due]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.queue.enqueue(message_to("+628111"));
  const auto due = s.queue.due_parts(at_s(1), 1);
  REQUIRE(due.size() == 1);
  REQUIRE(s.queue.claim(due[0].part_id, "m1", at_s(1)));
  CHECK_FALSE(s.queue.claim(due[0].part_id, "m2", at_s(1)));
  CHECK_FALSE(s.queue.claim(999, "m1", at_s(1)));
}

TEST_CASE("an expired message met while looking is failed, not offered", "[queue][due]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  auto stale = message_to("+628111");
  stale.expires_at = at_s(5);
  const auto id = s.queue.enqueue(stale).id;
  CHECK(s.queue.due_parts(at_s(6), 10).empty());
  CHECK(s.queue.message(id)->state == part_state::failed);
}

TEST_CASE("an uncertain part requeued for resend is flagged and due at once", "[queue][due]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto id = s.queue.enqueue(message_to("+628111")).id;
  const auto claimed = claim_due(s.queue, at_s(1), "m1");
  REQUIRE(claimed);
  s.queue.requeue_uncertain(claimed->part.id, "modem m1 gone mid-send", at_s(2));
  const auto m = s.queue.message(id);
  CHECK(m->parts[0].state == part_state::queued);
  CHECK(m->parts[0].resent_uncertain);
  CHECK(s.queue.due_parts(at_s(2), 10).size() == 1);
  CHECK(s.statistics.queue_depth() == 1);
}

TEST_CASE("a part pinned to one modem is not claimed for another unless moved from it", "[queue][due]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.queue.enqueue(message_to("+628111", 1, 0, 2));
  const auto due = s.queue.due_parts(at_s(1), 10);
  REQUIRE(due.size() == 2);
  REQUIRE(s.queue.claim(due[0].part_id, "m1", at_s(1)));
  CHECK_FALSE(s.queue.claim(due[1].part_id, "m2", at_s(1)));  // chosen in the same round, before the pin
  CHECK_FALSE(s.queue.claim(due[1].part_id, "m2", at_s(1), "m3"));  // pinned to m1, not to m3
  CHECK(s.queue.claim(due[1].part_id, "m2", at_s(1), "m1"));  // m1 is gone: better from m2 than never
}

TEST_CASE("a long message's part moved off its modem takes the other parts along", "[queue][due]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto id = s.queue.enqueue(message_to("+628111", 1, 0, 3)).id;
  const auto due = s.queue.due_parts(at_s(1), 10);
  REQUIRE(due.size() == 3);
  REQUIRE(s.queue.claim(due[0].part_id, "m1", at_s(1)));  // pins parts 2 and 3 to m1
  // m1 died: both parts were chosen in one round for two free modems, 2 for m2 and 3 for m3.
  REQUIRE(s.queue.claim(due[1].part_id, "m2", at_s(2), "m1"));
  CHECK_FALSE(s.queue.claim(due[2].part_id, "m3", at_s(2), "m1"));  // it follows part 2, on m2
  const auto third = s.queue.claim_part_of(id, 3, "m2", at_s(3));
  REQUIRE(third);
  CHECK(third->part.number == 3);
}

TEST_CASE("expired messages anywhere in the queue are failed by the sweep", "[queue][due]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  auto stale = message_to("+628111", 1, 0, 2);
  stale.expires_at = at_s(5);
  const auto id = s.queue.enqueue(stale).id;
  s.queue.enqueue(message_to("+628222"));
  CHECK(s.queue.expire_overdue(at_s(4)) == 0);
  CHECK(s.queue.expire_overdue(at_s(5)) == 2);
  CHECK(s.queue.message(id)->state == part_state::failed);
  CHECK(s.statistics.queue_depth() == 1);
}

TEST_CASE("the next part of a long message is claimed by its number for the modem of the first",
          "[queue][due]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto id = s.queue.enqueue(message_to("+628111", 1, 0, 3)).id;
  const auto first = claim_due(s.queue, at_s(1), "m1");
  REQUIRE(first);
  s.queue.mark_sent(first->part.id, "m1", 7, at_s(2));
  const auto second = s.queue.claim_part_of(id, 2, "m1", at_s(2));
  REQUIRE(second);
  CHECK(second->part.number == 2);
  CHECK_FALSE(s.queue.claim_part_of(id, 2, "m1", at_s(2)));  // already sending
  CHECK_FALSE(s.queue.claim_part_of(id, 3, "m2", at_s(2)));  // pinned to m1
}

TEST_CASE("parts pinned to a busy modem are left out of the due parts", "[queue][due]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.queue.enqueue(message_to("+628111", 1, 0, 3));
  s.queue.enqueue(message_to("+628222", 2));
  REQUIRE(claim_due(s.queue, at_s(3), "m1"));  // part 1 of the long one: 2 and 3 now pinned to m1
  const auto while_busy = s.queue.due_parts(at_s(3), 10, {"m0", "m1"});
  REQUIRE(while_busy.size() == 1);
  CHECK(while_busy[0].recipient == "+628222");
  CHECK(s.queue.due_parts(at_s(3), 10, {"m11"}).size() == 3);  // m11 is not m1
}
