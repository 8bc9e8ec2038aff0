// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Keeping the store in order: retention (`siaran db prune`), online backup (`siaran db backup`),
// whether it can take a write now (/healthz), how long a write waits for a lock, and the log of
// modem state changes that retention trims.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "queue/records.h"
#include "queue/store_error.h"
#include "queue/store_health.h"

namespace siaran::queue {

class database;
struct maintenance_statements;  // maintenance.cc

class maintenance {
 public:
  explicit maintenance(database& db);
  ~maintenance();
  maintenance(const maintenance&) = delete;
  maintenance& operator=(const maintenance&) = delete;

  // Deletes finished messages (no part queued, sending or uncertain) created before `before`, and
  // incoming messages, status reports and modem events older than it.
  prune_counts prune(timestamp before);
  // An online copy (SQLite backup API) into `destination`, consistent as of its start, while
  // other connections keep writing.
  void backup(const std::filesystem::path& destination);

  // Whether a write could start now (store_health.h), without waiting for a lock.
  store_health health();
  // What PRAGMA quick_check found wrong with the file first, or nothing when it is sound. It
  // reads the whole file: seconds on a large one, so on a connection nobody waits for.
  std::optional<std::string> damage();
  // Every write on this connection fails with store_fault::corrupt from now on, and health()
  // says corrupt (another connection's damage() found the file damaged); or no longer.
  void refuse_writes(bool damaged);
  // How long a write waits for a lock held by another connection before store_busy.
  void set_lock_wait(std::chrono::milliseconds wait);

  void record_modem_event(std::string_view modem, timestamp at, std::string_view state, std::string_view reason);

 private:
  std::unique_ptr<maintenance_statements> sql_;
};

}  // namespace siaran::queue
