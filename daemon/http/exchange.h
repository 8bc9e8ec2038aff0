// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One HTTP request as a handler sees it, and the response it gives: plain values, so handlers
// and their tests never see Beast (it stays inside server.cc).

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace siaran::daemon::http {

// What an account may do, in increasing order: a viewer reads; an officer also sends (as
// themselves), edits contacts and answers their inbox; an admin does everything.
enum class role { viewer, officer, admin };
std::string_view role_name(role r);                      // "viewer", "officer", "admin"
std::optional<role> role_from_name(std::string_view name);

// Who sent a request to a route that needs authentication.
struct principal {
  std::string name;                        // the user's name, or the API token's name
  role level = role::viewer;
  std::int64_t user_id = 0;                // 0: an API bearer token (a script), which acts as admin
  std::optional<std::int64_t> officer_id;  // the officer a user sends as, if any
  bool session = false;                    // a browser session cookie (changes need the CSRF token)

  // An officer logged in to the web UI sees and changes only their own broadcasts and inbox;
  // admins, viewers and scripts (API tokens act as admin) see everything.
  bool own_only() const { return session && level == role::officer; }
};

struct request {
  std::string method;                         // "GET", "POST", ...
  std::string path;                           // percent-decoded, without the query
  std::map<std::string, std::string> query;   // percent-decoded; a repeated key keeps the last
  std::map<std::string, std::string> params;  // from the route's {name} segments
  std::string route;                          // the pattern of the route it matched, "" for none
  std::string content_type;                   // media type only, lowercase ("application/json")
  std::string body;
  std::map<std::string, std::string> headers;  // names lowercase; a repeated header keeps the last
  std::string remote_address;                  // the client's IP address, as text
  principal who;  // on routes with auth: who sent it (empty name on routes without)

  // The header's value, empty when absent. `lowercase_name`: "cookie", "x-csrf-token".
  std::string_view header(std::string_view lowercase_name) const;
};

struct response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

// `body` is already JSON text.
response json_response(int status, std::string body);
// {"error": message}, the API's one error shape (DESIGN.md "Interfaces").
response error_response(int status, std::string_view message);

}  // namespace siaran::daemon::http
