// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Times in the API: ISO 8601. Out: UTC with milliseconds ("2026-11-25T08:00:00.000Z"). In: any
// offset or Z, seconds and a fraction optional ("2026-11-25T15:00+07:00").

#include <optional>
#include <string>
#include <string_view>

#include "queue/records.h"

namespace siaran::daemon::api {

std::string iso_utc(queue::timestamp t);
// Nothing when `text` is not such a time with its offset.
std::optional<queue::timestamp> parse_iso(std::string_view text);

}  // namespace siaran::daemon::api
