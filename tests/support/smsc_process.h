// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// siaran-smscsim as a real child process over real TCP, for the simulator's own tests and for
// siarand's over SMPP: its first stdout line says where it listens, and each control line written
// to its stdin (smpp/sim/control.h) is answered by one JSON line on stdout. Every wait has a
// deadline: a stuck simulator fails the test instead of hanging it.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/child_process.h"

namespace siaran::test {

class smsc_process {
 public:
  // Listens on a free port of 127.0.0.1 for the account siaran:rahasia; `args` add options
  // ("--send-log", FILE...).
  explicit smsc_process(std::vector<std::string> args = {});

  std::uint16_t port() const { return port_; }
  child_process& child() { return *child_; }

  // One control line, as written (it may be malformed on purpose); the simulator's answer.
  nlohmann::json control(const std::string& line);
  nlohmann::json counts();
  // Asks until the count `name` reaches `value`: an ESME's last answer may still be on its way
  // when the control line arrives. Each question is a round trip through the simulator.
  bool count_reaches(const std::string& name, std::uint64_t value, std::chrono::milliseconds timeout);

 private:
  std::unique_ptr<child_process> child_;
  std::uint16_t port_ = 0;
};

// Every submit a simulator logged with --send-log FILE (complete lines only).
std::vector<nlohmann::json> send_log_lines(const std::filesystem::path& file);

}  // namespace siaran::test
