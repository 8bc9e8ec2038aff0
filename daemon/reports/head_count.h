// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How many people an RSVP that attends brings (docs/api.md "Reports", the RSVP list). The reply
// is already known to attend (daemon/inbox/keywords.h: it starts with HADIR, YA...); the rule
// reads the words after that keyword, a word being a run of letters or a run of digits
// ("HADIR3" is HADIR and 3):
//   - a count right after the keyword: "HADIR 3", "HADIR 3 orang", "Ya, 2", "HADIR tiga";
//   - else a count right before "orang" or "org": "Hadir bersama 2 orang";
//   - else 1, the cadre alone: "HADIR", "HADIR jam 9", "Ya insya Allah".
// A count is a whole number from 1 to 99 in digits, or satu..sepuluh; anything else ("HADIR 0",
// "HADIR 2026") is no count. Pure.

#include <cstdint>
#include <string_view>

namespace siaran::daemon::reports {

std::int64_t head_count(std::string_view attending_reply);

}  // namespace siaran::daemon::reports
