// SPDX-License-Identifier: GPL-3.0-or-later
// Number changes in the reply book (queue/replies.h) on a real SQLite file: schema step 19 keeps
// the changes a store already had, and lets a change from a new SIM wait without a contact.

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "queue/connection.h"
#include "queue/contacts.h"
#include "queue/database.h"
#include "queue/replies.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/queue/undo_later_steps.h"

using namespace siaran::queue;
using siaran::test::temp_dir;

namespace {

const timestamp asked_at{std::chrono::hours(24 * 365 * 56)};

// number_changes as schema step 7 made it, holding one pending change for contact `contact_id`.
void undo_step_19(const std::filesystem::path& file, std::int64_t contact_id) {
  connection db(file);
  siaran::test::undo_later_steps(db);
  db.exec("DROP TABLE number_changes", "undoing schema step 19");
  db.exec("CREATE TABLE number_changes (id INTEGER PRIMARY KEY, "
          "contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE, old_phone TEXT NOT NULL, "
          "new_phone TEXT NOT NULL, incoming_id INTEGER REFERENCES incoming(id) ON DELETE SET NULL, "
          "state TEXT NOT NULL DEFAULT 'pending', created_at INTEGER NOT NULL, decided_at INTEGER)",
          "undoing schema step 19");
  db.exec(("INSERT INTO number_changes (contact_id, old_phone, new_phone, created_at) VALUES (" +
           std::to_string(contact_id) + ", '+6281200000001', '+6281277776666', 1000)")
              .c_str(),
          "undoing schema step 19");
  db.exec("PRAGMA user_version = 18", "undoing schema step 19");
}

}  // namespace

TEST_CASE("schema step 19 keeps the number changes a store had, and they read as asked from the old SIM",
          "[queue][schema]") {
  temp_dir dir;
  const auto file = dir.path() / "siaran.db";
  std::int64_t siti = 0;
  {
    database db(file);
    contact_book contacts(db);
    contact c;
    c.name = "Siti";
    c.phone = "+6281200000001";
    contacts.upsert({c}, asked_at);
    siti = contacts.find_by_phone(c.phone)->id;
  }
  undo_step_19(file, siti);

  database db(file);
  reply_book replies(db);
  const auto kept = replies.number_changes(change_state::pending);
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].contact_id == siti);
  CHECK(kept[0].contact_name == "Siti");
  CHECK(kept[0].old_phone == "+6281200000001");
  CHECK(kept[0].new_phone == "+6281277776666");
  CHECK_FALSE(kept[0].from_new_sim);

  // A change by a name nobody has waits with no contact and no old number.
  const std::int64_t by_name = replies.add_number_change(
      {0, std::nullopt, std::nullopt, "+6285799999999", std::nullopt, change_state::pending, asked_at, std::nullopt,
       true, "Bu Euis"});
  const auto waiting = replies.find_number_change(by_name);
  REQUIRE(waiting);
  CHECK_FALSE(waiting->contact_id);
  CHECK_FALSE(waiting->old_phone);
  CHECK(waiting->asked_name == "Bu Euis");
  CHECK(waiting->evidence.messages == 0);
}

TEST_CASE("the same cadre asking again while a change is pending updates it, from either SIM", "[queue]") {
  temp_dir dir;
  database db(dir.path() / "siaran.db");
  contact_book contacts(db);
  reply_book replies(db);
  contact c;
  c.name = "Siti";
  c.phone = "+6281200000001";
  contacts.upsert({c}, asked_at);
  const std::int64_t siti = contacts.find_by_phone(c.phone)->id;
  const auto ask = [&](std::optional<std::int64_t> contact, std::string new_phone, bool from_new_sim,
                       std::optional<std::string> name, int minute) {
    return replies.add_number_change({0, contact, from_new_sim ? std::nullopt : std::optional(c.phone),
                                      std::move(new_phone), std::nullopt, change_state::pending,
                                      asked_at + std::chrono::minutes(minute), std::nullopt, from_new_sim,
                                      std::move(name)});
  };

  const auto by_name = ask(std::nullopt, "+6285711110000", true, "Siti", 0);
  CHECK(ask(siti, "+6285711110000", true, std::nullopt, 1) == by_name);
  const auto from_old = ask(siti, "+6285722220000", false, std::nullopt, 2);
  CHECK(from_old != by_name);
  CHECK(ask(siti, "+6285733330000", false, std::nullopt, 3) == from_old);
  CHECK(ask(std::nullopt, "+6285744440000", true, "Euis", 4) != by_name);

  const auto pending = replies.number_changes(change_state::pending);
  REQUIRE(pending.size() == 3);
  CHECK(pending[0].contact_id == siti);  // the latest ask named the contact
  CHECK_FALSE(pending[0].asked_name);
  CHECK(pending[1].new_phone == "+6285733330000");
  CHECK(pending[1].created_at == asked_at + std::chrono::minutes(3));

  // Once decided, a new ask is a new change.
  REQUIRE(replies.decide_number_change(from_old, change_state::rejected, asked_at + std::chrono::minutes(5)));
  CHECK(ask(siti, "+6285733330000", false, std::nullopt, 6) != from_old);
}
