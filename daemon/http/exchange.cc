// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/exchange.h"

#include <nlohmann/json.hpp>

namespace siaran::daemon::http {

std::string_view role_name(role r) {
  switch (r) {
    case role::viewer: return "viewer";
    case role::officer: return "officer";
    case role::admin: return "admin";
  }
  return "viewer";
}

std::optional<role> role_from_name(std::string_view name) {
  for (role r : {role::viewer, role::officer, role::admin}) {
    if (role_name(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view request::header(std::string_view lowercase_name) const {
  const auto found = headers.find(std::string(lowercase_name));
  return found == headers.end() ? std::string_view{} : std::string_view(found->second);
}

response json_response(int status, std::string body) {
  response out;
  out.status = status;
  out.body = std::move(body);
  return out;
}

response error_response(int status, std::string_view message) {
  // Built with the JSON library, never by pasting: messages quote paths and client input.
  nlohmann::json body;
  body["error"] = std::string(message);
  // `replace`: a message cut from a client's bytes may hold invalid UTF-8; it must not throw.
  return json_response(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace siaran::daemon::http
