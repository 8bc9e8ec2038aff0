// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The modems of a scenario as siaran-modemsim processes, one per modem, apart from siarand as
// real modems are: the daemon's CPU figures are then its own, without the simulators' pty I/O,
// AT parsing and PDU decoding.

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "tools/bench/child_process.h"
#include "tools/bench/daemon_config.h"

namespace siaran::tools::bench {

class external_modems {
 public:
  // Starts every sim at once and returns when each serves its link (its first stdout line).
  // Their stderr goes to LINK.log. Throws child_error naming the sim that did not come up.
  external_modems(const std::filesystem::path& modemsim, const std::vector<external_sim>& sims);
  // Whatever still runs is killed (child_process), after siarand if declared before it.
  ~external_modems() = default;

  // One control line to a `controlled` sim and its answer, which must say "ok": true; throws
  // child_error otherwise.
  nlohmann::json control(std::size_t index, const nlohmann::json& line);

  // The sims that have exited, as "m3 (status 1)", for explaining a failed run.
  std::vector<std::string> exited();

  // SIGTERM to all, then reaps each; throws child_error if one does not stop in `grace` or
  // stops with a status other than 0.
  void stop(std::chrono::milliseconds grace);

 private:
  void wait_until_serving(std::size_t index, std::chrono::steady_clock::time_point deadline);

  std::vector<external_sim> sims_;
  std::vector<std::unique_ptr<child_process>> processes_;  // same order as sims_
};

}  // namespace siaran::tools::bench
