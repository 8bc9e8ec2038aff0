// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// siaran-smscsim as a real child process over real TCP: its first stdout line says where it
// listens, each control line written to its stdin (smpp/sim/control.h) is answered by one JSON
// line on stdout, and every submit it accepted is a JSON line of its send log. Every wait has a
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
  // Listens on a free port of 127.0.0.1 for the account siaran:rahasia; `args` add options.
  explicit smsc_process(const std::filesystem::path& send_log, std::vector<std::string> args = {});

  std::uint16_t port() const { return port_; }
  child_process& child() { return *child_; }

  // One control line; its answer, which must say "ok": true.
  nlohmann::json control(const nlohmann::json& request);
  nlohmann::json counts();
  // Every submit accepted so far (complete lines of the send log).
  std::vector<nlohmann::json> sends() const;

 private:
  std::filesystem::path send_log_;
  std::unique_ptr<child_process> child_;
  std::uint16_t port_ = 0;
};

}  // namespace siaran::test
