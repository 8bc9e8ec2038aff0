// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <chrono>

#include "daemon/store_books.h"
#include "messages.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using namespace siaran::queue::test;
using siaran::daemon::store_books;
using siaran::test::temp_dir;

TEST_CASE("a batch of 100,000 messages is queued in one transaction", "[queue][batch]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  std::vector<new_message> batch;
  batch.reserve(100'000);
  for (int i = 0; i < 100'000; ++i) {
    auto m = message_to("+62812" + std::to_string(10'000'000 + i), 0);
    m.client_ref = "broadcast-1/" + std::to_string(i);
    batch.push_back(std::move(m));
  }
  const auto start = std::chrono::steady_clock::now();
  const auto ids = s.queue.enqueue_batch(batch);
  const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  WARN("enqueue_batch of 100,000 one-part messages took " << elapsed << " s");
  CHECK(ids.size() == 100'000);
  CHECK(s.statistics.queue_depth() == 100'000);
  CHECK(ids.back().id - ids.front().id == 99'999);
}

TEST_CASE("a batch with a bad message stores none of it", "[queue][batch]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  std::vector<new_message> batch(3, message_to("+628111"));
  batch[2].parts.clear();
  CHECK_THROWS_AS(s.queue.enqueue_batch(batch), store_error);
  CHECK(s.statistics.queue_depth() == 0);
  CHECK_FALSE(s.queue.message(1));
}
