// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran db backup` and `siaran db prune` against a real store file the test fills.

#include <catch2/catch.hpp>

#include "daemon/store_books.h"
#include "tests/support/child_process.h"
#include "tests/support/claim_due.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/queue/messages.h"

using namespace siaran::test;
using namespace std::chrono_literals;
namespace queue = siaran::queue;
using siaran::daemon::store_books;

namespace {

const std::string siaran_tool = SIARAN_BINARY_DIR "/tools/siaran";

program_result run_siaran(std::vector<std::string> args) {
  args.insert(args.begin(), siaran_tool);
  auto finished = run_program(std::move(args), deadline_in(30s));
  REQUIRE(finished);
  return *finished;
}

// One message sent (finished) and one still queued, both created at 1970 + 10 s.
struct filled_store {
  std::int64_t sent_id = 0;
  std::int64_t queued_id = 0;
};

filled_store fill(const std::filesystem::path& database) {
  store_books store(database);
  filled_store ids;
  ids.sent_id = store.queue.enqueue(queue::test::message_to("+6281234567890", 10)).id;
  const auto claimed = claim_due(store.queue, queue::test::at_s(20));
  REQUIRE(claimed);
  REQUIRE(claimed->part.message_id == ids.sent_id);
  store.queue.mark_sent(claimed->part.id, "m1", 42, queue::test::at_s(21));
  ids.queued_id = store.queue.enqueue(queue::test::message_to("+6281298765432", 10)).id;
  return ids;
}

}  // namespace

TEST_CASE("siaran db backup writes a copy that opens as a store holding the messages", "[cli][db]") {
  temp_dir dir;
  const auto database = dir.path() / "siaran.db";
  const filled_store ids = fill(database);
  const auto copy = dir.path() / "backup.db";

  const program_result finished = run_siaran({"db", "backup", copy.string(), "--database", database.string()});
  INFO("stderr: " << finished.err);
  CHECK(finished.exit_code == 0);
  store_books restored(copy);
  const auto message = restored.queue.message(ids.queued_id);
  REQUIRE(message);
  CHECK(message->recipient == "+6281298765432");
  CHECK(restored.queue.message(ids.sent_id));
}

TEST_CASE("siaran db backup finds the database through --config", "[cli][db]") {
  temp_dir dir;
  const auto database = dir.path() / "siaran.db";
  const filled_store ids = fill(database);
  const auto config = dir.write("siaran.yaml", "database: " + database.string() + "\n");
  const auto copy = dir.path() / "backup.db";

  const program_result finished = run_siaran({"db", "backup", copy.string(), "--config", config.string()});
  INFO("stderr: " << finished.err);
  CHECK(finished.exit_code == 0);
  CHECK(store_books(copy).queue.message(ids.sent_id));
}

TEST_CASE("siaran db prune removes finished messages before the date and keeps queued ones", "[cli][db]") {
  temp_dir dir;
  const auto database = dir.path() / "siaran.db";
  const filled_store ids = fill(database);

  const program_result finished = run_siaran({"db", "prune", "--before", "2099-01-01", "--database", database.string()});
  INFO("stderr: " << finished.err);
  CHECK(finished.exit_code == 0);
  CHECK(finished.out.find("1 messages") != std::string::npos);
  store_books store(database);
  CHECK_FALSE(store.queue.message(ids.sent_id));
  CHECK(store.queue.message(ids.queued_id));
}

TEST_CASE("siaran db prune refuses a date that is not YYYY-MM-DD with exit 65", "[cli][db]") {
  temp_dir dir;
  const auto database = dir.path() / "siaran.db";
  fill(database);
  for (const std::string date : {"yesterday", "2026-02-30", "2026-1-1", "01-01-2026"}) {
    const program_result finished = run_siaran({"db", "prune", "--before", date, "--database", database.string()});
    INFO("date " << date);
    CHECK(finished.exit_code == 65);
    CHECK(finished.err.find("YYYY-MM-DD") != std::string::npos);
  }
}

TEST_CASE("siaran db exits 69 when the database's directory does not exist", "[cli][db]") {
  temp_dir dir;
  const auto missing = dir.path() / "no-such-dir" / "siaran.db";
  const program_result prune = run_siaran({"db", "prune", "--before", "2026-01-01", "--database", missing.string()});
  CHECK(prune.exit_code == 69);
  CHECK(prune.err.find(missing.string()) != std::string::npos);
  const program_result backup = run_siaran({"db", "backup", (dir.path() / "b.db").string(), "--database", missing.string()});
  CHECK(backup.exit_code == 69);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "b.db"));
}

TEST_CASE("siaran db prune without --before is a usage error", "[cli][db]") {
  const program_result finished = run_siaran({"db", "prune", "--database", "/nonexistent.db"});
  CHECK(finished.exit_code == 2);
  CHECK(finished.err.find("--before") != std::string::npos);
}

TEST_CASE("siaran db prune keeps the last year of the audit log whatever the date", "[cli][db]") {
  temp_dir dir;
  const auto database = dir.path() / "siaran.db";
  const auto now = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  {
    store_books store(database);
    for (const queue::timestamp at : {now - std::chrono::days(400), now - std::chrono::days(300)}) {
      queue::audit_entry e;
      e.at = at;
      e.actor = "siti";
      store.audit.record(e);
    }
  }
  const program_result finished =
      run_siaran({"db", "prune", "--before", "2099-01-01", "--database", database.string()});
  INFO("stderr: " << finished.err);
  CHECK(finished.exit_code == 0);
  CHECK(finished.out.find("1 audit log entries") != std::string::npos);
  const auto kept = store_books(database).audit.list({});
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].at == now - std::chrono::days(300));
}
