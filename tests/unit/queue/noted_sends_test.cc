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

// The dispatcher's store, and a second connection that sees only what was committed, as
// `siaran db backup` or a restarted siarand would.
struct two_connections {
  temp_dir dir;
  std::filesystem::path file = dir.path() / "siaran.db";
  std::unique_ptr<store_books> dispatcher_store = std::make_unique<store_books>(file);
  store_books observer{file};
  std::int64_t first_message = dispatcher_store->queue.enqueue(message_to("+6281200000001", 1)).id;
  std::int64_t second_message = dispatcher_store->queue.enqueue(message_to("+6281200000002", 2)).id;
  std::int64_t first_part = claim_due(dispatcher_store->queue, at_s(10), "m1")->part.id;

  part_record seen(std::int64_t message_id) { return observer.queue.message(message_id)->parts.at(0); }
};

}  // namespace

TEST_CASE("a noted send is recorded with the next claim, in the same transaction",
          "[queue][noted]") {
  two_connections c;
  CHECK(c.dispatcher_store->queue.unrecorded_sends() == 0);
  c.dispatcher_store->queue.note_sent(c.first_part, "m1", 42, at_s(11));
  CHECK(c.seen(c.first_message).state == part_state::sending);
  CHECK(c.dispatcher_store->queue.unrecorded_sends() == 1);

  REQUIRE(claim_due(c.dispatcher_store->queue, at_s(12), "m2"));
  CHECK(c.dispatcher_store->queue.unrecorded_sends() == 0);
  const part_record sent = c.seen(c.first_message);
  CHECK(sent.state == part_state::sent);
  CHECK(sent.reference == 42);
  CHECK(sent.modem == "m1");
  CHECK(sent.sent_at == at_s(11));
  CHECK(c.seen(c.second_message).state == part_state::sending);
}

TEST_CASE("a claim that finds nothing, and record_noted_sends, still record noted sends",
          "[queue][noted]") {
  two_connections c;
  c.dispatcher_store->queue.note_sent(c.first_part, "m1", 7, at_s(11));
  SECTION("a claim of a part that is no longer queued") {
    CHECK_FALSE(c.dispatcher_store->queue.claim(c.first_part, "m2", at_s(12)));
  }
  SECTION("record_noted_sends, with no claim to come") { c.dispatcher_store->queue.record_noted_sends(); }
  CHECK(c.seen(c.first_message).state == part_state::sent);
  CHECK(c.seen(c.second_message).state == part_state::queued);
}

TEST_CASE("a send noted but not recorded when siarand dies is uncertain at start-up",
          "[queue][noted][crash]") {
  two_connections c;
  c.dispatcher_store->queue.note_sent(c.first_part, "m1", 42, at_s(11));
  c.dispatcher_store.reset();  // killed: nothing recorded it

  store_books restarted(c.file);
  const auto found = restarted.queue.resolve_uncertain_at_startup(uncertain_policy::hold, at_s(100));
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == c.first_part);
  CHECK(c.seen(c.first_message).state == part_state::uncertain);
}
