// SPDX-License-Identifier: GPL-3.0-or-later
// siarand started again after it was killed: the modems it left behind in the middle of a
// command must come back.

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <array>

#include "tests/integration/daemon/daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

// Does to `port` what a daemon killed between "AT+CMGS=<length>" and its PDU did: the modem
// answered "> " and now takes whatever comes next as the PDU, until Ctrl-Z or ESC.
void leave_at_pdu_prompt(const std::filesystem::path& port) {
  const int fd = ::open(port.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK);
  REQUIRE(fd >= 0);
  const std::string command = "AT+CMGS=20\r";
  REQUIRE(::write(fd, command.data(), command.size()) == static_cast<ssize_t>(command.size()));
  std::string answer;
  const deadline_time deadline = deadline_in(5s);
  while (answer.find("> ") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    std::array<char, 256> buffer{};
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n > 0) answer.append(buffer.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  INFO("the modem answered: " << answer);
  REQUIRE(answer.find("> ") != std::string::npos);
}

}  // namespace

TEST_CASE("a modem a killed daemon left at the PDU prompt is ready again after the restart and sends",
          "[daemon][restart]") {
  daemon_fixture d;
  d.kill();
  leave_at_pdu_prompt(d.sim(0).link());

  d.start(true);  // fails naming the modem that never became ready, with siarand's stderr
  const json accepted = d.post("/api/v1/messages", {{"to", "081234567899"}, {"text", "Sudah pulih"}});
  d.wait_for_state(accepted.at("id"), "sent");
  const std::vector<json> sends = d.sim(0).sends();
  REQUIRE(sends.size() == 1);
  CHECK(sends[0].at("text") == "Sudah pulih");
}

TEST_CASE("SIGTERM lets the parts in flight finish before siarand exits 0", "[daemon][restart]") {
  daemon_settings settings;
  settings.sims = {sim_settings{}, sim_settings{}};
  for (auto& sim : settings.sims) sim.send_delay_ms = 1500;
  daemon_fixture d(settings);
  const auto first = d.post("/api/v1/messages", {{"to", "081234567801"}, {"text", "rapat kader"}}).at("id");
  const auto second = d.post("/api/v1/messages", {{"to", "081234567802"}, {"text", "rapat kader"}}).at("id");
  d.wait_for("/api/v1/queue", [](const json& q) { return q.at("in_flight") == 2; }, "both parts in flight");

  const program_result stopped = d.terminate();
  CHECK(stopped.exit_code == 0);
  CHECK(stopped.err.find("waiting up to") != std::string::npos);

  d.start(true);  // the same database: what the stopped daemon recorded
  for (const auto& id : {first, second}) {
    const json message = d.message(id.get<std::int64_t>());
    CHECK(message.at("state") == "sent");
    CHECK_FALSE(resent_uncertain(message));
  }
  CHECK(d.all_sends().size() == 2);
}
