// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <string>

#include "queue/connection.h"
#include "queue/database.h"
#include "queue/events.h"
#include "tests/support/temp_dir.h"

using namespace siaran::queue;
using siaran::test::temp_dir;

namespace {

timestamp at(std::int64_t ms) { return timestamp(std::chrono::milliseconds(ms)); }

struct event_fixture {
  temp_dir dir;
  database db{dir.path() / "siaran.db"};
  event_book events{db};
  connection setup{dir.path() / "siaran.db"};  // the test's own writes, beside the book

  void exec(const std::string& sql) { setup.exec(sql.c_str(), "test setup"); }

  // Contacts 1..n, born on `birth_date` when given.
  void add_contacts(int n, const char* birth_date = nullptr, bool opted_out = false) {
    for (int i = 0; i < n; ++i) {
      exec("INSERT INTO contacts (name, phone, phone_key, birth_date, opted_out, created_at, updated_at) "
           "VALUES ('Siti', '+62812000" + std::to_string(10000 + i + count_) + "', 'k', " +
           (birth_date ? "'" + std::string(birth_date) + "'" : "NULL") + ", " + (opted_out ? "1" : "0") + ", 0, 0)");
    }
    count_ += n;
  }

  // An incoming SMS (the answer's evidence).
  std::int64_t reply() {
    exec("INSERT INTO incoming (modem, sender, text, received_at, raw_pdus) VALUES ('m', '+62812', 'HADIR', 0, '')");
    return setup.last_insert_rowid();
  }

  std::int64_t add_event() {
    new_event e;
    e.title = "Rapat Pokjanal";
    e.starts_at = at(1'000'000);
    e.audience_json = R"({"groups":[1]})";
    e.template_text = "{acara}";
    e.reminders_json = R"(["-2h"])";
    return events.create_event(e);
  }

  // A reminder broadcast of the event reaching contacts 1..n.
  void remind(std::int64_t event_id, int n) {
    exec("INSERT INTO broadcasts (template, audience, send_at, origin, event_id, created_at) VALUES ('t', '{}', 0, "
         "'reminder', " + std::to_string(event_id) + ", 5)");
    const auto broadcast = setup.last_insert_rowid();
    for (int c = 1; c <= n; ++c) {
      exec("INSERT INTO broadcast_messages (broadcast_id, contact_id) VALUES (" + std::to_string(broadcast) + ", " +
           std::to_string(c) + ")");
    }
  }

 private:
  int count_ = 0;
};

}  // namespace

TEST_CASE("the tally counts answers and who a reminder reached without answering", "[queue][events]") {
  event_fixture f;
  f.add_contacts(5);
  const auto id = f.add_event();
  f.remind(id, 5);
  f.events.record_rsvp(id, 1, rsvp_answer::attending, f.reply(), at(10));
  f.events.record_rsvp(id, 2, rsvp_answer::attending, f.reply(), at(11));
  f.events.record_rsvp(id, 3, rsvp_answer::declining, f.reply(), at(12));
  const auto tally = f.events.tally(id);
  CHECK(tally.attending == 2);
  CHECK(tally.declining == 1);
  CHECK(tally.unanswered == 2);
}

TEST_CASE("a later answer replaces an earlier one", "[queue][events]") {
  event_fixture f;
  f.add_contacts(1);
  const auto id = f.add_event();
  f.events.record_rsvp(id, 1, rsvp_answer::attending, f.reply(), at(10));
  f.events.record_rsvp(id, 1, rsvp_answer::declining, f.reply(), at(20));
  CHECK(f.events.tally(id).attending == 0);
  CHECK(f.events.tally(id).declining == 1);
  REQUIRE(f.events.rsvps(id).size() == 1);
  CHECK(f.events.rsvps(id)[0].answer == rsvp_answer::declining);
}

TEST_CASE("an occurrence is claimed once, also by a store opened again", "[queue][events]") {
  temp_dir dir;
  {
    database db(dir.path() / "siaran.db");
    event_book events(db);
    CHECK(events.claim_run("event:1:reminder:0", at(100), at(100)));
    CHECK_FALSE(events.claim_run("event:1:reminder:0", at(100), at(200)));
    CHECK(events.claim_run("event:1:reminder:1", at(100), at(100)));
  }
  database db(dir.path() / "siaran.db");
  event_book events(db);
  CHECK_FALSE(events.claim_run("event:1:reminder:0", at(100), at(300)));
  REQUIRE(events.claimed_runs().size() == 2);
  events.finish_run("event:1:reminder:0", at(100), "done", std::nullopt, std::nullopt);
  CHECK(events.claimed_runs().size() == 1);
}

TEST_CASE("runs are listed by job prefix, without neighbours sharing digits", "[queue][events]") {
  event_fixture f;
  f.events.claim_run("event:7:reminder:0", at(1), at(1));
  f.events.claim_run("event:71:reminder:0", at(1), at(1));
  CHECK(f.events.record_skipped("event:7:reminder:1", at(2), "too late", at(3)));
  CHECK_FALSE(f.events.record_skipped("event:7:reminder:1", at(2), "too late", at(4)));
  const auto runs = f.events.runs("event:7:");
  REQUIRE(runs.size() == 2);
  CHECK(runs[1].state == "skipped");
  CHECK(f.events.latest_run("event:7:reminder:1") == at(2));
  CHECK_FALSE(f.events.latest_run("recurring:1"));
}

TEST_CASE("birthdays are found by month and day, opted-out contacts left out", "[queue][events]") {
  event_fixture f;
  f.add_contacts(1, "1985-02-28");
  f.add_contacts(1, "1984-02-29");
  f.add_contacts(1, "1990-02-28", true);
  f.add_contacts(1, "1990-03-01");
  f.add_contacts(1);
  CHECK(f.events.contacts_born_on({"02-28"}) == std::vector<std::int64_t>{1});
  CHECK(f.events.contacts_born_on({"02-28", "02-29"}) == std::vector<std::int64_t>{1, 2});
}

TEST_CASE("events are listed soonest first and cancelled once", "[queue][events]") {
  event_fixture f;
  const auto id = f.add_event();
  CHECK(f.events.cancel_event(id, at(50)));
  f.events.cancel_event(id, at(60));
  CHECK(f.events.find_event(id)->cancelled_at == at(50));
  CHECK_FALSE(f.events.cancel_event(id + 1, at(60)));
  CHECK(f.events.list_events().size() == 1);
  CHECK(f.events.list_events(at(2'000'000)).empty());
}

TEST_CASE("settings and recurring broadcasts are kept", "[queue][events]") {
  event_fixture f;
  CHECK_FALSE(f.events.setting("birthdays"));
  f.events.set_setting("birthdays", R"({"enabled":true})");
  f.events.set_setting("birthdays", R"({"enabled":false})");
  CHECK(f.events.setting("birthdays") == R"({"enabled":false})");
  new_recurring r;
  r.audience_json = "{}";
  r.template_text = "Posyandu buka";
  r.cron = "0 8 * * 1";
  const auto id = f.events.create_recurring(r);
  CHECK(f.events.active_recurring().size() == 1);
  CHECK(f.events.stop_recurring(id));
  CHECK_FALSE(f.events.stop_recurring(id));
  CHECK(f.events.active_recurring().empty());
}

TEST_CASE("a broadcast a crash left unlinked is found by origin, event and time", "[queue][events]") {
  event_fixture f;
  const auto id = f.add_event();
  f.remind(id, 0);  // created_at 5
  CHECK(f.events.unlinked_broadcast("reminder", id, at(5)));
  CHECK_FALSE(f.events.unlinked_broadcast("reminder", id, at(6)));
  CHECK_FALSE(f.events.unlinked_broadcast("birthday", std::nullopt, at(5)));
}
