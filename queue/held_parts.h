// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A broadcast queued in steps holds its parts until the last step: their next attempt is a mark
// far beyond any real time (the claim's `next_attempt_at <= now` never reaches it), one per
// broadcast, so that releasing them walks the claim index, not the whole table. Private to queue/.

#include <cstdint>
#include <limits>

namespace siaran::queue {

// Every next_attempt_at at or above this is a hold (292 million years after 1970).
inline constexpr std::int64_t held_floor = std::numeric_limits<std::int64_t>::max() / 2;

inline std::int64_t held_mark(std::int64_t broadcast_id) {
  return std::numeric_limits<std::int64_t>::max() - broadcast_id;
}

}  // namespace siaran::queue
