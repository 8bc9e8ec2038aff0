// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The browser session's cookie (RFC 6265): read from the Cookie header, set and cleared with
// Set-Cookie.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace siaran::daemon::accounts {

inline constexpr std::string_view session_cookie_name = "siaran_session";

// The siaran_session cookie's value in a Cookie header ("a=1; siaran_session=X; b=2"); nothing
// when absent or empty.
std::optional<std::string> session_cookie(std::string_view cookie_header);

// The Set-Cookie value that gives the browser `token` for `max_age`.
std::string session_set_cookie(std::string_view token, std::chrono::seconds max_age);
// The Set-Cookie value that makes the browser forget it.
std::string session_clear_cookie();

}  // namespace siaran::daemon::accounts
