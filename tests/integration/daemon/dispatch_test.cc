// SPDX-License-Identifier: GPL-3.0-or-later
// How siarand's dispatcher treats what goes wrong and what is urgent: temporary and permanent
// modem errors, priorities under the throttle, expiry, and a modem pulled mid-broadcast.

#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "tests/integration/daemon/daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

// "0812345" followed by five digits: distinct recipients, so no two share a sticky modem.
std::string recipient(int n) {
  std::string digits = std::to_string(10000 + n);
  return "0812345" + digits.substr(digits.size() - 5);
}

json batch_of(int count, const std::string& text_prefix) {
  json messages = json::array();
  for (int i = 0; i < count; ++i) {
    messages.push_back({{"to", recipient(i)}, {"text", text_prefix + std::to_string(i)}});
  }
  return {{"messages", messages}};
}

std::vector<std::int64_t> ids_of(const json& accepted) { return accepted.at("ids").get<std::vector<std::int64_t>>(); }

}  // namespace

TEST_CASE("a part refused with a temporary CMS error is sent again after the retry delay", "[daemon][dispatch]") {
  daemon_fixture d;  // dispatch.retry_delay: 1s
  d.sim(0).control({{"fail_sends", {{"count", 1}, {"cms", 38}}}});  // 38: network out of order
  const json accepted = d.post("/api/v1/messages", {{"to", "081234567896"}, {"text", "Coba lagi"}});

  const json message = d.wait_for_state(accepted.at("id"), "sent", 30s);
  const json& part = message.at("parts").at(0);
  CHECK(part.at("attempts") == 2);
  CHECK(part.at("last_error").is_null());
  const std::vector<json> sends = d.sim(0).sends();
  REQUIRE(sends.size() == 1);  // a refused SUBMIT is not in the log
  CHECK(sends[0].at("text") == "Coba lagi");
}

TEST_CASE("a part refused for the message's own sake fails at once, without a retry", "[daemon][dispatch]") {
  daemon_fixture d;
  d.sim(0).control({{"fail_sends", {{"count", 1}, {"cms", 1}}}});  // 1: unassigned (unallocated) number
  const json accepted = d.post("/api/v1/messages", {{"to", "081234567897"}, {"text", "Ditolak"}});

  // `failed` is final: a part waiting for a retry would be `queued`.
  const json message = d.wait_for_state(accepted.at("id"), "failed");
  const json& part = message.at("parts").at(0);
  CHECK(part.at("state") == "failed");
  CHECK(part.at("attempts") == 1);
  REQUIRE(part.at("last_error").is_string());
  const std::string error = part.at("last_error");
  INFO("last_error: " << error);
  CHECK(error.find("unassigned (unallocated) number") != std::string::npos);
  CHECK(d.sim(0).sends().empty());
}

TEST_CASE("a modem whose sends all fail for its own reasons rests; the other sends everything, nothing fails",
          "[daemon][dispatch][rest]") {
  daemon_settings settings;
  settings.sims = {sim_settings{}, sim_settings{}};
  settings.sims[1].send_delay_ms = 200;  // the failing modem answers at once, so it is idle most
  daemon_fixture d(settings);
  // 21, short message transfer rejected: how a prepaid SIM without credit is refused, by the
  // same "permanent" code as a barred recipient would be.
  d.sim(0).control({{"fail_sends", {{"count", 1000}, {"cms", 21}}}});
  const std::vector<std::int64_t> ids = ids_of(d.post("/api/v1/messages/batch", batch_of(20, "Rapat kader ")));

  for (const std::int64_t id : ids) {
    const json message = d.wait_for_state(id, "sent", 30s);
    CHECK(message.at("parts").at(0).at("modem") == "m2");
  }
  CHECK(d.sim(0).sends().empty());
  CHECK(d.sim(1).sends().size() == ids.size());
  const json modems = d.get("/api/v1/modems");
  CHECK(modems.at(0).at("resting_s").get<int>() > 0);
  CHECK(modems.at(1).at("resting_s") == 0);
  CHECK(d.daemon_log().find("modem m1: 3 sends in a row failed") != std::string::npos);
}

TEST_CASE("an urgent message overtakes a broadcast queued before it", "[daemon][dispatch][priority]") {
  daemon_settings settings;
  settings.rate_per_second = 1;
  settings.burst = 1;
  daemon_fixture d(settings);
  const std::vector<std::int64_t> batch = ids_of(d.post("/api/v1/messages/batch", batch_of(20, "Undangan rapat ")));
  const json urgent = d.post("/api/v1/messages", {{"to", "081299999999"}, {"text", "PENTING"}, {"priority", 10}});

  const json sent = d.wait_for_state(urgent.at("id"), "sent", 30s);
  const std::string urgent_at = sent.at("parts").at(0).at("sent_at");
  // A batch message not sent yet will be sent after the urgent one: it counts as overtaken.
  int overtaken = 0;
  for (const std::int64_t id : batch) {
    const json part = d.message(id).at("parts").at(0);
    overtaken += part.at("sent_at").is_null() || part.at("sent_at").get<std::string>() > urgent_at;
  }
  INFO("urgent message sent at " << urgent_at);
  CHECK(overtaken >= 15);
}

TEST_CASE("a message that no modem could send within valid_for fails as expired", "[daemon][dispatch][expiry]") {
  // The only modem never registers ("searching" for ten minutes), so it never becomes ready.
  daemon_settings settings;
  settings.sims[0].extra_args = {"--register-delay", "600"};
  settings.sims[0].expect_ready = false;
  daemon_fixture d(settings);
  const json modems = d.get("/api/v1/modems");
  REQUIRE(modems.size() == 1);
  REQUIRE(modems[0].at("state") != "ready");

  const json accepted = d.post("/api/v1/messages", {{"to", "081234567898"}, {"text", "Kadaluarsa"}, {"valid_for", "1s"}});
  const json message = d.wait_for_state(accepted.at("id"), "failed", 15s);
  const json& part = message.at("parts").at(0);
  CHECK(part.at("attempts") == 0);
  REQUIRE(part.at("last_error").is_string());
  CHECK(part.at("last_error").get<std::string>().find("expired") != std::string::npos);
  CHECK(d.sim(0).sends().empty());
}

TEST_CASE("a modem unplugged mid-broadcast loses nothing: the other modems send the rest",
          "[daemon][dispatch][hangup]") {
  daemon_settings settings;
  sim_settings slow;
  slow.send_delay_ms = 200;
  settings.sims.assign(3, slow);
  daemon_fixture d(settings);
  const std::vector<std::int64_t> ids = ids_of(d.post("/api/v1/messages/batch", batch_of(60, "Siaran ")));

  d.wait_for("/api/v1/queue", [](const json& q) { return q.at("sent").get<int>() >= 10; }, "10 parts sent");
  d.sim(1).control({{"unplug", true}});
  d.wait_for_idle_queue(60s);

  std::map<std::string, int> sends_per_text;
  for (const json& send : d.all_sends()) ++sends_per_text[send.at("text").get<std::string>()];
  int resent = 0;
  std::map<std::string, int> messages_per_modem;
  for (const std::int64_t id : ids) {
    const json m = d.message(id);
    const std::string text = m.at("text");
    INFO("message " << id << ": " << m.dump());
    CHECK(m.at("state") == "sent");
    CHECK(sends_per_text[text] >= 1);
    resent += resent_uncertain(m);
    if (sends_per_text[text] > 1) CHECK(resent_uncertain(m));
    const json& modem = m.at("parts").at(0).at("modem");
    ++messages_per_modem[modem.is_string() ? modem.get<std::string>() : "none"];
  }
  CHECK(resent <= 1);  // only the part in flight on the unplugged modem is in doubt
  INFO("m1 " << messages_per_modem["m1"] << ", m2 " << messages_per_modem["m2"] << ", m3 "
             << messages_per_modem["m3"]);
  CHECK(messages_per_modem["m2"] <= static_cast<int>(d.sim(1).sends().size()));
  CHECK(messages_per_modem["m1"] + messages_per_modem["m3"] > 40);
}

TEST_CASE("long and short messages mixed go out at the throttle's rate, not below it",
          "[daemon][dispatch][throttle]") {
  // Four modems could carry 20 parts/s; the throttle allows 10. A long message's second part,
  // met in the dispatcher's view of the queue after its first has claimed it, must not cost a
  // token: if it did, the pool would fall to about 8 parts/s.
  daemon_settings settings;
  settings.rate_per_second = 10;
  settings.burst = 5;
  sim_settings slow;
  slow.send_delay_ms = 200;
  settings.sims.assign(4, slow);
  daemon_fixture d(settings);
  const std::string long_text(200, 'a');  // two parts in the GSM alphabet
  json messages = json::array();
  for (int i = 0; i < 40; ++i) {
    messages.push_back({{"to", recipient(i)}, {"text", (i % 2 ? "Rapat " : long_text) + std::to_string(i)}});
  }
  const auto started = std::chrono::steady_clock::now();
  d.post("/api/v1/messages/batch", {{"messages", messages}});
  const json queue = d.wait_for_idle_queue(60s);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;

  REQUIRE(queue.at("sent") == 60);
  // 60 parts: the first 5 at once, 55 at 10/s, the last one 0.2 s on its modem.
  const double rate = 60 / took.count();
  INFO("60 parts in " << took.count() << " s: " << rate << " parts/s");
  CHECK(rate >= 9.0);
}

TEST_CASE("a long message whose modem is unplugged after its first part arrives whole from one other modem",
          "[daemon][dispatch][hangup]") {
  daemon_settings settings;
  sim_settings slow;
  slow.send_delay_ms = 300;
  settings.sims.assign(2, slow);
  daemon_fixture d(settings);
  const std::string text(400, 'k');  // three GSM 7-bit parts
  const std::int64_t id = d.post("/api/v1/messages", {{"to", "081234567801"}, {"text", text}}).at("id");

  // Part 1 is recorded sent when part 2 is claimed: part 2 is then on the same modem, which
  // is pulled out while it answers.
  const json started = d.wait_for(
      "/api/v1/messages/" + std::to_string(id),
      [](const json& m) { return m.at("parts").at(0).at("state") == "sent"; }, "the first part to go out");
  const std::string first_modem = started.at("parts").at(0).at("modem");
  const std::size_t first = first_modem == d.sim(0).id() ? 0 : 1;
  d.sim(first).control({{"unplug", true}});
  const json message = d.wait_for_state(id, "sent", 60s);

  // The other modem sent all three parts under one reference: the phone can join them.
  const std::vector<json> sends = d.sim(1 - first).sends();
  INFO("message " << message.dump());
  REQUIRE(sends.size() == 3);
  std::set<int> numbers;
  for (const json& send : sends) {
    REQUIRE(send.at("concat").is_object());
    CHECK(send.at("concat").at("reference") == sends[0].at("concat").at("reference"));
    CHECK(send.at("concat").at("total") == 3);
    numbers.insert(send.at("concat").at("part").get<int>());
  }
  CHECK(numbers == std::set<int>{1, 2, 3});
  // And the API says why the recipient may see extra parts.
  for (const json& part : message.at("parts")) {
    CHECK(part.at("modem") == d.sim(1 - first).id());
    CHECK(part.at("resent") == true);
    CHECK(part.at("resent_reason").get<std::string>().find("sent again whole") != std::string::npos);
  }
}
