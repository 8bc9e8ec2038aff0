// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the API's handlers work on: the daemon's store, pool, dispatcher and counters, all on
// the daemon's one thread.

#include <cstdint>
#include <functional>
#include <string>

#include "daemon/broadcaster.h"
#include "daemon/concat_references.h"
#include "daemon/dispatcher.h"
#include "daemon/http/router.h"
#include "daemon/send_metrics.h"
#include "modem/pool.h"
#include "queue/broadcasts.h"
#include "queue/contacts.h"
#include "queue/events.h"
#include "queue/replies.h"
#include "queue/store.h"

namespace siaran::daemon::accounts {
struct account_services;
}  // namespace siaran::daemon::accounts

namespace siaran::daemon::api {

struct api_context {
  queue::store& store;
  modem::pool& pool;
  dispatcher& dispatch;
  send_metrics& metrics;
  queue::contact_book& contacts;
  queue::broadcast_book& broadcasts;
  queue::event_book& events;
  broadcaster& broadcasts_out;
  concat_reference_allocator& concat_references;  // the daemon's one, shared with broadcasts and replies
  std::string region;
  std::chrono::seconds valid_for;
  std::string timezone;
  // Wakes the scheduler when an event, a recurring broadcast or the birthday settings change.
  std::function<void()> schedule_changed = [] {};
};

// POST /api/v1/messages, POST /api/v1/messages/batch, GET /api/v1/messages[/{id}].
void add_message_routes(http::router& routes, api_context& context);
// GET /api/v1/modems, POST /api/v1/modems/{id}/test, GET /api/v1/queue, /healthz, /metrics, and
// add_stats_routes' routes.
void add_status_routes(http::router& routes, api_context& context);
// GET /api/v1/stats/daily.
void add_stats_routes(http::router& routes, api_context& context);
// GET /api/v1/inbox, POST /api/v1/inbox/{id}/reply, /api/v1/contacts/changes[/{id}/approve|reject];
// added before the contact routes, so that /contacts/changes is not taken for a contact's id.
void add_inbox_routes(http::router& routes, api_context& context, queue::reply_book& replies);
// /api/v1/contacts (import, list, export, problems, {id}), /api/v1/officers, /api/v1/groups;
// add_contact_routes adds the officer and group routes too.
void add_contact_routes(http::router& routes, api_context& context);
void add_officer_routes(http::router& routes, api_context& context);
void add_group_routes(http::router& routes, api_context& context);
// POST /api/v1/broadcasts[/preview], GET /api/v1/broadcasts[/{id}[/recipients]],
// POST /api/v1/broadcasts/{id}/cancel.
void add_broadcast_routes(http::router& routes, api_context& context);
// /api/v1/events[/{id}[/cancel]], /api/v1/birthdays, /api/v1/recurring[/{id}].
void add_event_routes(http::router& routes, api_context& context);
// /api/v1/session[/password] (login, who am I, logout, password change), and for admins
// /api/v1/users[/{id}] and /api/v1/tokens[/{id}].
void add_account_routes(http::router& routes, api_context& context, accounts::account_services& accounts);

}  // namespace siaran::daemon::api
