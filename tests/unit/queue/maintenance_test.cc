// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "messages.h"
#include "queue/store.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::test::temp_dir;

TEST_CASE("prune deletes old finished messages and keeps unfinished ones", "[queue][prune]") {
  temp_dir dir;
  store s(dir.path() / "siaran.db");
  const auto done = s.enqueue(message_to("+628111", 10)).id;
  const auto waiting = s.enqueue(message_to("+628222", 20)).id;
  const auto recent = s.enqueue(message_to("+628333", 2000)).id;
  const auto c = s.claim_next(at_s(30));
  REQUIRE(c->part.message_id == done);
  s.mark_sent(c->part.id, "m1", 1, at_s(31));
  s.record_status_report({"m1", 1, "+628111", 0, std::nullopt, at_s(40), at_s(41), "00"});
  const auto counts = s.prune(at_s(1000));
  CHECK(counts.messages == 1);
  CHECK(counts.status_reports == 1);
  CHECK_FALSE(s.message(done));
  CHECK(s.message(waiting));
  CHECK(s.message(recent));
}

TEST_CASE("a backup taken while another connection writes is a readable store", "[queue][backup]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  store s(file);
  s.enqueue_batch(std::vector<new_message>(2000, message_to("+628111")));
  std::atomic<bool> stop = false;
  std::atomic<int> written = 0;
  std::thread writer([&] {
    store other(file);
    while (!stop) {
      other.enqueue(message_to("+628222", 5000));
      ++written;
    }
  });
  while (written < 5) std::this_thread::yield();
  s.backup(dir.path() / "copy.db");
  stop = true;
  writer.join();
  store copy(dir.path() / "copy.db");
  CHECK(copy.queue_depth() >= 2000);
  CHECK(copy.queue_depth() <= 2000 + written);
  CHECK(copy.message(1));
}
