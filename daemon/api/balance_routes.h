// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SIM balance in the API: its fields in GET /api/v1/modems, and
// POST /api/v1/modems/{id}/balance (docs/api.md).

#include <nlohmann/json.hpp>

#include "daemon/api/api_context.h"
#include "daemon/balance/balance_checks.h"

namespace siaran::daemon::api {

// "balance_code", "balance", "balance_at", "balance_text", "balance_error",
// "balance_threshold", "balance_low", "balance_checking" and "resting_reason" of one modem.
nlohmann::json balance_fields(const balance_reading& reading, const modem::modem_entry& entry);

void add_balance_routes(http::router& routes, api_context& context);

}  // namespace siaran::daemon::api
