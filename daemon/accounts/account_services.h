// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Everything about accounts the daemon keeps on the store's writer thread, built once by the
// service: the book over the store, sessions, the login limiter and the log of refused logins,
// the API tokens and the authenticator over them, which the HTTP server and the account routes
// share.

#include <chrono>
#include <functional>
#include <vector>

#include "daemon/accounts/api_tokens.h"
#include "daemon/accounts/authenticator.h"
#include "daemon/accounts/login_limiter.h"
#include "daemon/accounts/refused_logins.h"
#include "daemon/accounts/sessions.h"
#include "queue/accounts.h"
#include "queue/login_windows.h"

namespace siaran::daemon::accounts {

struct account_services {
  account_services(queue::database& db, std::vector<http::token_digest> config_tokens, clock now)
      : now(std::move(now)),
        book(db),
        windows(db),
        limiter(windows, this->now, std::chrono::steady_clock::now()),
        sessions(book),
        tokens(std::move(config_tokens), book),
        authenticate(make_authenticator(tokens, sessions, this->now)) {}
  account_services(const account_services&) = delete;
  account_services& operator=(const account_services&) = delete;

  clock now;  // the daemon's one: sessions, logins and tokens are stamped and checked by it
  queue::account_book book;
  queue::login_window_book windows;
  login_limiter limiter;  // keeps its windows in `windows`
  refused_logins refusals;
  accounts::sessions sessions;
  api_tokens tokens;
  http::authenticator authenticate;  // refers to tokens and sessions above
  // Runs a step on the writer thread and returns when it has run, for a route that runs
  // elsewhere (the login checks its password off the writer). The service sets it; as it is,
  // the step runs on the caller's thread.
  std::function<void(const std::function<void()>&)> on_writer = [](const std::function<void()>& step) { step(); };
};

}  // namespace siaran::daemon::accounts
