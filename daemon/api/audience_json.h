// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A broadcast's audience in the API: {"groups": [ids], "contacts": [ids], "filter":
// {"kecamatan", "desa", "peran", "tag", "q"}}, every key optional. Events and recurring
// broadcasts keep it as given and read it again when they send.

#include <nlohmann/json.hpp>

#include "daemon/broadcaster.h"
#include "queue/contacts.h"

namespace siaran::daemon::api {

// Throws bad_request (message_request.h) naming the wrong key.
queue::audience parse_audience(const nlohmann::json& value);

// What every request that becomes a broadcast (a broadcast, a cek nomor) starts with: its
// optional `officer_id` and its required `audience`, kept as given too.
broadcast_request audience_request(const nlohmann::json& body);

}  // namespace siaran::daemon::api
