// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/schedule_runner.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "daemon/api/iso_time.h"
#include "daemon/schedule/birthday_settings.h"
#include "daemon/schedule/reminder_words.h"
#include "daemon/sms_reports/stored_forms.h"
#include "queue/connection.h"
#include "queue/database.h"
#include "queue/sms_reports.h"
#include "tests/support/temp_dir.h"

using namespace siaran::daemon;
using namespace siaran::daemon::schedule;
using siaran::daemon::api::parse_iso;
using siaran::queue::timestamp;

namespace {

timestamp at(const char* iso) { return *parse_iso(iso); }

// A process crashing in the middle of a run: nothing catches it but the test.
struct crash {};

// The daemon's store and a broadcaster stand-in that records the broadcasts it is asked for (and
// writes their rows, as the real one does, so that a restart can find them).
struct runner_fixture {
  siaran::test::temp_dir dir;
  std::unique_ptr<siaran::queue::database> store;
  std::unique_ptr<siaran::queue::connection> setup;  // the test's own writes, beside the book
  std::unique_ptr<siaran::queue::event_book> events;
  std::unique_ptr<siaran::queue::report_form_book> forms;
  std::unique_ptr<siaran::queue::sms_report_book> reports;
  std::unique_ptr<schedule_runner> runner;
  std::vector<broadcast_request> sent;
  enum class failure { none, before_commit, after_commit } fail = failure::none;

  runner_fixture() { restart(); }

  // A new process on the same database file.
  void restart() {
    runner.reset();
    reports.reset();
    forms.reset();
    events.reset();
    setup.reset();
    store = std::make_unique<siaran::queue::database>(dir.path() / "siaran.db");
    setup = std::make_unique<siaran::queue::connection>(dir.path() / "siaran.db");
    events = std::make_unique<siaran::queue::event_book>(*store);
    forms = std::make_unique<siaran::queue::report_form_book>(*store);
    reports = std::make_unique<siaran::queue::sms_report_book>(*store);
    runner = std::make_unique<schedule_runner>(*events, time_zone("Asia/Jakarta"));
    runner->send_report_reminders(*forms, *reports);
  }

  std::int64_t create(const broadcast_request& r, timestamp now) {
    if (fail == failure::before_commit) throw crash{};
    exec("INSERT INTO broadcasts (template, audience, send_at, origin, event_id, created_at) VALUES ('t', '{}', " +
         std::to_string(now.time_since_epoch().count()) + ", '" + r.origin + "', " +
         (r.event_id ? std::to_string(*r.event_id) : "NULL") + ", " + std::to_string(now.time_since_epoch().count()) +
         ")");
    if (fail == failure::after_commit) throw crash{};
    sent.push_back(r);
    return setup->last_insert_rowid();
  }

  void exec(const std::string& sql) { setup->exec(sql.c_str(), "test"); }

  // A cadre of posyandu `posyandu` of desa Sukamaju; the contact's id.
  std::int64_t add_cadre(const std::string& posyandu) {
    exec("INSERT INTO contacts (name, phone, phone_key, posyandu, desa, created_at, updated_at) VALUES ('Kader', '+6281" +
         std::to_string(20'000'000 + contacts_++) + "', 'k', '" + posyandu + "', 'Sukamaju', 0, 0)");
    return setup->last_insert_rowid();
  }

  // Posyandu `posyandu` of desa Sukamaju reported SKDN for `period`.
  void reported(const std::string& posyandu, const std::string& period) {
    siaran::queue::sms_report r;
    r.form = "SKDN";
    r.period = period;
    r.posyandu = posyandu;
    r.desa = "Sukamaju";
    r.values = "{}";
    reports->save(r);
  }

  void add_contact(const char* birth_date) {
    exec("INSERT INTO contacts (name, phone, phone_key, birth_date, created_at, updated_at) VALUES ('Siti', '+6281" +
         std::to_string(sent.size() + 10'000'000 + contacts_++) + "', 'k', '" + birth_date + "', 0, 0)");
  }

  std::int64_t add_event(const char* starts_at, const char* created_at, const char* reminders = R"(["-1d@08:00", "-2h"])") {
    siaran::queue::new_event e;
    e.title = "Rapat Pokjanal";
    e.starts_at = at(starts_at);
    e.place = "Aula Desa";
    e.audience_json = R"({"contacts": [1]})";
    e.template_text = "{acara} {tanggal} {jam} {tempat}";
    e.reminders_json = reminders;
    e.created_at = at(created_at);
    return events->create_event(e);
  }

  void enable_birthdays(int hour) {
    birthday_settings settings;
    settings.enabled = true;
    settings.hour = hour;
    save_birthday_settings(*events, settings);
  }

  // What the scheduler does at a wake: claims what is due, creates each claimed broadcast,
  // concludes each.
  std::optional<timestamp> check(const char* now) {
    const schedule_check found = runner->check(at(now));
    const create_broadcast make = [this](const broadcast_request& r, timestamp t) { return create(r, t); };
    for (const claimed_occurrence& claimed : found.claimed) {
      runner->conclude(claimed, create_occurrence(claimed, make, at(now)));
    }
    return found.next;
  }

 private:
  int contacts_ = 0;
};

}  // namespace

TEST_CASE("a reminder runs once at its due time, with the meeting's date and place") {
  runner_fixture f;
  const auto id = f.add_event("2026-11-30T09:00+07:00", "2026-11-25T10:00+07:00");
  CHECK(f.check("2026-11-29T07:59+07:00") == at("2026-11-29T08:00+07:00"));
  CHECK(f.sent.empty());
  CHECK(f.check("2026-11-29T08:00+07:00") == at("2026-11-30T07:00+07:00"));
  REQUIRE(f.sent.size() == 1);
  CHECK(f.sent[0].origin == "reminder");
  CHECK(f.sent[0].event_id == id);
  CHECK(f.sent[0].extra_values.at("tanggal") == "Senin, 30 November 2026");
  CHECK(f.sent[0].extra_values.at("jam") == "09.00");
  CHECK(f.sent[0].extra_values.at("tempat") == "Aula Desa");
  f.check("2026-11-29T08:01+07:00");
  f.check("2026-11-30T07:00+07:00");
  CHECK(f.sent.size() == 2);
}

TEST_CASE("a reminder typed H-1 jam 08.00 runs at 08:00 local time the day before, hari H jam 06.00 that morning") {
  runner_fixture f;
  const nlohmann::json offsets = reminder_offsets_from_words("H-1 jam 08.00, hari H jam 06.00");
  f.add_event("2026-11-30T09:00+07:00", "2026-11-25T10:00+07:00", offsets.dump().c_str());
  CHECK(f.check("2026-11-29T07:59:59+07:00") == at("2026-11-29T08:00+07:00"));
  CHECK(f.sent.empty());
  CHECK(f.check("2026-11-29T08:00+07:00") == at("2026-11-30T06:00+07:00"));
  CHECK(f.sent.size() == 1);
  f.check("2026-11-30T05:59:59+07:00");
  CHECK(f.sent.size() == 1);
  f.check("2026-11-30T06:00+07:00");
  CHECK(f.sent.size() == 2);
}

TEST_CASE("a restart does not repeat a reminder that ran") {
  runner_fixture f;
  f.add_event("2026-11-30T09:00+07:00", "2026-11-25T10:00+07:00");
  f.check("2026-11-29T08:00+07:00");
  f.restart();
  f.check("2026-11-29T08:00:30+07:00");
  CHECK(f.sent.size() == 1);
}

TEST_CASE("a clock set back does not repeat a reminder") {
  runner_fixture f;
  f.add_event("2026-11-30T09:00+07:00", "2026-11-25T10:00+07:00");
  f.check("2026-11-29T08:05+07:00");
  f.check("2026-11-29T07:30+07:00");
  f.check("2026-11-29T08:00+07:00");
  CHECK(f.sent.size() == 1);
}

TEST_CASE("a reminder missed while the daemon was down runs late, once, before the meeting") {
  runner_fixture f;
  f.add_event("2026-11-30T09:00+07:00", "2026-11-25T10:00+07:00");
  f.check("2026-11-30T06:00+07:00");
  CHECK(f.sent.size() == 1);
  f.check("2026-11-30T07:00+07:00");
  CHECK(f.sent.size() == 2);
}

TEST_CASE("a reminder is skipped once the meeting has started, and one due before it was created") {
  runner_fixture f;
  const auto late = f.add_event("2026-11-30T09:00+07:00", "2026-11-25T10:00+07:00");
  const auto created_late = f.add_event("2026-12-05T09:00+07:00", "2026-12-04T12:00+07:00");
  f.check("2026-11-30T09:30+07:00");
  CHECK(f.sent.empty());
  const auto runs = f.events->runs("event:" + std::to_string(late) + ":");
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].state == "skipped");
  f.check("2026-12-05T07:00+07:00");
  REQUIRE(f.sent.size() == 1);  // -2h; -1d@08:00 was due before the event existed
  CHECK(f.events->runs("event:" + std::to_string(created_late) + ":reminder:0")[0].state == "skipped");
}

TEST_CASE("a cancelled event sends no reminder") {
  runner_fixture f;
  const auto id = f.add_event("2026-11-30T09:00+07:00", "2026-11-25T10:00+07:00");
  f.events->cancel_event(id, at("2026-11-26T00:00Z"));
  f.check("2026-11-29T08:00+07:00");
  CHECK(f.sent.empty());
}

TEST_CASE("a crash after the broadcast was queued neither repeats nor loses it") {
  runner_fixture f;
  f.add_event("2026-11-30T09:00+07:00", "2026-11-25T10:00+07:00");
  f.fail = runner_fixture::failure::after_commit;
  CHECK_THROWS_AS(f.check("2026-11-29T08:00+07:00"), crash);
  f.fail = runner_fixture::failure::none;
  f.restart();
  f.check("2026-11-29T08:01+07:00");
  CHECK(f.sent.empty());
  const auto runs = f.events->runs("event:");
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].state == "done");
  CHECK(runs[0].broadcast_id);
}

TEST_CASE("a crash before the broadcast was queued runs it after the restart") {
  runner_fixture f;
  f.add_event("2026-11-30T09:00+07:00", "2026-11-25T10:00+07:00");
  f.fail = runner_fixture::failure::before_commit;
  CHECK_THROWS_AS(f.check("2026-11-29T08:00+07:00"), crash);
  f.fail = runner_fixture::failure::none;
  f.restart();
  f.check("2026-11-29T08:01+07:00");
  CHECK(f.sent.size() == 1);
  f.check("2026-11-29T08:02+07:00");
  CHECK(f.sent.size() == 1);
}

TEST_CASE("a claim left open without a restart is settled at the next check") {
  runner_fixture f;
  f.add_event("2026-11-30T09:00+07:00", "2026-11-25T10:00+07:00");
  // Claimed, its broadcast never created (the store refused the conclude that released it).
  REQUIRE(f.runner->check(at("2026-11-29T08:00+07:00")).claimed.size() == 1);
  f.check("2026-11-29T08:01+07:00");
  CHECK(f.sent.size() == 1);
  CHECK(f.events->runs("event:").at(0).state == "done");
  // Its next reminder created, but the conclude that would link it refused.
  const schedule_check found = f.runner->check(at("2026-11-30T07:00+07:00"));
  REQUIRE(found.claimed.size() == 1);
  f.create(found.claimed[0].request, at("2026-11-30T07:00+07:00"));
  f.check("2026-11-30T07:01+07:00");
  CHECK(f.sent.size() == 2);
  const auto runs = f.events->runs("event:");
  REQUIRE(runs.size() == 2);
  CHECK(runs[1].state == "done");
  CHECK(runs[1].broadcast_id);
}

TEST_CASE("birthday greetings go out at 07:00 WIB, which is midnight UTC, once a day") {
  runner_fixture f;
  f.add_contact("1985-11-30");
  f.add_contact("1990-11-29");
  f.enable_birthdays(7);
  CHECK(f.check("2026-11-29T23:59:59Z") == at("2026-11-30T00:00Z"));
  CHECK(f.sent.empty());
  f.check("2026-11-30T00:00Z");
  REQUIRE(f.sent.size() == 1);
  CHECK(f.sent[0].origin == "birthday");
  CHECK(f.sent[0].audience.contacts == std::vector<std::int64_t>{1});
  f.restart();
  f.check("2026-11-30T05:00Z");
  f.check("2026-11-29T23:00Z");  // clock set back to 06:00 WIB
  f.check("2026-11-30T00:00Z");
  CHECK(f.sent.size() == 1);
}

TEST_CASE("a birthday missed on its day is not sent the next day") {
  runner_fixture f;
  f.add_contact("1985-11-30");
  f.enable_birthdays(7);
  f.check("2026-12-01T08:00+07:00");
  CHECK(f.sent.empty());
}

TEST_CASE("a birthday greeting missed in the morning goes out later that day") {
  runner_fixture f;
  f.add_contact("1985-11-30");
  f.enable_birthdays(7);
  f.check("2026-11-30T15:00+07:00");
  CHECK(f.sent.size() == 1);
}

TEST_CASE("someone born on 29 February is greeted on 28 February of a common year") {
  runner_fixture f;
  f.add_contact("1984-02-29");
  f.enable_birthdays(7);
  f.check("2027-02-28T07:00+07:00");
  CHECK(f.sent.size() == 1);
  f.check("2027-03-01T07:00+07:00");
  CHECK(f.sent.size() == 1);
}

TEST_CASE("birthday greetings are off until enabled") {
  runner_fixture f;
  f.add_contact("1985-11-30");
  f.check("2026-11-30T07:00+07:00");
  CHECK(f.sent.empty());
}

TEST_CASE("a recurring broadcast runs the latest missed occurrence once, not a flood") {
  runner_fixture f;
  siaran::queue::new_recurring r;
  r.audience_json = R"({"contacts": [1]})";
  r.template_text = "Posyandu buka hari ini";
  r.cron = "*/10 * * * *";
  r.created_at = at("2026-11-25T08:00+07:00");
  f.events->create_recurring(r);
  CHECK(f.check("2026-11-25T08:05+07:00") == at("2026-11-25T08:10+07:00"));
  REQUIRE(f.sent.size() == 1);  // 08:00
  f.check("2026-11-25T10:05+07:00");
  CHECK(f.sent.size() == 2);  // 10:00 only, not the eleven in between
  f.check("2026-11-25T09:05+07:00");  // clock set back
  f.restart();
  f.check("2026-11-25T10:09+07:00");
  CHECK(f.sent.size() == 2);
  f.check("2026-11-25T10:10+07:00");
  CHECK(f.sent.size() == 3);
}

TEST_CASE("the reminder to report goes on the form's day to the cadres of posyandu without last month's report, once") {
  runner_fixture f;
  sms_reports::add_default_form(*f.forms, at("2026-11-01T00:00Z"));  // SKDN: the 5th at 08:00
  f.add_cadre("Melati");
  const std::int64_t mawar = f.add_cadre("Mawar");
  f.reported("Melati", "2026-11");

  CHECK(f.check("2026-12-05T07:59+07:00") == at("2026-12-05T08:00+07:00"));
  CHECK(f.sent.empty());
  CHECK(f.check("2026-12-05T08:00+07:00") == at("2027-01-05T08:00+07:00"));
  REQUIRE(f.sent.size() == 1);
  CHECK(f.sent[0].origin == "report_reminder");
  CHECK(f.sent[0].audience.contacts == std::vector<std::int64_t>{mawar});
  CHECK(f.sent[0].extra_values.at("bulan") == "November 2026");
  f.restart();
  f.check("2026-12-05T09:00+07:00");
  CHECK(f.sent.size() == 1);
  // December: neither has reported.
  f.check("2027-01-05T08:00+07:00");
  REQUIRE(f.sent.size() == 2);
  CHECK(f.sent[1].audience.contacts.size() == 2);
}

TEST_CASE("no reminder to report goes out when every posyandu has reported") {
  runner_fixture f;
  sms_reports::add_default_form(*f.forms, at("2026-11-01T00:00Z"));
  f.add_cadre("Melati");
  f.reported("Melati", "2026-11");
  f.check("2026-12-05T08:00+07:00");
  CHECK(f.sent.empty());
}
