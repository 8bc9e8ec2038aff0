// SPDX-License-Identifier: GPL-3.0-or-later
// siarand running the pool: two `port: sim` modems (one behind a SIM PIN) come up on their
// built-in simulated modems and the daemon says so; SIGTERM stops them and exits 0.

#include <catch2/catch.hpp>

#include <csignal>

#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

const std::string siarand = SIARAN_BINARY_DIR "/daemon/siarand";
// The daemon must log to the pipe we read, even when the tests run under systemd.
const std::vector<std::string> plain_env = {"JOURNAL_STREAM", "NOTIFY_SOCKET", "WATCHDOG_USEC"};

}  // namespace

TEST_CASE("siarand brings up two simulated modems and stops them on SIGTERM", "[siarand][sim]") {
  temp_dir dir;
  auto file = dir.write("siaran.yaml", "database: " + (dir.path() / "siaran.db").string() +
                                           "\nmodems:\n"
                                           "  - id: m1\n    port: sim\n    operator: telkomsel\n"
                                           "  - id: m2\n    port: sim\n    pin: \"1234\"\n");
  child_process daemon({siarand, "--config", file.string()}, plain_env);
  auto deadline = deadline_in(30s);

  auto m1 = daemon.wait_for_stderr_line("modem m1: ready", deadline);
  auto m2 = daemon.wait_for_stderr_line("modem m2: ready", deadline);
  INFO("stderr:\n" << daemon.err());
  REQUIRE(m1.has_value());
  REQUIRE(m2.has_value());
  CHECK(m1->find("operator TELKOMSEL") != std::string::npos);
  CHECK(m2->find(" dBm)") != std::string::npos);
  CHECK(daemon.err().find("1234") == std::string::npos);  // the PIN is never logged

  const std::size_t before_stop = daemon.err().size();
  daemon.send_signal(SIGTERM);
  CHECK(daemon.wait_for_stderr_line("stopping (SIGTERM)", deadline, before_stop));
  auto finished = daemon.wait_exit(deadline);
  REQUIRE(finished.has_value());
  CHECK(finished->exit_code == 0);
  CHECK(finished->term_signal == 0);
  INFO("stderr:\n" << daemon.err());
  CHECK(daemon.err().find("modem m1: stopped", before_stop) != std::string::npos);
  CHECK(daemon.err().find(" error ") == std::string::npos);
  CHECK(daemon.err().find(" critical ") == std::string::npos);
}
