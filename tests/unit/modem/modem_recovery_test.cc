// SPDX-License-Identifier: GPL-3.0-or-later
// The recovery ladder, per unresponsive spell: re-initialise on the same port; when that fails,
// reopen the port with exponential backoff; a modem that is ready again starts the ladder over.
#include <catch2/catch.hpp>

#include "fake_modem.h"
#include "modem_samples.h"

using namespace std::chrono_literals;
using namespace siaran::modem::test;
using siaran::modem::modem_state;

namespace {

bool is_ready(modem_rig& rig) { return rig.driver->status().state == modem_state::ready; }

// A silent spell that ends once the modem has left `ready`.
void silent_spell(modem_rig& rig) {
  rig.fake.silent = true;
  REQUIRE(rig.advance_until([&] { return !is_ready(rig); }, 5min));
  rig.fake.silent = false;
  REQUIRE(rig.advance_until([&] { return is_ready(rig); }, 5min));
}

}  // namespace

TEST_CASE("every unresponsive spell starts with a re-initialisation, not only the first", "[modem][health]") {
  modem_rig rig;
  for (int spell = 0; spell < 3; ++spell) {
    const int resets = rig.count("ATZ");
    silent_spell(rig);
    CHECK(rig.count("ATZ") > resets);
  }
  CHECK(rig.opens == 1);
}

TEST_CASE("a modem silent past its probing has its port reopened, the waits doubling up to the cap",
          "[modem][health]") {
  auto options = modem_rig::default_options();
  options.backoff_max = 8s;
  options.probe_for = 0s;
  modem_rig rig{options};
  rig.fake.silent = true;
  REQUIRE(rig.advance_until([&] { return rig.opens == 6; }, 30min, 100ms));
  // Between two opens the modem says why it failed and when it tries again.
  CHECK(rig.advance_until([&] { return rig.driver->status().reason.find("; retrying in 8 s") != std::string::npos; },
                          1min, 100ms));
  CHECK(rig.driver->status().state == modem_state::failed);
  // Each reopened port fails its initialisation in the same time; what changes is the wait.
  std::vector<std::chrono::milliseconds> gaps;
  for (std::size_t i = 2; i < rig.open_times.size(); ++i) gaps.push_back(rig.open_times[i] - rig.open_times[i - 1]);
  REQUIRE(gaps.size() == 4);
  CHECK(gaps[1] - gaps[0] == 2s);  // waited 2 s, then 4 s
  CHECK(gaps[2] - gaps[1] == 4s);  // then 8 s
  CHECK(gaps[3] - gaps[2] == 0s);  // the cap
}

TEST_CASE("a modem ready again after reopens starts the ladder over", "[modem][health]") {
  auto options = modem_rig::default_options();
  options.probe_for = 0s;
  modem_rig rig{options};
  rig.fake.silent = true;
  REQUIRE(rig.advance_until([&] { return rig.opens == 4; }, 30min, 100ms));
  rig.fake.silent = false;
  REQUIRE(rig.advance_until([&] { return is_ready(rig); }, 5min, 100ms));
  const int opens = rig.opens;
  // The next spell is re-initialised on the same port again.
  silent_spell(rig);
  CHECK(rig.opens == opens);
  // And an unplug is retried after the shortest wait.
  rig.device->hang_up(boost::system::error_code(EIO, boost::system::system_category()));
  rig.settle();
  rig.advance(1s);
  CHECK(rig.opens == opens + 1);
}

TEST_CASE("a SIM asking for its PUK after a reopen stays failed with its reason, never retried", "[modem][health]") {
  auto options = modem_rig::default_options();
  options.pin = "1234";
  modem_rig rig{options};
  rig.fake.set("AT+CPIN?", "+CPIN: SIM PUK");
  rig.device->hang_up(boost::system::error_code(EIO, boost::system::system_category()));
  rig.settle();
  rig.advance(1s);
  CHECK(rig.opens == 2);
  CHECK(rig.driver->status().state == modem_state::failed);
  CHECK(rig.driver->status().final);
  CHECK(rig.driver->status().reason.starts_with("SIM PUK required"));
  rig.advance_until([] { return false; }, 30min, 10s);
  CHECK(rig.opens == 2);
  CHECK(rig.count("AT+CPIN=\"1234\"") == 0);
  CHECK_FALSE(rig.driver->running());
}

TEST_CASE("a modem silent with its port open is probed, and initialised on that port the moment it answers",
          "[modem][health]") {
  modem_rig rig;
  rig.fake.silent = true;
  REQUIRE(rig.advance_until([&] { return rig.driver->status().state == modem_state::failed; }, 10min, 100ms));
  // Long enough for a reopen ladder to have grown.
  REQUIRE_FALSE(rig.advance_until([&] { return rig.opens > 1; }, 2min, 100ms));
  rig.fake.silent = false;
  const auto answered = rig.clock.now();
  REQUIRE(rig.advance_until([&] { return rig.driver->status().state == modem_state::ready; }, 1min, 100ms));
  CHECK(rig.clock.now() - answered <= 3s);  // one probe round (resync and AT), then initialisation
  CHECK(rig.opens == 1);
}
