// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/sessions.h"

#include "daemon/http/api_token.h"
#include "queue/store_error.h"

namespace siaran::daemon::accounts {

sessions::sessions(queue::account_book& book, session_policy policy) : book_(book), policy_(policy) {}

opened_session sessions::open(const queue::user& u, queue::timestamp now) {
  book_.delete_expired_sessions(now, now - policy_.idle);
  opened_session opened{http::new_token(), http::new_token(),
                        std::chrono::duration_cast<std::chrono::seconds>(policy_.absolute)};
  book_.add_session({http::sha256_hex(opened.token), u.id, opened.csrf, now, now, now + policy_.absolute});
  return opened;
}

bool sessions::expired(const queue::session_record& s, queue::timestamp now) const {
  return now >= s.expires_at || now - s.last_seen_at >= policy_.idle;
}

std::optional<active_session> sessions::find(std::string_view token, queue::timestamp now) {
  const std::string digest = http::sha256_hex(token);
  auto record = book_.find_session(digest);
  if (!record) return std::nullopt;
  if (expired(*record, now)) {
    book_.delete_session(digest);
    return std::nullopt;
  }
  auto user = book_.find_user(record->user_id);
  if (!user || user->disabled) return std::nullopt;
  if (now - record->last_seen_at >= policy_.touch_every) {
    try {
      book_.touch_session(digest, now);
      record->last_seen_at = now;
    } catch (const queue::store_busy&) {
      // Another program holds the store's lock: the session is valid all the same, and the
      // next request touches it.
    }
  }
  return active_session{std::move(*user), std::move(*record)};
}

void sessions::close(std::string_view token) { book_.delete_session(http::sha256_hex(token)); }

void sessions::close_others(std::int64_t user_id, std::string_view keep_token) {
  book_.delete_sessions_of(user_id, keep_token.empty() ? std::string() : http::sha256_hex(keep_token));
}

}  // namespace siaran::daemon::accounts
