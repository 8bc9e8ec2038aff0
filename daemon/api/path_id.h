// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The {id} of a route such as /api/v1/contacts/{id}.

#include <cstdint>

#include "daemon/http/exchange.h"

namespace siaran::daemon::api {

// A positive whole number, or bad_request("'x' is not <what> id"), e.g. what = "a contact".
std::int64_t path_id(const http::request& request, const char* what);

}  // namespace siaran::daemon::api
