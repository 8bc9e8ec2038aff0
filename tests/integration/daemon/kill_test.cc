// SPDX-License-Identifier: GPL-3.0-or-later
// siarand killed with SIGKILL, again and again, in the middle of a 2,000-message broadcast over
// four simulated modems, and started again on the same database. What the modems accepted is
// in their send logs (separate processes: the logs outlive the daemon). Nothing may be lost;
// nothing may go out twice unless the daemon says so (resent_uncertain), and with
// on_uncertain: hold nothing may go out twice at all. At each kill at most one part per modem is
// in flight, so at most 4 parts per kill can be in doubt.
//
// The pause before each kill is random on purpose (the kill lands anywhere in a send); the
// seed is printed when a check fails.

#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "tests/integration/daemon/daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

constexpr int message_count = 2000;
constexpr int kill_count = 10;
constexpr int modem_count = 4;

std::string text_of(int n) { return "pesan " + std::to_string(n); }

json broadcast() {
  json messages = json::array();
  for (int i = 0; i < message_count; ++i) {
    messages.push_back({{"to", "0813" + std::to_string(10000000 + i)}, {"text", text_of(i)}});
  }
  return {{"messages", messages}};
}

struct outcome {
  std::vector<json> messages;          // GET /api/v1/messages/ID of every message in the broadcast
  std::map<std::string, int> sends;    // accepted SUBMITs per text, over all modems
  int kills = 0;
};

// The broadcast, `kill_count` kills at random moments while it is being sent, then the end
// of it: nothing queued, nothing in flight.
outcome broadcast_through_kills(const std::string& on_uncertain, unsigned seed) {
  daemon_settings settings;
  settings.sims.clear();
  for (int i = 0; i < modem_count; ++i) {
    settings.sims.emplace_back();
    settings.sims.back().send_delay_ms = 20 + 10 * i;
  }
  settings.on_uncertain = on_uncertain;
  // Throttled so that the broadcast outlasts the kills: a modem killed at its PDU prompt costs
  // its restart an ATZ timeout, while the others keep sending.
  settings.rate_per_second = 30;
  daemon_fixture d(settings);
  const auto ids = d.post("/api/v1/messages/batch", broadcast()).at("ids").get<std::vector<std::int64_t>>();
  REQUIRE(ids.size() == message_count);

  std::mt19937 random(seed);
  std::uniform_int_distribution<int> pause_ms(100, 600);
  outcome result;
  for (; result.kills < kill_count; ++result.kills) {
    d.pass_time(std::chrono::milliseconds(pause_ms(random)));
    // A kill with nothing left to send would test nothing.
    const json queue = d.get("/api/v1/queue");
    INFO("before kill " << result.kills + 1 << ": " << queue.dump());
    REQUIRE(queue.at("queued").get<int>() > 0);
    d.kill_and_restart(true);
  }
  d.wait_for_idle_queue(120s);

  for (const std::int64_t id : ids) result.messages.push_back(d.message(id));
  for (const json& send : d.all_sends()) ++result.sends[send.at("text").get<std::string>()];
  return result;
}

// Up to 20 of `problems`, for a failure message that stays readable.
std::string first_of(const std::vector<std::string>& problems) {
  std::string text;
  for (std::size_t i = 0; i < problems.size() && i < 20; ++i) text += problems[i] + "\n";
  return text;
}

int sends_of(const outcome& o, const json& message) {
  const auto found = o.sends.find(message.at("text").get<std::string>());
  return found == o.sends.end() ? 0 : found->second;
}

bool sent(const json& message) { return message.at("state") == "sent" || message.at("state") == "delivered"; }

}  // namespace

TEST_CASE("killed 10 times mid-broadcast with on_uncertain resend, siarand sends every message, "
          "and only parts flagged resent_uncertain go out twice",
          "[daemon][kill][resend]") {
  const unsigned seed = std::random_device{}();
  INFO("random seed " << seed);
  const outcome o = broadcast_through_kills("resend", seed);

  std::vector<std::string> problems;
  int duplicated = 0;
  for (const json& m : o.messages) {
    const int sends = sends_of(o, m);
    const std::string what = "message " + m.dump() + " went out " + std::to_string(sends) + " time(s)";
    if (!sent(m)) problems.push_back("not sent: " + what);
    if (sends == 0) problems.push_back("lost: " + what);
    if (sends > 1) ++duplicated;
    if (sends > 1 && !resent_uncertain(m)) problems.push_back("twice, unflagged: " + what);
  }
  INFO(problems.size() << " problem(s):\n" << first_of(problems));
  CHECK(problems.empty());
  INFO(duplicated << " text(s) went out more than once after " << o.kills << " kills");
  CHECK(duplicated <= modem_count * o.kills);
}

TEST_CASE("killed 10 times mid-broadcast with on_uncertain hold, siarand sends nothing twice, "
          "and holds as uncertain only what was in flight",
          "[daemon][kill][hold]") {
  const unsigned seed = std::random_device{}();
  INFO("random seed " << seed);
  const outcome o = broadcast_through_kills("hold", seed);

  std::vector<std::string> problems;
  int uncertain = 0;
  for (const json& m : o.messages) {
    const int sends = sends_of(o, m);
    const std::string what = "message " + m.dump() + " went out " + std::to_string(sends) + " time(s)";
    if (sends > 1) problems.push_back("twice: " + what);
    if (resent_uncertain(m)) problems.push_back("resent although held: " + what);
    if (m.at("state") == "uncertain") {
      ++uncertain;
    } else if (!sent(m)) {
      problems.push_back("neither sent nor uncertain: " + what);
    } else if (sends == 0) {
      problems.push_back("sent but no modem accepted it: " + what);
    }
  }
  INFO(problems.size() << " problem(s):\n" << first_of(problems));
  CHECK(problems.empty());
  INFO(uncertain << " message(s) held as uncertain after " << o.kills << " kills");
  CHECK(uncertain <= modem_count * o.kills);
}
