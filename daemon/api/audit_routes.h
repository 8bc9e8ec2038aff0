// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// GET /api/v1/audit (docs/api.md "Audit log"): who did what, for admins. What is recorded, and
// when, is daemon/audit/audit_trail.h.

#include "daemon/http/router.h"
#include "queue/audit_book.h"

namespace siaran::daemon::api {

void add_audit_routes(http::router& routes, queue::audit_book& audit);

}  // namespace siaran::daemon::api
