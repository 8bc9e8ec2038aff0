// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// siarand as its users meet it: the real daemon, spoken to over its HTTP API, with real
// siaran-modemsim processes as its modems (one pty each, linked from a temporary directory).
// The sims are separate processes, so what they accepted (their JSON send logs) outlives a
// daemon killed with SIGKILL. Every wait polls with a deadline and, when it passes, fails the
// test with the daemon's stderr: nothing here sleeps to synchronise.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"
#include "tools/api_client.h"

namespace siaran::test {

using json = nlohmann::json;

// One simulated modem (m1, m2... in the config, in this order).
struct sim_settings {
  int send_delay_ms = 0;      // AT+CMGS latency
  int report_delay_ms = 300;  // status report after a SUBMIT that asked for one
  std::vector<std::string> extra_args;  // more siaran-modemsim options ("--register-delay", "600")
  bool expect_ready = true;   // start-up waits for "modem mN: ready"
  std::string operator_name;  // its `operator:` in the config ("" for none)
  std::vector<std::string> config_lines;  // more keys of its entry in `modems:` ("rest_when_low: true")
};

struct daemon_settings {
  std::vector<sim_settings> sims{sim_settings{}};
  double rate_per_second = 0;  // 0: unthrottled
  unsigned burst = 5;
  std::string on_uncertain = "resend";
  std::string retry_delay = "1s";
  unsigned max_attempts = 5;
  // dispatch.delivery_reports: off unless a test asks, so that a message it sends stays `sent`
  // (a sim reports every SMS that asks, after report_delay_ms) rather than racing to `delivered`.
  bool delivery_reports = false;
  std::string report_timeout = "2d";  // dispatch.report_timeout
  std::filesystem::path database_dir;  // where siaran.db goes; empty: the fixture's temporary directory
  std::string extra_config;  // more top-level YAML ("prices:\n  default: 200\n")
};

// Two simulated modems with the defaults, m1 and m2.
inline daemon_settings two_sims() {
  daemon_settings settings;
  settings.sims = {sim_settings{}, sim_settings{}};
  return settings;
}

// A siaran-modemsim process: `--link DIR/ID.tty`, `--log DIR/ID.log`, `--name ID`.
class modem_sim {
 public:
  modem_sim(std::string id, const std::filesystem::path& dir, const sim_settings& settings);

  const std::string& id() const { return id_; }
  const std::filesystem::path& link() const { return link_; }

  // One control line (modem/sim/control.h); its answer, which must say "ok": true.
  json control(const json& request);

  // Every SUBMIT this sim accepted, as logged (complete lines only).
  std::vector<json> sends() const;

 private:
  std::string id_;
  std::filesystem::path link_;
  std::filesystem::path log_;
  std::unique_ptr<child_process> process_;
};

class daemon_fixture {
 public:
  // Starts the sims, writes the config, starts siarand and waits until its API listens and
  // every sim that should be is ready.
  explicit daemon_fixture(daemon_settings settings = {});
  ~daemon_fixture();
  daemon_fixture(const daemon_fixture&) = delete;
  daemon_fixture& operator=(const daemon_fixture&) = delete;

  tools::api_client& api() { return *api_; }
  modem_sim& sim(std::size_t index) { return *sims_.at(index); }
  std::size_t sim_count() const { return sims_.size(); }
  const std::string& token() const { return token_; }
  std::filesystem::path database() const;
  std::string port() const { return std::to_string(port_); }

  // SIGKILL, reaped; then the same config and database again, waiting for "HTTP API
  // listening" (and, when asked, for every modem that should be ready).
  void kill_and_restart(bool wait_for_modems);
  void kill();
  // SIGTERM; the exit, with everything it wrote to stderr.
  program_result terminate();
  // `extra_args` after "--config FILE" ("--init").
  void start(bool wait_for_modems, const std::vector<std::string>& extra_args = {});
  // siarand (not running) started with the same config, expected to exit by itself: its exit.
  program_result run_to_exit();
  // The `siaran` CLI with `args`, pointed at this daemon with its token: its exit and output.
  program_result siaran(std::vector<std::string> args);

  // Requests that must get `expected` (fails the test with the daemon's stderr otherwise).
  json post(std::string_view target, const json& body, int expected = 202);
  json get(std::string_view target, int expected = 200);
  json message(std::int64_t id) { return get("/api/v1/messages/" + std::to_string(id)); }

  // Polls GET `target` at most every 50 ms until `done(body)`; the last body. At the deadline
  // the test fails naming `what`, with the last body and the daemon's stderr.
  json wait_for(std::string_view target, const std::function<bool(const json&)>& done, std::string_view what,
                std::chrono::milliseconds timeout = std::chrono::seconds(20));
  json wait_for_state(std::int64_t id, std::string_view state,
                      std::chrono::milliseconds timeout = std::chrono::seconds(20));
  // Until the queue has nothing queued and nothing in flight.
  json wait_for_idle_queue(std::chrono::milliseconds timeout);

  // Waits `period` while reading the daemon's stderr (so its pipe never fills).
  void pass_time(std::chrono::milliseconds period);

  // What every run of the daemon wrote to stderr so far (the end of it when long).
  std::string daemon_log();
  [[noreturn]] void fail(std::string_view what);

  // Every sim's accepted SUBMITs.
  std::vector<json> all_sends() const;

 private:
  void wait_for_modems();
  void write_config(const daemon_settings& settings);
  void drain_stderr();

  temp_dir dir_;
  daemon_settings settings_;
  std::string token_;
  std::uint16_t port_ = 0;
  std::filesystem::path config_;
  std::vector<std::unique_ptr<modem_sim>> sims_;
  std::unique_ptr<child_process> daemon_;
  std::string earlier_runs_;  // stderr of the daemons killed before this one
  std::unique_ptr<tools::api_client> api_;
};

// Whether any part of `message` (a GET /api/v1/messages/ID body) was sent again after an
// uncertain attempt, so that its recipient may have it twice.
bool resent_uncertain(const json& message);

}  // namespace siaran::test
