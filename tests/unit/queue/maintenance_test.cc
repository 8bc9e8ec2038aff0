// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "daemon/store_books.h"
#include "messages.h"
#include "tests/support/claim_due.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::claim_due;
using siaran::test::temp_dir;

TEST_CASE("prune deletes old finished messages and keeps unfinished ones", "[queue][prune]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto done = s.queue.enqueue(message_to("+628111", 10)).id;
  const auto waiting = s.queue.enqueue(message_to("+628222", 20)).id;
  const auto recent = s.queue.enqueue(message_to("+628333", 2000)).id;
  const auto c = claim_due(s.queue, at_s(30));
  REQUIRE(c->part.message_id == done);
  s.queue.mark_sent(c->part.id, "m1", 1, at_s(31));
  s.reports.record_status_report({"m1", 1, "+628111", 0, std::nullopt, at_s(40), at_s(41), "00"});
  const auto counts = s.maintenance.prune(at_s(1000));
  CHECK(counts.messages == 1);
  CHECK(counts.status_reports == 1);
  CHECK_FALSE(s.queue.message(done));
  CHECK(s.queue.message(waiting));
  CHECK(s.queue.message(recent));
}

TEST_CASE("a backup taken while another connection writes is a readable store", "[queue][backup]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  store_books s(file);
  s.queue.enqueue_batch(std::vector<new_message>(2000, message_to("+628111")));
  std::atomic<bool> stop = false;
  std::atomic<int> written = 0;
  std::thread writer([&] {
    store_books other(file);
    while (!stop) {
      other.queue.enqueue(message_to("+628222", 5000));
      ++written;
    }
  });
  while (written < 5) std::this_thread::yield();
  s.maintenance.backup(dir.path() / "copy.db");
  stop = true;
  writer.join();
  store_books copy(dir.path() / "copy.db");
  CHECK(copy.statistics.queue_depth() >= 2000);
  CHECK(copy.statistics.queue_depth() <= 2000 + written);
  CHECK(copy.queue.message(1));
}
