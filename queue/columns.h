// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How the books' records meet the columns, private to queue/: times are INTEGER milliseconds
// since the Unix epoch, and a part is read from part_columns. Shared by every book that reads
// times or parts, so that each column has one conversion.

#include <cstdint>
#include <optional>

#include "queue/connection.h"
#include "queue/records.h"

namespace siaran::queue {

inline std::int64_t millis(timestamp t) { return t.time_since_epoch().count(); }
inline timestamp from_millis(std::int64_t ms) { return timestamp(std::chrono::milliseconds(ms)); }
std::optional<timestamp> optional_time(const statement& s, int column);
std::optional<std::int64_t> optional_millis(const std::optional<timestamp>& t);

// The columns read_part() expects, in order, from a query on `parts p`.
inline constexpr const char* part_columns =
    "p.id, p.message_id, p.number, p.total, p.pdu, p.tpdu_length, p.state, p.modem, p.reference, p.attempts, "
    "p.resent_uncertain, p.next_attempt_at, p.last_error, p.sent_at, p.delivered_at, p.status, p.resent_reason, "
    "p.delivery";
inline constexpr int part_column_count = 18;

// Reads part_columns starting at column 0.
part_record read_part(const statement& s);

}  // namespace siaran::queue
