// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An event's RSVP list to hand over (docs/api.md "Reports"): "Jawaban", who answered what, how
// many people they bring (head_count.h) and the reply as they wrote it; "Ringkasan", the event
// and its tally with the head count summed. Pure.

#include <cstdint>
#include <vector>

#include "daemon/export/spreadsheet_table.h"
#include "daemon/schedule/local_time.h"
#include "queue/events.h"

namespace siaran::daemon::reports {

// How many people an answer counts: none for one who declines, else the reply's head count.
std::int64_t heads_of(const queue::rsvp_record& answer);
std::int64_t heads_attending(const std::vector<queue::rsvp_record>& answers);

std::vector<exports::spreadsheet_table> rsvp_list(const queue::event_record& event,
                                                  const std::vector<queue::rsvp_record>& answers,
                                                  const queue::rsvp_tally& tally, const schedule::time_zone& zone);

}  // namespace siaran::daemon::reports
