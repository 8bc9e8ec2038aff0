// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whose replies a request may see: an officer logged in to the web UI sees only the inbox of
// the officer their account is linked to; admins, viewers and API tokens see every inbox. The
// inbox's form of the one rule of officer_scope.h. Pure, so it is tested without a daemon.

#include <cstdint>
#include <optional>

#include "daemon/http/exchange.h"
#include "queue/replies.h"

namespace siaran::daemon::api {

struct inbox_access {
  // The only officer whose inbox this access sees (listed_officer: 0, nobody's, for a session
  // linked to no officer); nothing: every inbox.
  std::optional<std::int64_t> only_officer;

  // Whether a message routed so is in what this access sees.
  bool sees(const queue::reply_route& route) const;
  // The counts this access sees: an officer's own only, nothing of the general inbox.
  queue::unread_counts visible(const queue::unread_counts& all) const;
};

inbox_access inbox_access_of(const http::principal& who);

// Reads ?officer_id ("none" or "0": the general inbox) into `filter`; an officer's session is
// held to its own inbox, and asking for another one or the general inbox is the 403 returned.
std::optional<http::response> scope_inbox(const http::request& request, const inbox_access& access,
                                          queue::inbox_filter& filter);

}  // namespace siaran::daemon::api
