// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/session_cookie.h"

namespace siaran::daemon::accounts {
namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// HttpOnly: scripts (an injected one included) never read the token. SameSite=Strict: another
// site's page cannot make the browser send it (the CSRF token is the second wall). Secure is
// added by the HTTP server to every cookie it sends over HTTPS (server.cc): on plain HTTP, for
// 127.0.0.1 only, a Secure cookie would never come back.
std::string cookie_with(std::string_view value, std::chrono::seconds max_age) {
  return std::string(session_cookie_name) + "=" + std::string(value) +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count());
}

}  // namespace

std::optional<std::string> session_cookie(std::string_view cookie_header) {
  while (!cookie_header.empty()) {
    const auto end = cookie_header.find(';');
    const std::string_view pair = trim_spaces(cookie_header.substr(0, end));
    cookie_header = end == std::string_view::npos ? std::string_view() : cookie_header.substr(end + 1);
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos || trim_spaces(pair.substr(0, equals)) != session_cookie_name) continue;
    std::string_view value = trim_spaces(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (!value.empty()) return std::string(value);
  }
  return std::nullopt;
}

std::string session_set_cookie(std::string_view token, std::chrono::seconds max_age) {
  return cookie_with(token, max_age);
}

std::string session_clear_cookie() { return cookie_with("", std::chrono::seconds(0)); }

}  // namespace siaran::daemon::accounts
