// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler through the real daemon, in real time. A test cannot move siarand's clock from
// outside without LD_PRELOAD tricks (libfaketime), which the sanitizer build refuses (ASan must
// be the first library loaded); so each case picks a due time a few seconds ahead of (or at)
// the wall clock's present: a "-2h" reminder for a meeting 2 hours and a few seconds away, a
// birthday greeting at the current local minute. The unit tests (tests/unit/schedule/) cover
// day boundaries, 29 February and clocks jumping, with a controllable clock.

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "daemon/api/iso_time.h"
#include "daemon/schedule/local_time.h"
#include "daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;
using siaran::daemon::api::iso_utc;
using siaran::daemon::api::parse_iso;
namespace schedule = siaran::daemon::schedule;

namespace {

siaran::queue::timestamp wall_now() {
  return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

const schedule::time_zone jakarta("Asia/Jakarta");

// Three cadres; the first born on today's date in Jakarta.
std::int64_t import_cadres(daemon_fixture& d) {
  const schedule::local_date today = jakarta.to_local(wall_now()).date;
  char birthday[16];
  std::snprintf(birthday, sizeof birthday, "%02d-%02d-1985", today.day, today.month);
  const std::string csv = std::string("nama,no_hp,panggilan,peran,desa,tanggal_lahir\n") + "Siti,081234560001,Ibu,kader,Cihampelas," +
                          birthday + "\nAsep,081234560002,Bapak,kader,Cihampelas,\nRina,081234560003,Ibu,kader,Cihampelas,\n";
  const auto imported = d.api().post("/api/v1/contacts/import", csv, "text/csv");
  INFO(imported.body);
  REQUIRE(imported.status == 200);
  return d.post("/api/v1/groups", {{"name", "Kader Cihampelas"}, {"filter", {{"peran", "kader"}}}}, 201).at("id");
}

std::size_t sends_containing(const daemon_fixture& d, const std::string& text) {
  std::size_t n = 0;
  for (const json& send : d.all_sends()) n += send.at("text").get<std::string>().find(text) != std::string::npos;
  return n;
}

// The modems have sent them; a kill waits until the store knows too. Killed before, a part is
// uncertain and `on_uncertain: resend` sends it again, rightly: that is not what these cases test.
void wait_until_recorded_sent(daemon_fixture& d, std::size_t messages) {
  d.wait_for(
      "/api/v1/messages?state=sent", [&](const json& sent) { return sent.at("messages").size() == messages; },
      "the messages to be recorded as sent", 20s);
}

std::uint64_t schedule_checks(daemon_fixture& d) {
  const std::string metrics = d.api().get("/metrics").body;
  const std::string name = "\nsiaran_schedule_checks_total ";
  const auto at = metrics.find(name);
  if (at == std::string::npos) d.fail("/metrics has no siaran_schedule_checks_total");
  return std::stoull(metrics.substr(at + name.size()));
}

// After a restart, the scheduler has looked at what is due and whatever it queued has gone out:
// a reminder or greeting it wrongly ran again would be in the sims' logs now.
void wait_for_a_look_at_the_schedule(daemon_fixture& d) {
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (schedule_checks(d) == 0) {
    if (std::chrono::steady_clock::now() > deadline) d.fail("the scheduler did not look at what is due");
    d.pass_time(50ms);
  }
  d.wait_for_idle_queue(20s);
}

}  // namespace

TEST_CASE("a meeting reminder goes out at its time once, across restarts, and replies are tallied",
          "[daemon][schedule]") {
  daemon_fixture d;
  const auto group = import_cadres(d);
  const auto starts_at = wall_now() + 2h + 6s;
  const json created = d.post("/api/v1/events",
                              {{"title", "Rapat Posyandu"},
                               {"starts_at", iso_utc(starts_at)},
                               {"place", "Balai Desa"},
                               {"audience", {{"groups", {group}}}},
                               {"reminders", {"-2h"}}},
                              201);
  const std::string event = "/api/v1/events/" + std::to_string(created.at("id").get<std::int64_t>());
  CHECK(sends_containing(d, "Rapat Posyandu") == 0);

  d.kill_and_restart(true);  // before the reminder is due
  const json done = d.wait_for(
      event, [](const json& e) { return e.at("reminders").at(0).at("state") == "done"; }, "the reminder to run");
  const json reminder = done.at("reminders").at(0);
  CHECK(*parse_iso(reminder.at("ran_at").get<std::string>()) >= *parse_iso(reminder.at("due_at").get<std::string>()));
  wait_until_recorded_sent(d, 3);
  CHECK(sends_containing(d, "Rapat Posyandu") == 3);
  CHECK(sends_containing(d, "di Balai Desa") == 3);

  d.kill_and_restart(true);  // after: nothing is sent again
  wait_for_a_look_at_the_schedule(d);
  CHECK(sends_containing(d, "Rapat Posyandu") == 3);

  d.sim(0).control({{"inject", {{"from", "+6281234560001"}, {"text", "HADIR 3 orang"}}}});
  d.sim(0).control({{"inject", {{"from", "+6281234560002"}, {"text", "tidak"}}}});
  const json tallied = d.wait_for(
      event, [](const json& e) { return e.at("rsvp").at("hadir") == 1 && e.at("rsvp").at("tidak") == 1; },
      "the answers to be tallied");
  CHECK(tallied.at("rsvp").at("belum") == 1);
  CHECK(tallied.at("rsvp").at("hadir_orang") == 3);
  CHECK(tallied.at("answers").size() == 2);

  // The RSVP list keeps the reply as written beside the people it counts.
  const auto list = d.api().get(event + "/rsvps?format=csv");
  REQUIRE(list.status == 200);
  CHECK(list.body.find(",Hadir,3,") != std::string::npos);
  CHECK(list.body.find(",HADIR 3 orang\r\n") != std::string::npos);
  CHECK(list.body.find(",Tidak,0,") != std::string::npos);
  const auto summary = d.api().get(event + "/rsvps?format=csv&sheet=summary");
  CHECK(summary.body.find("hadir_orang,3\r\n") != std::string::npos);
}

TEST_CASE("a birthday greeting goes out once on the day, also across a restart", "[daemon][schedule]") {
  daemon_fixture d;
  import_cadres(d);
  const schedule::local_time now = jakarta.to_local(wall_now());
  char at[8];
  std::snprintf(at, sizeof at, "%02d:%02d", now.hour, now.minute);
  const auto put = d.api().put("/api/v1/birthdays", json{{"enabled", true}, {"at", at}}.dump());
  INFO(put.body);
  REQUIRE(put.status == 200);
  d.wait_for(
      "/api/v1/queue", [&](const json&) { return sends_containing(d, "Selamat ulang tahun") == 1; },
      "the birthday greeting");
  CHECK(sends_containing(d, "Selamat ulang tahun, Ibu Siti") == 1);
  wait_until_recorded_sent(d, 1);

  d.kill_and_restart(true);
  wait_for_a_look_at_the_schedule(d);
  CHECK(sends_containing(d, "Selamat ulang tahun") == 1);
}

TEST_CASE("a reminder typed H-1 jam 08.00 is due at 08:00 WIB the day before the meeting", "[daemon][schedule]") {
  daemon_fixture d;
  const auto group = import_cadres(d);
  const schedule::local_date meeting_day = schedule::add_days(jakarta.to_local(wall_now()).date, 3);
  const json created = d.post("/api/v1/events",
                              {{"title", "Rapat Posyandu"},
                               {"starts_at", iso_utc(jakarta.to_utc(meeting_day, 9, 0))},
                               {"audience", {{"groups", {group}}}},
                               {"reminders", "H-1 jam 08.00, 2 jam sebelum"}},
                              201);
  const json reminders = created.at("reminders");
  REQUIRE(reminders.size() == 2);
  CHECK(reminders[0].at("offset") == "-1d@08:00");
  CHECK(reminders[0].at("words") == "H-1 jam 08.00");
  CHECK(reminders[0].at("due_at") == iso_utc(jakarta.to_utc(schedule::add_days(meeting_day, -1), 8, 0)));
  CHECK(reminders[0].at("state") == "pending");
  CHECK(reminders[1].at("offset") == "-2h");
  CHECK(reminders[1].at("words") == "2 jam sebelum");
  CHECK(reminders[1].at("due_at") == iso_utc(jakarta.to_utc(meeting_day, 7, 0)));
}

TEST_CASE("reminders in words the daemon cannot read are a 400 with the sentence for the page",
          "[daemon][schedule]") {
  daemon_fixture d;
  const auto group = import_cadres(d);
  const auto refused = d.api().post("/api/v1/events", json{{"title", "Rapat"},
                                                           {"starts_at", iso_utc(wall_now() + 72h)},
                                                           {"audience", {{"groups", {group}}}},
                                                           {"reminders", {"H-7", "H-1 jam 25.00"}}}
                                                          .dump());
  CHECK(refused.status == 400);
  const json body = json::parse(refused.body);
  CHECK(body.at("error") ==
        "reminders: \"H-1 jam 25.00\": the time of day is not one such as \"jam 08.00\" or \"jam 8\"");
  CHECK(body.at("pesan") == "\"H-1 jam 25.00\": jamnya tidak dikenal. Tulis misalnya \"jam 08.00\" atau \"jam 8\".");
  CHECK(json::parse(d.api().get("/api/v1/events").body).empty());
}

TEST_CASE("a recurring broadcast typed in words is kept as cron and shown in words", "[daemon][schedule]") {
  daemon_fixture d;
  const auto group = import_cadres(d);
  const json created = d.post("/api/v1/recurring",
                              {{"audience", {{"groups", {group}}}},
                               {"template", "Posyandu buka hari ini."},
                               {"cron", "setiap Senin dan Kamis jam 07.00"}},
                              201);
  CHECK(created.at("cron") == "0 7 * * 1,4");
  CHECK(created.at("words") == "setiap Senin dan Kamis jam 07.00");
  const schedule::local_time next = jakarta.to_local(*parse_iso(created.at("next_at").get<std::string>()));
  CHECK((next.weekday == 1 || next.weekday == 4));
  CHECK(next.hour == 7);

  const json stepped = d.post("/api/v1/recurring",
                             {{"audience", {{"groups", {group}}}}, {"template", "Apel."}, {"cron", "*/15 8-16 * * *"}},
                             201);
  CHECK(stepped.at("words").is_null());

  const auto refused = d.api().post("/api/v1/recurring", json{{"audience", {{"groups", {group}}}},
                                                              {"template", "x"},
                                                              {"cron", "setiap Senen jam 7"}}
                                                             .dump());
  CHECK(refused.status == 400);
  const std::string pesan = json::parse(refused.body).at("pesan");
  CHECK(pesan.find("Jadwal \"setiap Senen jam 7\" tidak dikenal") == 0);
}
