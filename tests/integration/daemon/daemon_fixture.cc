// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/integration/daemon/daemon_fixture.h"
#include "tests/support/free_port.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "daemon/http/api_token.h"

namespace siaran::test {
namespace {

using namespace std::chrono_literals;

const std::string siarand = SIARAN_BINARY_DIR "/daemon/siarand";
const std::string modemsim = SIARAN_BINARY_DIR "/tools/siaran-modemsim";
// The daemon must log to the pipe we read, even when the tests run under systemd.
const std::vector<std::string> daemon_env = {"JOURNAL_STREAM", "NOTIFY_SOCKET", "WATCHDOG_USEC"};
// Never written by the daemon: waiting for it reads stderr until a deadline.
constexpr std::string_view never_logged = "\x01\x02never\x03";
constexpr auto poll_period = 50ms;
// How much of the daemon's stderr a failure shows.
constexpr std::size_t log_shown = 40'000;
// siarand under AddressSanitizer on two shared cores is slow to start.
constexpr auto start_timeout = 60s;

std::string modem_id(std::size_t index) { return "m" + std::to_string(index + 1); }

}  // namespace

// ---- modem_sim -----------------------------------------------------------------------------

modem_sim::modem_sim(std::string id, const std::filesystem::path& dir, const sim_settings& settings)
    : id_(std::move(id)), link_(dir / (id_ + ".tty")), log_(dir / (id_ + ".log")) {
  std::vector<std::string> argv{modemsim,       "--link",        link_.string(),
                                "--log",        log_.string(),   "--name",
                                id_,            "--send-delay",  std::to_string(settings.send_delay_ms),
                                "--report-delay", std::to_string(settings.report_delay_ms)};
  argv.insert(argv.end(), settings.extra_args.begin(), settings.extra_args.end());
  process_ = std::make_unique<child_process>(argv);
  const auto first = process_->wait_for_stdout_line("\"pty\"", deadline_in(20s));
  INFO("siaran-modemsim " << id_ << " stderr:\n" << process_->err());
  REQUIRE(first.has_value());
}

json modem_sim::control(const json& request) {
  const std::size_t from = process_->out().size();
  process_->write_stdin(request.dump() + "\n");
  const auto line = process_->wait_for_stdout_line("\"ok\":", deadline_in(10s), from);
  INFO("control " << request.dump() << " to sim " << id_ << "; its stdout:\n" << process_->out());
  REQUIRE(line.has_value());
  json ack = json::parse(*line);
  REQUIRE(ack.at("ok") == true);
  return ack;
}

std::vector<json> modem_sim::sends() const {
  std::ifstream in(log_);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<json> sends;
  std::string all = text.str();
  // A line still being written has no newline yet: it is not a send (yet).
  std::size_t begin = 0;
  for (std::size_t end = all.find('\n'); end != std::string::npos; end = all.find('\n', begin)) {
    if (end > begin) sends.push_back(json::parse(all.substr(begin, end - begin)));
    begin = end + 1;
  }
  return sends;
}

// ---- daemon_fixture ------------------------------------------------------------------------

daemon_fixture::daemon_fixture(daemon_settings settings)
    : settings_(std::move(settings)), token_("siaran_daemon_test_token"), port_(free_port()) {
  for (std::size_t i = 0; i < settings_.sims.size(); ++i) {
    sims_.push_back(std::make_unique<modem_sim>(modem_id(i), dir_.path(), settings_.sims[i]));
  }
  write_config(settings_);
  start(true);
}

daemon_fixture::~daemon_fixture() = default;

std::filesystem::path daemon_fixture::database() const {
  return (settings_.database_dir.empty() ? dir_.path() : settings_.database_dir) / "siaran.db";
}

void daemon_fixture::write_config(const daemon_settings& s) {
  std::ostringstream yaml;
  yaml << "database: " << database().string() << "\n"
       << "log_level: info\n"
       << "throttle:\n  rate_per_second: " << s.rate_per_second << "\n  burst: " << s.burst << "\n"
       << "on_uncertain: " << s.on_uncertain << "\n"
       << "dispatch:\n  max_attempts: " << s.max_attempts << "\n  retry_delay: " << s.retry_delay
       << "\n  drain_timeout: 5s\n  delivery_reports: " << (s.delivery_reports ? "true" : "false")
       << "\n  report_timeout: " << s.report_timeout << "\n"
       << "modems:\n";
  for (std::size_t i = 0; i < sims_.size(); ++i) {
    yaml << "  - id: " << sims_[i]->id() << "\n    port: " << sims_[i]->link().string() << "\n";
    if (!s.sims[i].operator_name.empty()) yaml << "    operator: " << s.sims[i].operator_name << "\n";
    for (const std::string& line : s.sims[i].config_lines) yaml << "    " << line << "\n";
  }
  yaml << s.extra_config;
  yaml << "http:\n  listen: 127.0.0.1:" << port_ << "\n  tokens:\n    - name: test\n      sha256: "
       << daemon::http::sha256_hex(token_) << "\n";
  config_ = dir_.write("siaran.yaml", yaml.str());
}

void daemon_fixture::start(bool wait_for_modems_too, const std::vector<std::string>& extra_args) {
  std::vector<std::string> argv{siarand, "--config", config_.string()};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  daemon_ = std::make_unique<child_process>(argv, daemon_env);
  if (!daemon_->wait_for_stderr_line("HTTP API listening", deadline_in(start_timeout))) {
    fail("siarand did not say \"HTTP API listening\"");
  }
  api_ = std::make_unique<tools::api_client>(tools::api_endpoint{"127.0.0.1", port(), token_, 30s});
  if (wait_for_modems_too) wait_for_modems();
}

void daemon_fixture::wait_for_modems() {
  const deadline_time deadline = deadline_in(start_timeout);
  for (std::size_t i = 0; i < sims_.size(); ++i) {
    if (!settings_.sims[i].expect_ready) continue;
    const std::string line = "modem " + sims_[i]->id() + ": ready";
    if (!daemon_->wait_for_stderr_line(line, deadline)) fail("siarand did not say \"" + line + "\"");
  }
}

void daemon_fixture::kill() {
  daemon_->send_signal(SIGKILL);
  const auto killed = daemon_->wait_exit(deadline_in(20s));
  if (!killed) fail("siarand did not end after SIGKILL");
  api_.reset();
  earlier_runs_ += daemon_->err() + "---- siarand killed (SIGKILL) ----\n";
  if (earlier_runs_.size() > 2 * log_shown) earlier_runs_.erase(0, earlier_runs_.size() - log_shown);
  daemon_.reset();
}

program_result daemon_fixture::terminate() {
  daemon_->send_signal(SIGTERM);
  const auto finished = daemon_->wait_exit(deadline_in(60s));
  if (!finished) fail("siarand did not end within 60 s of SIGTERM");
  api_.reset();
  earlier_runs_ += daemon_->err() + "---- siarand stopped (SIGTERM) ----\n";
  daemon_.reset();
  return *finished;
}

program_result daemon_fixture::siaran(std::vector<std::string> args) {
  args.insert(args.begin(), SIARAN_BINARY_DIR "/tools/siaran");
  args.insert(args.end(), {"--url", "http://127.0.0.1:" + port()});
  auto finished = run_program(std::move(args), deadline_in(std::chrono::seconds(30)),
                              {"SIARAN_URL", "SIARAN_TOKEN=" + token_});
  if (!finished) fail("siaran did not finish within 30 s");
  return *finished;
}

program_result daemon_fixture::run_to_exit() {
  const auto finished = run_program({siarand, "--config", config_.string()}, deadline_in(start_timeout), daemon_env);
  if (!finished) fail("siarand did not exit by itself");
  return *finished;
}

void daemon_fixture::kill_and_restart(bool wait_for_modems_too) {
  kill();
  start(wait_for_modems_too);
}

void daemon_fixture::drain_stderr() {
  if (!daemon_) return;
  // Each wait reads what is there, at most a few KiB: read until a wait brings nothing more.
  for (std::size_t before = SIZE_MAX; before != daemon_->err().size();) {
    before = daemon_->err().size();
    daemon_->wait_for_stderr_line(never_logged, deadline_in(1ms), before);
  }
}

void daemon_fixture::pass_time(std::chrono::milliseconds period) {
  const auto until = std::chrono::steady_clock::now() + period;
  // Reading the daemon's pipes until then (poll()); when they are closed, only the time passes.
  if (daemon_) daemon_->wait_for_stderr_line(never_logged, until, daemon_->err().size());
  if (std::chrono::steady_clock::now() < until) std::this_thread::sleep_until(until);
}

std::string daemon_fixture::daemon_log() {
  drain_stderr();
  const std::string all = earlier_runs_ + (daemon_ ? daemon_->err() : std::string("(siarand not running)\n"));
  return all.size() <= log_shown ? all : "[...]\n" + all.substr(all.size() - log_shown);
}

void daemon_fixture::fail(std::string_view what) {
  FAIL(what << "\n---- siarand stderr ----\n" << daemon_log());
  throw std::logic_error("unreachable");  // FAIL throws; this keeps [[noreturn]] honest
}

json daemon_fixture::post(std::string_view target, const json& body, int expected) {
  tools::api_reply reply;
  try {
    reply = api_->post(target, body.dump());
  } catch (const std::exception& e) {
    fail("POST " + std::string(target) + ": " + e.what());
  }
  if (reply.status != expected) {
    fail("POST " + std::string(target) + " " + body.dump().substr(0, 500) + " answered " +
         std::to_string(reply.status) + " (expected " + std::to_string(expected) + "): " + reply.body);
  }
  return json::parse(reply.body);
}

json daemon_fixture::get(std::string_view target, int expected) {
  drain_stderr();
  tools::api_reply reply;
  try {
    reply = api_->get(target);
  } catch (const std::exception& e) {
    fail("GET " + std::string(target) + ": " + e.what());
  }
  if (reply.status != expected) {
    fail("GET " + std::string(target) + " answered " + std::to_string(reply.status) + " (expected " +
         std::to_string(expected) + "): " + reply.body);
  }
  return json::parse(reply.body);
}

json daemon_fixture::wait_for(std::string_view target, const std::function<bool(const json&)>& done,
                              std::string_view what, std::chrono::milliseconds timeout) {
  const deadline_time deadline = deadline_in(timeout);
  for (;;) {
    const auto asked = std::chrono::steady_clock::now();
    json body = get(target);
    if (done(body)) return body;
    if (std::chrono::steady_clock::now() >= deadline) {
      fail("waited " + std::to_string(timeout.count()) + " ms for " + std::string(what) + "; GET " +
           std::string(target) + " last answered: " + body.dump().substr(0, 4000));
    }
    pass_time(std::chrono::duration_cast<std::chrono::milliseconds>(asked + poll_period -
                                                                    std::chrono::steady_clock::now()));
  }
}

json daemon_fixture::wait_for_state(std::int64_t id, std::string_view state, std::chrono::milliseconds timeout) {
  return wait_for(
      "/api/v1/messages/" + std::to_string(id), [&](const json& m) { return m.at("state").get<std::string>() == state; },
      "message " + std::to_string(id) + " to reach state " + std::string(state), timeout);
}

json daemon_fixture::wait_for_idle_queue(std::chrono::milliseconds timeout) {
  return wait_for(
      "/api/v1/queue", [](const json& q) { return q.at("queued") == 0 && q.at("in_flight") == 0; },
      "nothing queued and nothing in flight", timeout);
}

std::vector<json> daemon_fixture::all_sends() const {
  std::vector<json> all;
  for (const auto& sim : sims_) {
    auto sends = sim->sends();
    all.insert(all.end(), sends.begin(), sends.end());
  }
  return all;
}

bool resent_uncertain(const json& message) {
  for (const json& part : message.at("parts")) {
    if (part.at("resent_uncertain") == true) return true;
  }
  return false;
}

}  // namespace siaran::test
