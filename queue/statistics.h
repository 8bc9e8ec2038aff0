// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the dashboard, the modem page and /metrics count: the queue's depth, the parts held
// uncertain, and the parts sent, delivered and failed over time.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "queue/records.h"
#include "queue/store_error.h"

namespace siaran::queue {

class database;
struct statistics_statements;  // statistics.cc

// Parts that reached each outcome within one interval (part_counts_between).
struct part_counts {
  std::int64_t sent = 0;
  std::int64_t delivered = 0;
  std::int64_t failed = 0;
  friend bool operator==(const part_counts&, const part_counts&) = default;
};

// What one modem sent within an interval, and what it cost (modem_costs_between).
struct modem_cost {
  std::int64_t parts = 0;
  std::int64_t rupiah = 0;
  friend bool operator==(const modem_cost&, const modem_cost&) = default;
};

class statistics {
 public:
  explicit statistics(database& db);
  ~statistics();
  statistics(const statistics&) = delete;
  statistics& operator=(const statistics&) = delete;

  // Parts waiting to be sent (queued, due or not).
  std::int64_t queue_depth();
  // Parts held as uncertain, waiting for a person.
  std::int64_t uncertain_count();
  // For each interval [bounds[i], bounds[i+1]) (ascending bounds, each a multiple of 15
  // minutes, as every local midnight is), the parts sent, delivered and failed in it: by sent_at,
  // delivered_at, and for failed parts the time they failed (the report's part: its send; an
  // unsent part: its last permanent failure, else its expiry). bounds.size() - 1 entries.
  std::vector<part_counts> part_counts_between(const std::vector<timestamp>& bounds);
  // Parts each modem sent at or after `since` (a multiple of 15 minutes, as every local midnight
  // is), by modem id (modems that sent none are absent).
  std::map<std::string, std::int64_t> sent_by_modem_since(timestamp since);
  // Parts each modem sent in [from, to) (multiples of 15 minutes, as local months start) and their
  // rupiah, by modem id ('' for parts without a modem; modems that sent none are absent). Each
  // send counts, also of parts sent again or pruned since (schema_costs.h).
  std::map<std::string, modem_cost> modem_costs_between(timestamp from, timestamp to);

 private:
  std::unique_ptr<statistics_statements> sql_;
};

}  // namespace siaran::queue
