// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/http/exchange.h"

namespace siaran::daemon::http {

using handler = std::function<response(const request&)>;

// Who may call a route. The server refuses (403) a viewer every method but GET unless the
// route only changes the caller's own account (logout, password), so a new state-changing
// route can never be open to viewers by mistake.
struct route_options {
  bool auth = true;                     // needs an API bearer token or a browser session
  std::size_t max_body = 64 * 1024;     // larger bodies get 413 before the handler runs
  role min_role = role::viewer;         // e.g. role::admin for users, tokens and modem tests
  bool own_account = false;             // changes only the caller's own account: viewers may too
};

// Routes by method and path pattern: literal segments and {name} segments, which match one
// non-empty segment and land in request::params ("/api/v1/messages/{id}").
class router {
 public:
  void add(std::string method, std::string pattern, handler h, route_options options = {});

  struct match {
    const handler* h = nullptr;           // null: no route
    route_options options;
    std::map<std::string, std::string> params;
    bool path_known = false;              // some route has this path (405 rather than 404)
    std::vector<std::string> allowed;     // the methods routes take on this path (Allow header)
  };
  match find(std::string_view method, std::string_view path) const;

  // Answers GET requests that match no route and are outside /api/: the web UI's files.
  void set_fallback(handler h) { fallback_ = std::move(h); }
  const handler* fallback() const { return fallback_ ? &fallback_ : nullptr; }

 private:
  struct route {
    std::string method;
    std::vector<std::string> segments;
    handler h;
    route_options options;
  };
  static bool segments_match(const route& r, const std::vector<std::string_view>& path,
                             std::map<std::string, std::string>* params);
  std::vector<route> routes_;
  handler fallback_;
};

}  // namespace siaran::daemon::http
