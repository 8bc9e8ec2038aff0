// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `siaran-bench --targets`: the throughput issue's target scenarios a) to e) and the SMPP
// issue's f) to h), one after another, each with its targets and PASS/FAIL.

#include <filesystem>
#include <string>

namespace siaran::tools::bench {

struct targets_options {
  std::filesystem::path siarand;
  std::filesystem::path modemsim;
  std::filesystem::path smscsim;  // f) to h)
  bool builtin_sims = false;  // scenario_setup::builtin_sims for every scenario
  bool json = false;  // JSON on stdout, tables on stderr
  bool keep_dir = false;
  // Scenario letters to run ("ce", "fgh"); empty runs them all.
  std::string only;
};

// 0 when every target passes, 1 otherwise.
int run_targets(const targets_options& options);

}  // namespace siaran::tools::bench
