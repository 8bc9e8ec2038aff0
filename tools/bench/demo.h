// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `siaran-bench --demo FILE`: the main job's show. siarand runs with a person's config (its
// database, port and tokens rewritten into a temporary directory), a broadcast of personalised
// invitations goes out under a progress bar, and the result is told the way the secretariat
// would ask: how many went, how fast against the throttle, over which modems.

#include <cstddef>
#include <filesystem>

namespace siaran::tools::bench {

struct demo_options {
  std::filesystem::path siarand;
  std::filesystem::path config;
  std::size_t messages = 300;
  bool json = false;
  bool keep_dir = false;
};

// 0 when every message was sent and siarand stopped cleanly, 1 otherwise.
int run_demo(const demo_options& options);

}  // namespace siaran::tools::bench
