// SPDX-License-Identifier: GPL-3.0-or-later
// Long incoming SMS: each part is stored as it arrives; the set becomes one inbox message when
// complete, or an incomplete one when reassembly gives up.
#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "messages.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::temp_dir;

namespace {

incoming_fragment fragment(int number, std::string text, long at, int total = 3) {
  return incoming_fragment{"m1", "+628111", 42, total, number, std::move(text), "PDU" + std::to_string(number), at_s(at)};
}

}  // namespace

TEST_CASE("parts arriving out of order become one message in part order", "[queue][fragments]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  CHECK_FALSE(s.inbound.record_fragment(fragment(3, "kader.", 1)).message_id);
  CHECK_FALSE(s.inbound.record_fragment(fragment(1, "Hadir, ", 2)).message_id);
  CHECK_FALSE(s.inbound.record_fragment(fragment(1, "Hadir, ", 2)).message_id);  // offered again: nothing new
  const auto id = s.inbound.record_fragment(fragment(2, "semua ", 3)).message_id;
  REQUIRE(id);
  const auto inbox = s.inbound.inbox(0, at_s(0), 10);
  REQUIRE(inbox.size() == 1);
  CHECK(inbox[0].id == *id);
  CHECK(inbox[0].text == "Hadir, semua kader.");
  CHECK(inbox[0].parts == 3);
  CHECK(inbox[0].complete);
  CHECK(inbox[0].received_at == at_s(3));
  CHECK(s.inbound.flush_fragments(at_s(100)).empty());  // nothing left waiting
}

TEST_CASE("a set that stays incomplete is stored as what arrived when reassembly gives up", "[queue][fragments]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.inbound.record_fragment(fragment(1, "Hadir, ", 10));
  s.inbound.record_fragment(fragment(3, "kader.", 20));
  CHECK(s.inbound.flush_fragments(at_s(20)).empty());  // the newest part is not older than the cut-off yet
  const auto ids = s.inbound.flush_fragments(at_s(21));
  REQUIRE(ids.size() == 1);
  const auto inbox = s.inbound.inbox(0, at_s(0), 10);
  REQUIRE(inbox.size() == 1);
  CHECK(inbox[0].text == "Hadir, kader.");
  CHECK_FALSE(inbox[0].complete);
}

TEST_CASE("the inbox pages by id and filters by time", "[queue][inbox]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  for (long t = 1; t <= 5; ++t) {
    const std::string n = std::to_string(t);
    s.inbound.record_incoming(incoming_message{"m1", "+628111", "balasan " + n, at_s(t), {"PDU" + n}, {}, {}, {}, true});
  }
  const auto first = s.inbound.inbox(0, at_s(0), 2);
  REQUIRE(first.size() == 2);
  const auto next = s.inbound.inbox(first.back().id, at_s(0), 10);
  CHECK(next.size() == 3);
  CHECK(s.inbound.inbox(0, at_s(4), 10).size() == 2);
}
