// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SMSC of an SMPP scenario: siaran-smscsim as a process of its own, apart from siarand as
// an operator's SMSC is, so the daemon's CPU figures are its own. It listens on a free port of
// 127.0.0.1 for one account, answers every submit, sends a delivery receipt for each and logs
// what it accepted, which the bench reads back to see what went over the bind.

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tools/bench/child_process.h"

namespace siaran::tools::bench {

struct smsc_account {
  std::string system_id;
  std::string password;
};

class smsc_sim {
 public:
  // Starts it in `dir` (its log and send log there) and returns once it listens. Throws
  // child_error when it does not come up.
  smsc_sim(const std::filesystem::path& smscsim, const std::filesystem::path& dir, const smsc_account& account,
           unsigned receipt_delay_ms);

  unsigned short port() const { return port_; }
  child_process& process() { return process_; }

  // Every submit it accepted so far, as its send log's JSON lines ({"destination", "text", ...}).
  std::vector<nlohmann::json> sends() const;

 private:
  std::filesystem::path send_log_;
  child_process process_;
  unsigned short port_ = 0;
};

}  // namespace siaran::tools::bench
