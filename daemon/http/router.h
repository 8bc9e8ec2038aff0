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

// Which thread answers a route (DESIGN.md "Runtime model"): the store's reader thread for what
// only reads, its writer thread for what changes the store, the I/O thread itself for what
// needs no store and must answer at once (/healthz), a thread of its own that owns no store
// connection for what checks a password (about 0.1 s of Argon2 each: the login). by_method:
// GET reads, the rest writes.
enum class runs_on { by_method, io, reader, writer, password_checks };
runs_on resolve(runs_on where, std::string_view method);  // never by_method

// Who may call a route. The server refuses (403) a viewer every method but GET unless the
// route only changes the caller's own account (logout, password), so a new state-changing
// route can never be open to viewers by mistake.
struct route_options {
  bool auth = true;                     // needs an API bearer token or a browser session
  std::size_t max_body = 64 * 1024;     // larger bodies get 413 before the handler runs
  role min_role = role::viewer;         // e.g. role::admin for users, tokens and modem tests
  bool own_account = false;             // changes only the caller's own account: viewers may too
  runs_on where = runs_on::by_method;
};

// Routes by method and path pattern: literal segments and {name} segments, which match one
// non-empty segment and land in request::params ("/api/v1/messages/{id}").
class router {
 public:
  void add(std::string method, std::string pattern, handler h, route_options options = {});

  struct match {
    const handler* h = nullptr;           // null: no route
    std::string pattern;                  // the route's pattern as added ("/api/v1/contacts/{id}")
    route_options options;
    std::map<std::string, std::string> params;
    bool path_known = false;              // some route has this path (405 rather than 404)
    std::vector<std::string> allowed;     // the methods routes take on this path (Allow header)
  };
  match find(std::string_view method, std::string_view path) const;

  // Answers GET requests that match no route and are outside /api/: the web UI's files.
  void set_fallback(handler h) { fallback_ = std::move(h); }
  const handler* fallback() const { return fallback_ ? &fallback_ : nullptr; }

  // The routes of `readers` that run on the reader thread and those of `writers` that do not,
  // in the order added, and the fallback of `readers`: one router over two sets of handlers,
  // each bound to the connection of the thread it runs on.
  static router by_thread(router readers, router writers);

 private:
  struct route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    handler h;
    route_options options;
    std::size_t order;  // when it was added
  };
  static bool segments_match(const route& r, const std::vector<std::string_view>& path,
                             std::map<std::string, std::string>* params);
  std::vector<route> routes_;
  handler fallback_;
};

}  // namespace siaran::daemon::http
