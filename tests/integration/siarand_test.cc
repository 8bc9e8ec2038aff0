// SPDX-License-Identifier: GPL-3.0-or-later
// The real siarand binary: exit codes of --check-config and bad options, and the lifecycle
// (ready, SIGHUP reload of log_level, SIGTERM/SIGINT clean exit) read from its stderr.

#include <catch2/catch.hpp>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sysexits.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstring>

#include "tests/support/child_process.h"
#include "tests/support/free_port.h"
#include "tests/support/temp_dir.h"
#include "tools/self_signed_certificate.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

const std::string siarand = SIARAN_BINARY_DIR "/daemon/siarand";
constexpr auto timeout = 20s;

// The daemon must log to the pipe we read, even when the tests run under systemd.
const std::vector<std::string> plain_env = {"JOURNAL_STREAM", "NOTIFY_SOCKET", "WATCHDOG_USEC"};

program_result run_siarand(std::vector<std::string> args) {
  args.insert(args.begin(), siarand);
  auto finished = run_program(args, deadline_in(timeout), plain_env);
  REQUIRE(finished.has_value());
  return *finished;
}

// On a port of its own: ctest runs other daemons at the same time, and one on the default port
// answered this test's daemon's clients or held its port.
std::string valid_config(const temp_dir& dir, std::string_view log_level) {
  static const std::string listen = "127.0.0.1:" + std::to_string(free_port());
  return "database: " + (dir.path() / "siaran.db").string() + "\nlog_level: " +
         std::string(log_level) + "\nmodems:\n  - id: s1\n    port: sim\n" +
         "    pin: \"1234\"\nhttp:\n  listen: " + listen + "\n  tokens:\n    - name: ops\n      sha256: " +
         "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n";
}

// Plays systemd's side of sd_notify(3): a datagram socket the daemon sends its states to.
class notify_socket {
 public:
  explicit notify_socket(const std::filesystem::path& path) : path_(path) {
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
  }
  ~notify_socket() { close(fd_); }
  notify_socket(const notify_socket&) = delete;
  notify_socket& operator=(const notify_socket&) = delete;

  // The next message containing `text`, or nothing at the deadline.
  std::optional<std::string> wait_for(std::string_view text, deadline_time deadline) {
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      pollfd readable{fd_, POLLIN, 0};
      if (left.count() <= 0 || poll(&readable, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
      std::array<char, 4096> buffer{};
      ssize_t n = recv(fd_, buffer.data(), buffer.size(), 0);
      if (n <= 0) return std::nullopt;
      std::string message(buffer.data(), static_cast<std::size_t>(n));
      if (message.find(text) != std::string::npos) return message;
    }
  }

  std::string env() const { return "NOTIFY_SOCKET=" + path_.string(); }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace

TEST_CASE("siarand tells systemd READY, pings the watchdog, and says STOPPING") {
  temp_dir dir;
  auto file = dir.write("siaran.yaml", valid_config(dir, "info"));
  notify_socket systemd(dir.path() / "notify");
  // WatchdogSec=0.2s: pings every 100 ms, so two arrive quickly.
  child_process daemon({siarand, "--config", file.string()},
                      {"JOURNAL_STREAM", "WATCHDOG_PID", "WATCHDOG_USEC=200000", systemd.env()});
  auto deadline = deadline_in(timeout);
  CHECK(systemd.wait_for("READY=1", deadline));
  CHECK(systemd.wait_for("WATCHDOG=1", deadline));
  CHECK(systemd.wait_for("WATCHDOG=1", deadline));
  daemon.send_signal(SIGTERM);
  CHECK(systemd.wait_for("STOPPING=1", deadline));
  auto finished = daemon.wait_exit(deadline);
  REQUIRE(finished.has_value());
  CHECK(finished->exit_code == 0);
}

TEST_CASE("siarand --check-config accepts a good file with exit 0") {
  temp_dir dir;
  auto file = dir.write("siaran.yaml", valid_config(dir, "info"));
  program_result f = run_siarand({"--check-config", file.string()});
  CHECK(f.exit_code == 0);
  CHECK(f.out == file.string() + ": ok\n");
}

TEST_CASE("siarand --check-config reports every error with file:line:col and exits 78") {
  temp_dir dir;
  auto file = dir.write("siaran.yaml", "log_level: loud\nmodems:\n  - id: m1\n    port: sim\n    baud: 115201\n");
  program_result f = run_siarand({"--check-config", file.string()});
  CHECK(f.exit_code == EX_CONFIG);
  CHECK(f.err.find(file.string() + ":1:12: log_level: 'loud'") != std::string::npos);
  CHECK(f.err.find(file.string() + ":5:11: modems[0].baud: 115201 is not a standard baud rate") !=
        std::string::npos);
}

TEST_CASE("siarand --check-config on a missing file exits 78 naming the file") {
  program_result f = run_siarand({"--check-config", "/nonexistent/siaran.yaml"});
  CHECK(f.exit_code == EX_CONFIG);
  CHECK(f.err.find("/nonexistent/siaran.yaml: cannot open") != std::string::npos);
}

TEST_CASE("siarand --config with a bad file exits 78 before starting") {
  temp_dir dir;
  auto file = dir.write("siaran.yaml", "throttle: {burst: 0}\n");
  program_result f = run_siarand({"--config", file.string()});
  CHECK(f.exit_code == EX_CONFIG);
  CHECK(f.err.find(":1:19: throttle.burst:") != std::string::npos);
}

TEST_CASE("siarand with an HTTPS key that is not its certificate's exits 78 naming the key") {
  temp_dir dir;
  const auto crt = dir.write("siaran.crt", siaran::tools::make_self_signed({{"localhost"}, {}}).certificate_pem);
  const auto key = dir.write("other.key", siaran::tools::make_self_signed({{"localhost"}, {}}).private_key_pem);
  const auto file = dir.write("siaran.yaml", valid_config(dir, "info") + "  tls:\n    certificate: " + crt.string() +
                                                 "\n    private_key: " + key.string() + "\n");
  for (const char* mode : {"--check-config", "--config"}) {
    INFO(mode);
    program_result f = run_siarand({mode, file.string()});
    CHECK(f.exit_code == EX_CONFIG);
    CHECK(f.err.find("the key in " + key.string() + " does not belong to the certificate") != std::string::npos);
  }
}

TEST_CASE("siarand with a bad option exits 64 with the usage") {
  program_result f = run_siarand({"--frobnicate"});
  CHECK(f.exit_code == EX_USAGE);
  CHECK(f.err.find("unknown argument '--frobnicate'") != std::string::npos);
  CHECK(f.err.find("usage:") != std::string::npos);
}

TEST_CASE("siarand --version and --help exit 0") {
  CHECK(run_siarand({"--version"}).out.rfind("siarand ", 0) == 0);
  program_result help = run_siarand({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--check-config FILE") != std::string::npos);
}

TEST_CASE("siarand starts, applies log_level on SIGHUP, and stops cleanly on SIGTERM or SIGINT") {
  auto [signal, name] = GENERATE(std::pair{SIGTERM, "SIGTERM"}, std::pair{SIGINT, "SIGINT"});
  temp_dir dir;
  auto file = dir.write("siaran.yaml", valid_config(dir, "info"));
  child_process daemon({siarand, "--config", file.string()}, plain_env);
  auto deadline = deadline_in(timeout);

  auto ready = daemon.wait_for_stderr_line("ready", deadline);
  INFO("stderr so far:\n" << daemon.err());
  REQUIRE(ready.has_value());
  auto summary = daemon.wait_for_stderr_line("1 modem(s) [s1 (sim)]", deadline);
  REQUIRE(summary.has_value());
  CHECK(summary->find("1234") == std::string::npos);
  CHECK(daemon.err().find("9f86d0") == std::string::npos);

  dir.write("siaran.yaml", valid_config(dir, "debug"));
  std::size_t before_reload = daemon.err().size();
  daemon.send_signal(SIGHUP);
  REQUIRE(daemon.wait_for_stderr_line("log level changed from info to debug", deadline, before_reload));

  // A broken file on reload is reported and the daemon keeps running.
  dir.write("siaran.yaml", "log_level: loud\n");
  std::size_t before_bad = daemon.err().size();
  daemon.send_signal(SIGHUP);
  REQUIRE(daemon.wait_for_stderr_line("log_level: 'loud' is not one of", deadline, before_bad));
  REQUIRE(daemon.wait_for_stderr_line("keeping the running configuration", deadline, before_bad));

  std::size_t before_stop = daemon.err().size();
  daemon.send_signal(signal);
  CHECK(daemon.wait_for_stderr_line(std::string("stopping (") + name + ")", deadline, before_stop));
  auto finished = daemon.wait_exit(deadline);
  INFO("stderr at the end:\n" << daemon.err());
  REQUIRE(finished.has_value());
  CHECK(finished->exit_code == 0);
  CHECK(finished->term_signal == 0);
}
