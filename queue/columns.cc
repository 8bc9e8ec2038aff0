// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/columns.h"

#include "queue/states.h"

namespace siaran::queue {

std::optional<timestamp> optional_time(const statement& s, int column) {
  const auto ms = s.optional_int64(column);
  if (!ms) return std::nullopt;
  return from_millis(*ms);
}

std::optional<std::int64_t> optional_millis(const std::optional<timestamp>& t) {
  if (!t) return std::nullopt;
  return millis(*t);
}

part_record read_part(const statement& s) {
  part_record p;
  p.id = s.int64(0);
  p.message_id = s.int64(1);
  p.number = static_cast<int>(s.int64(2));
  p.total = static_cast<int>(s.int64(3));
  p.pdu = s.text(4);
  p.tpdu_length = static_cast<int>(s.int64(5));
  p.state = part_state_from(s.text(6));
  p.modem = s.optional_text(7);
  if (const auto ref = s.optional_int64(8)) p.reference = static_cast<int>(*ref);
  p.attempts = static_cast<int>(s.int64(9));
  p.resent_uncertain = s.int64(10) != 0;
  p.next_attempt_at = from_millis(s.int64(11));
  p.last_error = s.optional_text(12);
  p.sent_at = optional_time(s, 13);
  p.delivered_at = optional_time(s, 14);
  if (const auto status = s.optional_int64(15)) p.status = static_cast<int>(*status);
  p.resent_reason = s.optional_text(16);
  p.delivery = s.optional_text(17);
  return p;
}

}  // namespace siaran::queue
