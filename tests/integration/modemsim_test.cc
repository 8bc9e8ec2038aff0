// SPDX-License-Identifier: GPL-3.0-or-later
// The real siaran-modemsim binary over a real pseudo-terminal, driven with plain POSIX calls
// (this tests the simulated modem, not our driver): AT dialogue, a PDU send and its JSON log
// line, inbound SMS injected on stdin, unplug (the host sees a hang-up) and re-plug.
// Every wait is poll() with a deadline: a stuck simulator fails the test instead of hanging it.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <array>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "sms/pdu_decoder.h"
#include "sms/submit_encoder.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

using namespace siaran::test;
using namespace std::chrono_literals;
namespace sms = siaran::sms;

namespace {

const std::string simulator = SIARAN_BINARY_DIR "/tools/siaran-modemsim";

// The simulator under test: its first stdout line names the pty, and each control line
// written to its stdin is answered by one JSON line on stdout.
class simulator_process {
 public:
  explicit simulator_process(std::vector<std::string> args) {
    args.insert(args.begin(), simulator);
    child_ = std::make_unique<child_process>(args);
    const auto line = child_->wait_for_stdout_line("\"pty\"", deadline_in(10s));
    REQUIRE(line);
    pty_ = nlohmann::json::parse(*line).at("pty").get<std::string>();
  }

  const std::string& pty() const { return pty_; }
  child_process& child() { return *child_; }

  // Sends one control line and waits for its answer.
  std::string control(const std::string& json) {
    const std::size_t from = child_->out().size();
    child_->write_stdin(json + "\n");
    const auto ack = child_->wait_for_stdout_line("\"ok\":", deadline_in(10s), from);
    REQUIRE(ack);
    return *ack;
  }

 private:
  std::unique_ptr<child_process> child_;
  std::string pty_;
};

// The host side of the pty, opened as a serial port would be: raw, no controlling tty.
class host_port {
 public:
  explicit host_port(const std::string& path) : fd_(open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK)) {
    REQUIRE(fd_ >= 0);
    termios tio{};
    REQUIRE(tcgetattr(fd_, &tio) == 0);
    cfmakeraw(&tio);
    REQUIRE(tcsetattr(fd_, TCSANOW, &tio) == 0);
  }
  ~host_port() { close(fd_); }

  void send(const std::string& bytes) {
    REQUIRE(write(fd_, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  }

  // Everything read until `text` arrived; fails the test at the deadline.
  std::string read_until(const std::string& text, std::chrono::milliseconds timeout = 10s) {
    const deadline_time deadline = deadline_in(timeout);
    std::string got;
    while (got.find(text) == std::string::npos) {
      INFO("waiting for " << text << ", got so far: " << got);
      REQUIRE(wait_readable(deadline));
      REQUIRE(read_some(got) > 0);
    }
    return got;
  }

  std::string command(const std::string& line) {
    send(line + "\r");
    return read_until("OK\r\n");
  }

  // True when the port hung up (POLLHUP, or a read ending in EIO) before the deadline.
  bool sees_hangup(std::chrono::milliseconds timeout) {
    const deadline_time deadline = deadline_in(timeout);
    std::string ignored;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, remaining(deadline)) <= 0) continue;
      if (p.revents & (POLLHUP | POLLERR)) return true;
      if (read_some(ignored) < 0 && errno == EIO) return true;
    }
    return false;
  }

 private:
  static int remaining(deadline_time deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return left.count() > 0 ? static_cast<int>(left.count()) : 0;
  }

  bool wait_readable(deadline_time deadline) {
    pollfd p{fd_, POLLIN, 0};
    return poll(&p, 1, remaining(deadline)) > 0 && (p.revents & POLLIN);
  }

  ssize_t read_some(std::string& into) {
    std::array<char, 1024> buffer{};
    const ssize_t n = read(fd_, buffer.data(), buffer.size());
    if (n > 0) into.append(buffer.data(), static_cast<std::size_t>(n));
    return n;
  }

  int fd_;
};

// The line after the one starting with `header` ("+CMGR: 0,,23" → its PDU line).
std::string line_after(const std::string& text, const std::string& header) {
  const std::size_t start = text.find("\r\n", text.find(header)) + 2;
  return text.substr(start, text.find("\r\n", start) - start);
}

}  // namespace

TEST_CASE("siaran-modemsim accepts a PDU over its pty, answers +CMGS and logs it as JSON") {
  temp_dir dir;
  const auto log = dir.path() / "sent.jsonl";
  simulator_process sim({"--log", log.string(), "--name", "m1"});
  host_port port(sim.pty());
  CHECK(port.command("ATE0").find("ATE0\r") != std::string::npos);  // echo was on
  CHECK(port.command("AT+CMGF=0") == "\r\nOK\r\n");

  sms::submit_request request;
  request.to = "+6281234567890";
  request.text = "Ibu Siti, rapat kader besok jam 9";
  request.status_report = true;
  const sms::encoded_part part = sms::encode_submit(request).at(0);
  port.send("AT+CMGS=" + std::to_string(part.tpdu_length) + "\r");
  port.read_until("> ");
  port.send(part.pdu + "\x1A");
  CHECK(port.read_until("OK\r\n").find("+CMGS: 1\r\n") != std::string::npos);

  // The log line is written before +CMGS is sent, so it is there now.
  std::ifstream in(log);
  std::string line;
  REQUIRE(std::getline(in, line));
  const auto logged = nlohmann::json::parse(line);
  CHECK(logged["modem"] == "m1");
  CHECK(logged["mr"] == 1);
  CHECK(logged["to"] == "+6281234567890");
  CHECK(logged["text"] == request.text);
  CHECK(logged["status_report"] == true);
  CHECK(logged["pdu"] == part.pdu);
  CHECK(logged["tpdu_length"] == part.tpdu_length);
}

TEST_CASE("an SMS injected on stdin is announced by +CMTI and read with AT+CMGR") {
  simulator_process sim({});
  host_port port(sim.pty());
  port.command("ATE0");
  const auto ack = nlohmann::json::parse(
      sim.control(R"({"inject": {"from": "+6281234567890", "text": "HADIR \u2713"}})"));
  CHECK(ack["ok"] == true);
  port.read_until("+CMTI: \"SM\",1\r\n");
  const std::string answer = port.command("AT+CMGR=1");
  const sms::decoded_pdu pdu = sms::decode_pdu_hex(line_after(answer, "+CMGR:"));
  CHECK(pdu.number == "+6281234567890");
  CHECK(pdu.ud.text == "HADIR \xE2\x9C\x93");
  CHECK(pdu.coding.alphabet == sms::encoding::ucs2);
}

TEST_CASE("a bad control line is answered with an error and the simulator keeps serving") {
  simulator_process sim({});
  CHECK(nlohmann::json::parse(sim.control("not json"))["ok"] == false);
  CHECK(nlohmann::json::parse(sim.control(R"({"fail_sends": {"count": "two"}})"))["ok"] == false);
  host_port port(sim.pty());
  CHECK(port.command("AT").find("OK") != std::string::npos);
}

TEST_CASE("unplug hangs up the host's port; replug points the link at a new working pty") {
  temp_dir dir;
  const auto link = dir.path() / "usb-Siaran_Sim-if00-port0";
  simulator_process sim({"--link", link.string()});
  REQUIRE(std::filesystem::read_symlink(link) == sim.pty());
  {
    host_port port(link.string());
    port.command("ATE0");
    sim.control(R"({"unplug": true})");
    CHECK(port.sees_hangup(10s));
  }
  CHECK_FALSE(std::filesystem::exists(std::filesystem::symlink_status(link)));
  const auto ack = nlohmann::json::parse(sim.control(R"({"replug": true})"));
  const std::string new_pty = ack["state"]["pty"];
  CHECK(std::filesystem::read_symlink(link) == new_pty);
  host_port port(link.string());
  CHECK(port.command("AT").find("OK") != std::string::npos);  // a re-plugged modem echoes again
}

TEST_CASE("SIGTERM stops the simulator cleanly and removes its link") {
  temp_dir dir;
  const auto link = dir.path() / "modem";
  simulator_process sim({"--link", link.string()});
  sim.child().send_signal(SIGTERM);
  const auto finished = sim.child().wait_exit(deadline_in(10s));
  REQUIRE(finished);
  CHECK(finished->exit_code == 0);
  CHECK(finished->out.rfind("{\"link\":", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(std::filesystem::symlink_status(link)));
}
