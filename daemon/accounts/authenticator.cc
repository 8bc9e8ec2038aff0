// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/authenticator.h"

#include <openssl/crypto.h>

#include "daemon/accounts/session_cookie.h"
#include "daemon/http/bearer.h"

namespace siaran::daemon::accounts {
namespace {

bool changes_state(const std::string& method) { return method != "GET" && method != "HEAD"; }

bool same_secret(std::string_view presented, std::string_view expected) {
  return presented.size() == expected.size() &&
         CRYPTO_memcmp(presented.data(), expected.data(), expected.size()) == 0;
}

http::principal script(std::string name) {
  http::principal who;
  who.name = std::move(name);
  who.level = http::role::admin;
  return who;
}

http::principal person(const queue::user& u) {
  http::principal who;
  who.name = u.name;
  who.level = http::role_from_name(u.role).value_or(http::role::viewer);
  who.user_id = u.id;
  who.officer_id = u.officer_id;
  who.session = true;
  return who;
}

// The browser still holds a cookie that opens nothing (expired, logged out, user disabled):
// make it forget it, so the UI goes to its login page once rather than on every poll.
http::response expired_session() {
  http::response refused = http::unauthorized();
  refused.headers.emplace_back("Set-Cookie", session_clear_cookie());
  return refused;
}

}  // namespace

std::optional<active_session> session_of(const http::request& request, sessions& s, queue::timestamp now) {
  const auto token = session_cookie(request.header("cookie"));
  if (!token) return std::nullopt;
  return s.find(*token, now);
}

http::authenticator make_authenticator(const api_tokens& tokens, sessions& s, clock now) {
  return [&tokens, &s, now = std::move(now)](const http::request& request) -> std::variant<http::principal, http::response> {
    const std::string_view authorization = request.header("authorization");
    if (!authorization.empty()) {
      auto name = tokens.name_of(authorization);
      if (!name) return http::unauthorized();
      return script(std::move(*name));
    }
    const auto token = session_cookie(request.header("cookie"));
    if (!token) return http::unauthorized();
    const auto found = s.find(*token, now());
    if (!found) return expired_session();
    if (changes_state(request.method) && !same_secret(request.header(csrf_header), found->record.csrf)) {
      return http::error_response(403, "missing or wrong CSRF token (X-CSRF-Token)");
    }
    return person(found->user);
  };
}

}  // namespace siaran::daemon::accounts
