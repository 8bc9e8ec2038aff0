// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/bearer.h"


#include "common/ascii.h"
#include "daemon/http/api_token.h"

namespace siaran::daemon::http {
namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

constexpr std::string_view unauthorized_message =
    "missing or unknown API token: send \"Authorization: Bearer TOKEN\" with a token made by "
    "`siaran token new NAME` and listed under http.tokens in the config, or log in";

}  // namespace

std::optional<std::string> bearer_token_name(std::string_view authorization,
                                             const std::vector<token_digest>& tokens) {
  constexpr std::string_view scheme = "Bearer ";
  if (!common::istarts_with(authorization, scheme)) return std::nullopt;  // RFC 7235: any case
  const std::string_view presented = trim_spaces(authorization.substr(scheme.size()));
  if (presented.empty()) return std::nullopt;
  std::optional<std::string> name;
  for (const token_digest& digest : tokens) {
    const bool matches = token_matches(presented, digest.sha256);
    if (matches && !name) name = digest.name;
  }
  return name;
}

response unauthorized() {
  response res = error_response(401, unauthorized_message);
  res.headers.emplace_back("WWW-Authenticate", "Bearer");
  return res;
}

}  // namespace siaran::daemon::http
