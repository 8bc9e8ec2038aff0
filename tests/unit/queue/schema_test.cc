// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <string>

#include "queue/connection.h"
#include "queue/database.h"
#include "queue/message_queue.h"
#include "queue/schema.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using siaran::test::temp_dir;

namespace {

int user_version(const std::filesystem::path& file) {
  connection db(file);
  statement q(db, "PRAGMA user_version");
  step_scope scope(q);
  q.step();
  return static_cast<int>(q.int64(0));
}

std::string journal_mode(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, nullptr);
  sqlite3_step(q);
  std::string mode = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
  sqlite3_finalize(q);
  sqlite3_close(db);
  return mode;
}

}  // namespace

TEST_CASE("an empty file is migrated to the current schema in WAL mode", "[queue][schema]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  { database opened(file); }
  CHECK(user_version(file) == schema_version());
  CHECK(journal_mode(file) == "wal");
}

TEST_CASE("re-opening a migrated store keeps its data and migrates nothing", "[queue][schema]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  std::int64_t id = 0;
  {
    database db(file);
    new_message m;
    m.recipient = "+6281234567890";
    m.text = "halo";
    m.parts.push_back({"00", 1});
    id = message_queue(db).enqueue(m).id;
  }
  database again(file);
  CHECK(user_version(file) == schema_version());
  const auto kept = message_queue(again).message(id);
  REQUIRE(kept);
  CHECK(kept->text == "halo");
}

TEST_CASE("a store written by a newer Siaran is refused, saying so", "[queue][schema]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  { database opened(file); }
  {
    connection db(file);
    db.exec(("PRAGMA user_version=" + std::to_string(schema_version() + 1)).c_str(), "test");
  }
  CHECK_THROWS_WITH(database(file), Catch::Contains("newer than this Siaran understands"));
}

TEST_CASE("a file that is not a SQLite database gives a store_error naming it", "[queue][schema]") {
  temp_dir dir;
  const auto file = dir.write("siaran.db", std::string(8192, 'x'));
  CHECK_THROWS_AS(database(file), store_error);
  CHECK_THROWS_WITH(database(file), Catch::Contains(file.string()) && Catch::Contains("not a database"));
}

TEST_CASE("a store in a directory that does not exist gives a store_error", "[queue][schema]") {
  temp_dir dir;
  CHECK_THROWS_AS(database(dir.path() / "missing" / "siaran.db"), store_error);
}
