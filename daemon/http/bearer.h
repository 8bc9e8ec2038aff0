// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which configured token an "Authorization: Bearer TOKEN" header carries: the check the
// server makes for routes with route_options::auth, apart so it is tested without a socket.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/http/server.h"

namespace siaran::daemon::http {

// The name of the token in `tokens` that the header's bearer token matches (token_matches),
// or empty when the header is missing, is not "Bearer" (any case), or matches none. Every
// digest is compared, so the time taken does not tell which one matched.
std::optional<std::string> bearer_token_name(std::string_view authorization,
                                             const std::vector<token_digest>& tokens);

// The 401 for a request with no or an unknown token, with its WWW-Authenticate header.
response unauthorized();

}  // namespace siaran::daemon::http
