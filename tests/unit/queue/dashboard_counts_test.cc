// SPDX-License-Identifier: GPL-3.0-or-later
// The counts behind the web UI's dashboard and modem page (statistics::part_counts_between,
// statistics::sent_by_modem_since) and the pinned test send (message_queue::enqueue_pinned).

#include <catch2/catch.hpp>

#include <chrono>

#include "daemon/schedule/local_time.h"
#include "daemon/store_books.h"
#include "messages.h"
#include "tests/support/claim_due.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using namespace std::chrono_literals;
using siaran::daemon::store_books;
using siaran::test::claim_due;
using siaran::test::temp_dir;

namespace {

// 2026-11-24 17:00 UTC is midnight of 25 November in Jakarta (UTC+7).
const timestamp jakarta_midnight_25 = timestamp(std::chrono::sys_days{std::chrono::year{2026} / 11 / 24} + 17h);

long seconds_of(timestamp t) { return static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count()); }

// One part to `recipient`, queued a minute before and sent on `modem` at `at` with TP-MR 7.
std::int64_t sent_at(store_books& s, timestamp at, const std::string& modem = "m1",
                     const std::string& recipient = "+6281234567890") {
  s.queue.enqueue(message_to(recipient, seconds_of(at) - 60));
  const auto c = claim_due(s.queue, at, modem);
  s.queue.mark_sent(c->part.id, modem, 7, at);
  return c->part.id;
}

status_report delivered_report(timestamp at) {
  status_report r;
  r.modem = "m1";
  r.reference = 7;
  r.recipient = "081234567890";
  r.status = 0;
  r.discharge_time = at;
  r.received_at = at;
  r.raw_pdu = "00";
  return r;
}

// Midnights of 24, 25 and 26 November in Jakarta: two local days.
std::vector<timestamp> jakarta_days() {
  const siaran::daemon::schedule::time_zone jakarta("Asia/Jakarta");
  return {jakarta.to_utc({2026, 11, 24}, 0, 0), jakarta.to_utc({2026, 11, 25}, 0, 0),
          jakarta.to_utc({2026, 11, 26}, 0, 0)};
}

}  // namespace

TEST_CASE("a part sent one second before Jakarta's midnight counts on the day before", "[queue][stats]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  REQUIRE(jakarta_days()[1] == jakarta_midnight_25);
  sent_at(s, jakarta_midnight_25 - 1s);
  sent_at(s, jakarta_midnight_25);
  sent_at(s, jakarta_midnight_25 + 23h);
  const auto counts = s.statistics.part_counts_between(jakarta_days());
  REQUIRE(counts.size() == 2);
  CHECK(counts[0] == part_counts{1, 0, 0});
  CHECK(counts[1] == part_counts{2, 0, 0});
}

TEST_CASE("deliveries count on the day of their report, not of their send", "[queue][stats]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  sent_at(s, jakarta_midnight_25 - 2h);
  REQUIRE(s.reports.record_status_report(delivered_report(jakarta_midnight_25 + 1h)));
  const auto counts = s.statistics.part_counts_between(jakarta_days());
  CHECK(counts[0] == part_counts{1, 0, 0});
  CHECK(counts[1] == part_counts{0, 1, 0});
}

TEST_CASE("a part that failed on the modem counts on the day of the failure", "[queue][stats]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  s.queue.enqueue(message_to("+6281234567890", seconds_of(jakarta_midnight_25 - 3h)));
  const auto c = claim_due(s.queue, jakarta_midnight_25 - 3h, "m1");
  s.queue.mark_failed_temporary(c->part.id, {"no network", std::nullopt}, jakarta_midnight_25 - 3h, jakarta_midnight_25 + 2h);
  REQUIRE(claim_due(s.queue, jakarta_midnight_25 + 2h, "m1"));
  s.queue.mark_failed_permanent(c->part.id, {"+CMS ERROR: 1", 1}, jakarta_midnight_25 + 2h);
  const auto counts = s.statistics.part_counts_between(jakarta_days());
  CHECK(counts[0] == part_counts{0, 0, 0});
  CHECK(counts[1] == part_counts{0, 0, 1});
}

TEST_CASE("a part that expired unsent counts as failed on the day it expired", "[queue][stats]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  new_message m = message_to("+6281234567890", seconds_of(jakarta_midnight_25 - 5h));
  m.expires_at = jakarta_midnight_25 + 30min;
  s.queue.enqueue(m);
  REQUIRE(s.queue.expire_overdue(jakarta_midnight_25 + 1h) == 1);
  CHECK(s.statistics.part_counts_between(jakarta_days())[1] == part_counts{0, 0, 1});
}

TEST_CASE("parts outside the intervals are not counted", "[queue][stats]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto days = jakarta_days();
  sent_at(s, days.front() - 1s);
  sent_at(s, days.back());
  const auto counts = s.statistics.part_counts_between(days);
  CHECK(counts[0] == part_counts{});
  CHECK(counts[1] == part_counts{});
  CHECK(s.statistics.part_counts_between({days.front()}).empty());
}

TEST_CASE("each modem's parts sent since a time are counted apart", "[queue][stats]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  sent_at(s, jakarta_midnight_25 - 1s, "m1");
  sent_at(s, jakarta_midnight_25, "m1", "+6281200000001");
  sent_at(s, jakarta_midnight_25 + 1h, "m2", "+6281200000002");
  sent_at(s, jakarta_midnight_25 + 2h, "m2", "+6281200000003");
  s.queue.enqueue(message_to("+6281200000004", seconds_of(jakarta_midnight_25)));  // queued, not sent
  const auto sent = s.statistics.sent_by_modem_since(jakarta_midnight_25);
  CHECK(sent == std::map<std::string, std::int64_t>{{"m1", 1}, {"m2", 2}});
}

TEST_CASE("a pinned message is claimed only by its modem while that modem is asked", "[queue][pinned]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const accepted a = s.queue.enqueue_pinned(message_to("+6281234567890", 0, 0, 2), "m2");
  const auto due = s.queue.due_parts(at_s(1), 10);
  REQUIRE(due.size() == 2);
  CHECK(due[0].pinned_modem == "m2");
  CHECK(due[1].pinned_modem == "m2");
  CHECK_FALSE(s.queue.claim(due[0].part_id, "m1", at_s(1)));
  const auto claimed = s.queue.claim(due[0].part_id, "m2", at_s(1));
  REQUIRE(claimed);
  CHECK(claimed->part.message_id == a.id);
}
