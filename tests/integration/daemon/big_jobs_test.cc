// SPDX-License-Identifier: GPL-3.0-or-later
// siarand keeps sending at its throttle while it takes in a 100,000-row contacts import and
// queues a 50,000-recipient broadcast, from the API or from the scheduler (DESIGN.md "Runtime
// model"): each is written in short steps on the store's writer, and the dispatcher's claims go
// between them.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "daemon/api/iso_time.h"
#include "tests/integration/daemon/daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

constexpr double rate = 20;
constexpr int contact_count = 100'000;
constexpr auto window = 2s;
// More than the jobs take at `rate` on a slow machine; the test says so if it ran out.
constexpr int backlog = 8000;

// Half the contacts in Lembang: the broadcast's audience.
std::string contacts_csv() {
  std::string csv = "nama,no_hp,kecamatan,desa\n";
  csv.reserve(static_cast<std::size_t>(contact_count) * 48);
  for (int i = 0; i < contact_count; ++i) {
    csv += "Kader " + std::to_string(i) + ",0857" + std::to_string(10000000 + i) + "," +
           (i % 2 ? "Cisarua" : "Lembang") + ",Desa " + std::to_string(i % 40) + "\n";
  }
  return csv;
}

void queue_backlog(daemon_fixture& d) {
  for (int first = 0; first < backlog; first += 1000) {
    json messages = json::array();
    for (int i = first; i < first + 1000; ++i) {
      messages.push_back({{"to", "0813" + std::to_string(30000000 + i)}, {"text", "antrean " + std::to_string(i)}});
    }
    d.post("/api/v1/messages/batch", {{"messages", messages}});
  }
}

// When each sent part of the backlog was recorded sent.
std::vector<siaran::queue::timestamp> sent_times(daemon_fixture& d) {
  std::vector<siaran::queue::timestamp> times;
  for (json after = 0; !after.is_null();) {
    const json page = d.get("/api/v1/messages?state=sent&limit=1000&after=" + std::to_string(after.get<long>()));
    for (const json& m : page.at("messages")) {
      for (const json& p : m.at("parts")) times.push_back(*siaran::daemon::api::parse_iso(p.at("sent_at").get<std::string>()));
    }
    after = page.at("next_after");
  }
  std::ranges::sort(times);
  return times;
}

siaran::queue::timestamp wall_now() {
  return siaran::queue::timestamp(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()));
}

daemon_settings sending_at_rate() {
  daemon_settings settings;
  settings.sims.assign(8, sim_settings{});
  settings.rate_per_second = rate;
  return settings;
}

void import_contacts(daemon_fixture& d) {
  siaran::tools::api_client slow_client({"127.0.0.1", d.port(), d.token(), 900s});
  const auto imported = slow_client.post("/api/v1/contacts/import", contacts_csv(), "text/csv");
  INFO(imported.body.substr(0, 300));
  REQUIRE(imported.status == 200);
  CHECK(json::parse(imported.body).at("inserted") == contact_count);
}

void start_sending(daemon_fixture& d) {
  queue_backlog(d);
  d.wait_for("/api/v1/queue", [](const json& q) { return q.at("sent").get<int>() >= 2 * rate; }, "sending under way");
}

// Every 2 s window from `started` to `ended` (and on, if the job took less than three windows)
// sent at least 90 % of the throttle's parts.
void check_rate_through(daemon_fixture& d, siaran::queue::timestamp started, siaran::queue::timestamp ended) {
  const auto finished = std::max(ended, started + 3 * window);
  // Sends are recorded up to 100 ms after they happen: look once a window's worth more than
  // `finished` needs are recorded.
  const auto to_come = std::max(finished - wall_now(), siaran::queue::timestamp::duration::zero()) + window;
  const int enough = d.get("/api/v1/queue").at("sent").get<int>() +
                     static_cast<int>(rate * std::chrono::duration<double>(to_come).count());
  d.wait_for("/api/v1/queue", [&](const json& q) { return q.at("sent").get<int>() >= enough; },
             "sending to go on after the jobs");
  const auto times = sent_times(d);
  REQUIRE_FALSE(times.empty());
  {
    INFO("the backlog ran out before the jobs ended: make it longer");
    REQUIRE(times.back() >= finished);
  }
  const double wanted = 0.9 * rate * std::chrono::duration<double>(window).count();
  double slowest = 1e9;
  int windows = 0;
  std::string short_windows;
  for (auto from = started; from + window <= finished; from += window) {
    const auto sent = std::ranges::lower_bound(times, from + window) - std::ranges::lower_bound(times, from);
    slowest = std::min(slowest, static_cast<double>(sent));
    if (sent < rate * 2) short_windows += " " + std::to_string(sent) + " at " + std::to_string((from - started) / 1s) + " s;";
    ++windows;
  }
  INFO(windows << " windows of 2 s over " << std::chrono::duration<double>(finished - started).count()
               << " s; the slowest sent " << slowest << " parts, at least " << wanted << " wanted; short:"
               << short_windows);
  CHECK(windows >= 3);
  CHECK(slowest >= wanted);
  WARN("slowest 2 s window: " << slowest / std::chrono::duration<double>(window).count() << " parts/s at a throttle of "
                              << rate << ", over " << windows << " windows; below the throttle:" << short_windows);
}

}  // namespace

TEST_CASE("sending keeps 90 % of its rate through a 100,000-row import and a 50,000-recipient broadcast",
          "[daemon][store]") {
  daemon_fixture d(sending_at_rate());
  start_sending(d);
  const auto started = wall_now();
  import_contacts(d);
  const auto import_ended = wall_now();
  siaran::tools::api_client slow_client({"127.0.0.1", d.port(), d.token(), 900s});
  const json lembang{{"audience", {{"filter", {{"kecamatan", "Lembang"}}}}}, {"template", "Halo {nama}"}};
  const auto created = slow_client.post("/api/v1/broadcasts", lembang.dump());
  INFO(created.body.substr(0, 300));
  REQUIRE(created.status == 202);
  CHECK(json::parse(created.body).at("recipients") == contact_count / 2);
  INFO("the import ended at " << std::chrono::duration<double>(import_ended - started).count() << " s");
  check_rate_through(d, started, wall_now());
}

TEST_CASE("sending keeps 90 % of its rate while the scheduler queues a 50,000-recipient reminder", "[daemon][store]") {
  daemon_fixture d(sending_at_rate());
  import_contacts(d);
  start_sending(d);
  // Its one reminder is due a few seconds after the event is created.
  const auto starts_at = wall_now() + 30min + 5s;
  const json event = d.post("/api/v1/events", {{"title", "Rapat"},
                                               {"starts_at", siaran::daemon::api::iso_utc(starts_at)},
                                               {"audience", {{"filter", {{"kecamatan", "Lembang"}}}}},
                                               {"reminders", {"-30m"}}},
                            201);
  const auto started = wall_now();
  const std::string path = "/api/v1/events/" + std::to_string(event.at("id").get<std::int64_t>());
  const json done = d.wait_for(path, [](const json& e) { return e.at("reminders").at(0).at("state") == "done"; },
                               "the reminder queued", 300s);
  const auto finished = wall_now();
  const auto broadcast = done.at("reminders").at(0).at("broadcast_id").get<std::int64_t>();
  const json reminder = d.get("/api/v1/broadcasts/" + std::to_string(broadcast));
  CHECK(reminder.at("recipients") == contact_count / 2);
  CHECK(reminder.at("origin") == "reminder");
  check_rate_through(d, started, finished);
}
