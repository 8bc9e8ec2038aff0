// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The import reviews waiting to be applied: one per caller (a new review replaces the caller's
// earlier one), applied only by that caller and at most once, and forgotten after 30 minutes.
// At most 8 in all, the oldest dropped first, as each holds a whole file's rows (up to 8 MiB).
// Kept in memory: a review is a moment's decision, not worth surviving a restart.
// Thread-safe: the reader thread keeps and takes them.

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

#include "daemon/imports/import_review.h"
#include "queue/records.h"

namespace siaran::daemon::imports {

class review_shelf {
 public:
  static constexpr std::chrono::minutes kept_for{30};
  static constexpr std::size_t capacity = 8;

  // Keeps `review` as `owner`'s one review; its id.
  std::int64_t keep(const std::string& owner, import_review review, queue::timestamp now);
  // The review `id` when `owner` kept it less than kept_for ago; it leaves the shelf.
  std::optional<import_review> take(std::int64_t id, const std::string& owner, queue::timestamp now);

 private:
  struct kept {
    std::int64_t id;
    std::string owner;
    queue::timestamp at;
    import_review review;
  };
  void forget_expired(queue::timestamp now);

  std::mutex mutex_;
  std::int64_t next_id_ = 1;
  std::deque<kept> kept_;  // oldest first
};

}  // namespace siaran::daemon::imports
