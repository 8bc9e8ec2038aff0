// SPDX-License-Identifier: GPL-3.0-or-later
// A part's delivery as its status reports and the report timeout settle it, and a message's
// by the one rule of schema_deliveries.h (undelivered if any part is, delivered when every part
// is, unknown when a part's report is overdue, else pending; none when no report was asked).

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

namespace {

constexpr const char* number = "+6281234567890";

// A message of `parts` parts asking for a report, each part sent on m1 at 100 s with TP-MR
// 40 + its number. Returns the message's id.
std::int64_t sent_with_report(store_books& s, int parts) {
  new_message m = message_to(number, 0, 0, parts);
  m.report = true;
  const std::int64_t id = s.queue.enqueue(m).id;
  for (int n = 1; n <= parts; ++n) {
    const auto c = claim_due(s.queue, at_s(100), "m1");
    s.queue.mark_sent(c->part.id, "m1", 40 + n, at_s(100));
  }
  return id;
}

void report(store_books& s, int part_number, int status, long received_s = 160) {
  status_report r;
  r.modem = "m1";
  r.reference = 40 + part_number;
  r.recipient = number;
  r.status = status;
  r.received_at = at_s(received_s);
  r.raw_pdu = "00";
  REQUIRE(s.reports.record_status_report(r));
}

std::optional<std::string> delivery_of(store_books& s, std::int64_t id) { return s.queue.message(id)->delivery; }

}  // namespace

TEST_CASE("a message that asks for no report has no delivery, nor have its parts", "[queue][delivery]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const std::int64_t id = s.queue.enqueue(message_to(number)).id;
  const auto c = claim_due(s.queue, at_s(100), "m1");
  s.queue.mark_sent(c->part.id, "m1", 41, at_s(100));
  CHECK_FALSE(delivery_of(s, id));
  CHECK_FALSE(s.queue.message(id)->parts[0].delivery);
  CHECK(s.reports.settle_unreported(at_s(10'000)) == 0);
  CHECK_FALSE(delivery_of(s, id));
}

TEST_CASE("a long message is pending until every part is delivered", "[queue][delivery]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const std::int64_t id = sent_with_report(s, 2);
  CHECK(delivery_of(s, id) == "pending");
  report(s, 1, 0x00);
  CHECK(s.queue.message(id)->parts[0].delivery == "delivered");
  CHECK(delivery_of(s, id) == "pending");
  report(s, 2, 0x21);  // the centre is still trying
  CHECK(s.queue.message(id)->parts[1].delivery == "pending");
  CHECK(delivery_of(s, id) == "pending");
  report(s, 2, 0x01);
  CHECK(delivery_of(s, id) == "delivered");
}

TEST_CASE("one undelivered part makes the message undelivered, a temporary error given up on too",
          "[queue][delivery]") {
  for (const int given_up : {0x41, 0x62}) {
    temp_dir dir;
    store_books s(dir.path() / "siaran.db");
    const std::int64_t id = sent_with_report(s, 2);
    report(s, 1, 0x00);
    report(s, 2, given_up);
    CHECK(delivery_of(s, id) == "undelivered");
    CHECK(s.queue.message(id)->parts[1].status == given_up);
    CHECK(s.queue.message(id)->state == part_state::failed);
  }
}

TEST_CASE("a part without a final report by the timeout is unknown until a late report settles it",
          "[queue][delivery]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const std::int64_t id = sent_with_report(s, 2);
  report(s, 1, 0x00);
  report(s, 2, 0x22);
  CHECK(s.reports.settle_unreported(at_s(99)) == 0);  // sent after that: not overdue
  CHECK(delivery_of(s, id) == "pending");
  CHECK(s.reports.settle_unreported(at_s(100)) == 1);  // the delivered part stays delivered
  CHECK(s.queue.message(id)->parts[1].delivery == "unknown");
  CHECK(delivery_of(s, id) == "unknown");
  report(s, 2, 0x23, 200);  // still trying: settles nothing
  CHECK(delivery_of(s, id) == "unknown");
  report(s, 2, 0x00, 300);
  CHECK(delivery_of(s, id) == "delivered");
}

TEST_CASE("a part not yet sent is not overdue, however old the message", "[queue][delivery]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  new_message m = message_to(number);
  m.report = true;
  const std::int64_t id = s.queue.enqueue(m).id;
  CHECK(delivery_of(s, id) == "pending");
  CHECK(s.reports.settle_unreported(at_s(10'000)) == 0);
  CHECK(delivery_of(s, id) == "pending");
}

TEST_CASE("overdue parts are made unknown a step at a time when asked", "[queue][delivery]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const std::int64_t first = sent_with_report(s, 1);
  CHECK(s.queue.message(first)->delivery == "pending");
  const std::int64_t second = sent_with_report(s, 2);
  CHECK(s.reports.settle_unreported(at_s(100), 2) == 2);
  CHECK(s.reports.settle_unreported(at_s(100), 2) == 1);
  CHECK(s.reports.settle_unreported(at_s(100), 2) == 0);
  CHECK(delivery_of(s, first) == "unknown");
  CHECK(delivery_of(s, second) == "unknown");
}
