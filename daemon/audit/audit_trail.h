// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Who did what: the one rule that turns an answered API request into an audit log entry
// (queue/audit_book.h), and the observer the HTTP server calls with every answer to a request
// that may change something (http::server_settings::on_answered).
//
// Kept: everything an authenticated caller did or was refused (403), and every login whose
// password was checked (200, 401), under the name tried. Not kept: answers to nobody known
// (401 without credentials, a missing CSRF token, 413, 429 before a password is checked), which
// change nothing and would let any PC on the LAN grow the log. The summary is the method and
// path and, for a few answers, numbers from the response (the id made, rows imported): never a
// body's text, a password, a token or a cookie.

#include <optional>

#include "daemon/clock.h"
#include "daemon/http/server.h"
#include "queue/audit_book.h"

namespace siaran::daemon {
class store_thread;
}  // namespace siaran::daemon

namespace siaran::daemon::audit {

// The entry for `in` answered with `out` at `at`, or nothing when the rule above keeps none.
std::optional<queue::audit_entry> audit_entry_of(const http::request& in, const http::response& out,
                                                 queue::timestamp at);

// Builds each entry on the I/O thread (bounded work) and records it on `writer`, waiting for
// nothing. `book` must be the writer's.
http::answer_observer audit_trail(store_thread& writer, queue::audit_book& book, clock now);

}  // namespace siaran::daemon::audit
