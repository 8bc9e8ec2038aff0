// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The inbox in the API (docs/api.md "Inbox and replies"): an entry as GET /api/v1/inbox lists it,
// with its contact's name and place and who answered it; and the filters every inbox list reads
// from the query.

#include <nlohmann/json.hpp>
#include <optional>

#include "daemon/http/exchange.h"
#include "queue/replies.h"

namespace siaran::daemon::api {

nlohmann::json inbox_entry_json(const queue::inbox_entry& e);

// Reads ?officer_id (scope_inbox: an officer's session is held to their own inbox; the refusal
// is returned), q, keyword, broadcast_id, desa, kecamatan, answered, before and limit into
// `filter`; bad_request for a value that is not one.
std::optional<http::response> read_inbox_filter(const http::request& request,
                                                queue::inbox_filter& filter);

}  // namespace siaran::daemon::api
