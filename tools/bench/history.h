// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `siaran-bench --history`: siarand over a database holding two years of a district's use
// (history_fill.h). Each endpoint the web page polls is asked N times and must answer within
// 20 ms at the median and at worst; the recipients of the 50,000-recipient broadcast come a
// page at a time; then a broadcast is sent over simulated modems and the daemon's disk writes
// per part are reported.

#include <cstddef>
#include <filesystem>

namespace siaran::tools::bench {

struct history_options {
  std::filesystem::path siarand;
  std::filesystem::path modemsim;
  std::size_t requests = 30;   // per endpoint
  std::size_t messages = 2'000;  // sent afterwards, for the disk writes per part
  bool json = false;
  bool keep_dir = false;
};

// 0 when every endpoint met its target and every message was sent, 1 otherwise.
int run_history(const history_options& options);

}  // namespace siaran::tools::bench
