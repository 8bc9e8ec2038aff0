// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <functional>
#include <thread>

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

TEST_CASE("prune deletes old finished messages and keeps unfinished ones", "[queue][prune]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  const auto done = s.queue.enqueue(message_to("+628111", 10)).id;
  const auto waiting = s.queue.enqueue(message_to("+628222", 20)).id;
  const auto recent = s.queue.enqueue(message_to("+628333", 2000)).id;
  const auto c = claim_due(s.queue, at_s(30));
  REQUIRE(c->part.message_id == done);
  s.queue.mark_sent(c->part.id, "m1", 1, at_s(31));
  s.reports.record_status_report({"m1", 1, "+628111", 0, std::nullopt, at_s(40), at_s(41), "00", {}});
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

namespace {

store_fault fault_of(const std::function<void()>& write) {
  try {
    write();
  } catch (const store_error& e) {
    return e.fault();
  }
  FAIL("the write succeeded");
  return store_fault::other;
}

}  // namespace

TEST_CASE("a write into a database file deleted under it fails as missing, in a transaction or not",
          "[queue][health]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  store_books s(file);
  s.queue.enqueue(message_to("+628111"));
  REQUIRE(s.maintenance.health() == store_health::ok);

  SECTION("the file") { std::filesystem::remove(file); }
  SECTION("its -wal alone") { std::filesystem::remove(file.string() + "-wal"); }
  CHECK(s.maintenance.health() == store_health::missing);
  CHECK(fault_of([&] { s.queue.enqueue(message_to("+628222")); }) == store_fault::missing);
  // One statement outside a transaction commits by itself: refused the same.
  CHECK(fault_of([&] { s.maintenance.record_modem_event("m1", at_s(1), "ready", ""); }) == store_fault::missing);
}

TEST_CASE("a write that does not fit fails as full", "[queue][health]") {
  temp_dir dir;
  store_books s(dir.path() / "siaran.db");
  // The file's size limit stands in for the disk: SQLite answers SQLITE_FULL for both.
  s.database.sql().exec("PRAGMA max_page_count = 1", "capping the file at its current size");
  CHECK(fault_of([&] { s.queue.enqueue_batch(std::vector<new_message>(2000, message_to("+628111"))); }) ==
        store_fault::full);
}

TEST_CASE("quick_check finds a damaged file, and a connection told so refuses every write", "[queue][health]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  {
    store_books s(file);
    s.queue.enqueue_batch(std::vector<new_message>(5000, message_to("+628111")));
    CHECK_FALSE(s.maintenance.damage());
  }
  {
    std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
    out.seekp(static_cast<std::streamoff>(std::filesystem::file_size(file) / 2 / 4096 * 4096));
    const std::string garbage(4 * 4096, '\x5a');
    out.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  siaran::queue::database checked(file);
  maintenance checks(checked);
  CHECK(checks.damage());

  checks.refuse_writes(true);
  CHECK(checks.health() == store_health::corrupt);
  CHECK(fault_of([&] { checks.record_modem_event("m1", at_s(1), "ready", ""); }) == store_fault::corrupt);
  checks.refuse_writes(false);
  CHECK(checks.health() == store_health::ok);
}
