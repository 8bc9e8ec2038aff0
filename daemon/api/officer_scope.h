// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one rule for what belongs to an officer. An officer logged in to the web UI acts only as
// themselves: they create broadcasts, meetings and recurring broadcasts signed with their own
// tag, and see, change and cancel only their own - and the messages of their broadcasts and the
// replies routed to them. Admins, viewers (who only read: the server refuses them every change)
// and API tokens (scripts, which act as admin) see everything and may act for any officer.
// Every route that creates, reads or changes such a thing asks here, and the route x role table
// test (tests/integration/daemon/authorization_test.cc) walks every route of docs/api.md.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "daemon/http/exchange.h"

namespace siaran::daemon::api {

// Answered 403 by guarded(): the request acts for someone it may not act for; nothing changed.
class forbidden : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The officer a new thing is created for: `named` (or nobody), except for an officer's session,
// whose things are always their own. Throws forbidden when an officer names another officer, or
// when their account is linked to no officer (they may sign nothing).
std::optional<std::int64_t> acting_officer(const http::principal& who, std::optional<std::int64_t> named);

// Whether `who` may see a thing owned by `owner` (nobody: the office's, as the general inbox).
bool sees(const http::principal& who, std::optional<std::int64_t> owner);

// Throws forbidden, naming `what`, unless `who` may change a thing owned by `owner`.
void require_change(const http::principal& who, std::optional<std::int64_t> owner, std::string_view what);

// The officer a list is limited to for `who`: nothing (every officer's things) for all but an
// officer's session; for that, their officer, or 0, which owns nothing, when they have none.
std::optional<std::int64_t> listed_officer(const http::principal& who);

}  // namespace siaran::daemon::api
