// SPDX-License-Identifier: GPL-3.0-or-later
// Read and unread incoming messages (reply_book::mark_read, reply_book::unread), as the web
// UI's inbox badges count them.

#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "messages.h"
#include "queue/contacts.h"
#include "queue/replies.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::temp_dir;

namespace {

struct inbox_fixture {
  temp_dir dir;
  store_books s{dir.path() / "siaran.db"};
  contact_book contacts{s.database};
  reply_book replies{s.database};
  std::int64_t rina = contacts.add_officer({0, "Rina", std::nullopt, "-Rina", false, std::nullopt, std::nullopt}, at_s(0));
  std::int64_t budi = contacts.add_officer({0, "Budi", std::nullopt, "-Budi", false, std::nullopt, std::nullopt}, at_s(0));
  int received_count = 0;

  // An incoming SMS in `officer`'s inbox (none: the general inbox).
  std::int64_t received(std::optional<std::int64_t> officer) {
    incoming_message m;
    m.modem = "m1";
    m.sender = "+6281200000001";
    m.text = "Siap, hadir";
    m.received_at = at_s(10);
    m.raw_pdus = {"PDU" + std::to_string(++received_count)};  // another SMS: another centre time
    const std::int64_t id = *s.inbound.record_incoming(m).message_id;
    replies.route(id, {std::nullopt, std::nullopt, officer, std::nullopt});
    return id;
  }
};

}  // namespace

TEST_CASE("unread messages are counted per officer and in the general inbox", "[queue][inbox]") {
  inbox_fixture f;
  f.received(f.rina);
  f.received(f.rina);
  f.received(f.budi);
  f.received(std::nullopt);
  const unread_counts counts = f.replies.unread();
  CHECK(counts.total == 4);
  CHECK(counts.general == 1);
  CHECK(counts.by_officer == std::map<std::int64_t, std::int64_t>{{f.rina, 2}, {f.budi, 1}});
}

TEST_CASE("a message read is no longer counted and says when it was first read", "[queue][inbox]") {
  inbox_fixture f;
  const auto first = f.received(f.rina);
  f.received(f.rina);
  CHECK(f.replies.mark_read(first, at_s(20)));
  CHECK_FALSE(f.replies.mark_read(first, at_s(30)));  // the first reading stays
  CHECK(f.replies.find(first)->read_at == at_s(20));
  CHECK(f.replies.unread().by_officer.at(f.rina) == 1);
  CHECK(f.replies.unread().total == 1);
}

TEST_CASE("an unknown message cannot be marked read", "[queue][inbox]") {
  inbox_fixture f;
  CHECK_FALSE(f.replies.mark_read(99, at_s(20)));
}

TEST_CASE("inbox entries carry whether they were read", "[queue][inbox]") {
  inbox_fixture f;
  const auto read = f.received(std::nullopt);
  f.received(std::nullopt);
  f.replies.mark_read(read, at_s(20));
  const auto entries = f.replies.inbox({});
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].read_at.has_value());
  CHECK_FALSE(entries[1].read_at.has_value());
}
