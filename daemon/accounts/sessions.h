// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Browser sessions of web UI users: a random token in an HttpOnly cookie, stored only as its
// SHA-256 (a copy of the database logs nobody in), with a CSRF token of its own. A session ends
// when idle too long, at its absolute end, at logout, or when its user is disabled or deleted.
// "now" is always a parameter, so tests drive the time.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "queue/accounts.h"

namespace siaran::daemon::accounts {

struct session_policy {
  std::chrono::milliseconds idle{std::chrono::hours(12)};     // a working day without a click
  std::chrono::milliseconds absolute{std::chrono::hours(24 * 7)};
  // The UI polls every few seconds: last_seen is written at most this often, not on each poll.
  std::chrono::milliseconds touch_every{std::chrono::minutes(1)};
};

// What the browser gets at login: the token for its cookie, and the CSRF token for its headers.
struct opened_session {
  std::string token;
  std::string csrf;
  std::chrono::seconds max_age;  // the cookie's Max-Age: the session's absolute lifetime
};

struct active_session {
  queue::user user;
  queue::session_record record;  // its csrf, its token's SHA-256
};

class sessions {
 public:
  explicit sessions(queue::account_book& book, session_policy policy = {});

  // A new session for `u` (and the expired ones of everybody swept away).
  opened_session open(const queue::user& u, queue::timestamp now);
  // The session `token` (the cookie's value) opens, and its user; nothing when unknown, expired
  // (then deleted), or its user is disabled or gone.
  std::optional<active_session> find(std::string_view token, queue::timestamp now);
  void close(std::string_view token);
  // Ends every session of the user but the one `keep_token` opens (empty: all of them), as after
  // a password change: whoever knew the old password is logged out everywhere else.
  void close_others(std::int64_t user_id, std::string_view keep_token = {});

 private:
  bool expired(const queue::session_record& s, queue::timestamp now) const;

  queue::account_book& book_;
  session_policy policy_;
};

}  // namespace siaran::daemon::accounts
