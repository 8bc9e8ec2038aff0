// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Everything about accounts the daemon keeps on its one thread, built once by the service:
// the book over the store, sessions, the login limiter, the API tokens and the authenticator
// over them, which the HTTP server and the account routes share.

#include <vector>

#include "daemon/accounts/api_tokens.h"
#include "daemon/accounts/authenticator.h"
#include "daemon/accounts/login_limiter.h"
#include "daemon/accounts/sessions.h"
#include "queue/accounts.h"

namespace siaran::daemon::accounts {

struct account_services {
  account_services(queue::database& db, std::vector<http::token_digest> config_tokens, clock now)
      : now(std::move(now)),
        book(db),
        sessions(book),
        tokens(std::move(config_tokens), book),
        authenticate(make_authenticator(tokens, sessions, this->now)) {}
  account_services(const account_services&) = delete;
  account_services& operator=(const account_services&) = delete;

  clock now;  // the daemon's one: sessions, logins and tokens are stamped and checked by it
  queue::account_book book;
  accounts::sessions sessions;
  login_limiter limiter;
  api_tokens tokens;
  http::authenticator authenticate;  // refers to tokens and sessions above
};

}  // namespace siaran::daemon::accounts
