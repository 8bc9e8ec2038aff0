// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Who signs what a request sends: acting_officer (officer_scope.h), and never an archived
// officer. An archived officer's account keeps reading its history but sends nothing, and nobody
// sends in their name; restoring the officer gives both back.

#include <cstdint>
#include <optional>

#include "daemon/api/api_context.h"

namespace siaran::daemon::api {

// acting_officer's answer; forbidden for an officer's own session when their officer is
// archived, bad_request when an admin or script names an archived officer.
std::optional<std::int64_t> signing_officer(api_context& c, const http::principal& who,
                                            std::optional<std::int64_t> named);

}  // namespace siaran::daemon::api
