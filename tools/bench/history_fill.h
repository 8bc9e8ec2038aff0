// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Two years of a district's use, written straight into a fresh database for `siaran-bench
// --history`: contacts, officers, events, broadcasts with their messages, direct messages,
// parts in their final states with an attempt each, and the replies in the inbox. Bulk inserts
// in large transactions through queue/'s database layer, with the schema's triggers firing as
// they do for the daemon; going through the HTTP API would take hours.

#include <chrono>
#include <cstdint>
#include <filesystem>

namespace siaran::tools::bench {

struct history_size {
  std::int64_t contacts = 100'000;
  std::int64_t parts = 1'000'000;  // broadcasts' and direct messages' together
  std::int64_t incoming = 100'000;
  std::int64_t broadcasts = 500;
  std::int64_t big_broadcast = 50'000;  // recipients of the largest broadcast
  std::int64_t days = 730;
};

struct filled_history {
  std::int64_t big_broadcast_id = 0;
  std::int64_t messages = 0;
  std::int64_t parts = 0;
  double seconds = 0;
};

// Creates and fills `database` (which must not exist yet), ending at `now`.
filled_history fill_history(const std::filesystem::path& database, const history_size& size,
                            std::chrono::system_clock::time_point now);

}  // namespace siaran::tools::bench
