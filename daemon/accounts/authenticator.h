// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Who sent a request, for the HTTP server (http::authenticator): a script by its bearer token
// (config or web UI), or a person by their session cookie. A browser's state-changing request
// must also carry the session's CSRF token in X-CSRF-Token: SameSite=Strict keeps other sites'
// forms out in today's browsers, the token in older ones and behind a misbehaving proxy.

#include <functional>
#include <optional>

#include "daemon/accounts/api_tokens.h"
#include "daemon/accounts/sessions.h"
#include "daemon/clock.h"
#include "daemon/http/server.h"

namespace siaran::daemon::accounts {

inline constexpr std::string_view csrf_header = "x-csrf-token";

// The session the request's cookie opens, if any (for routes that need its CSRF token or
// its cookie's token).
std::optional<active_session> session_of(const http::request& request, sessions& s, queue::timestamp now);

// `tokens` and `s` must outlive the authenticator.
http::authenticator make_authenticator(const api_tokens& tokens, sessions& s, clock now);

}  // namespace siaran::daemon::accounts
