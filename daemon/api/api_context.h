// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the API's handlers work on. Handlers run on a store thread (store_thread.h): the
// writer's for changes, the reader's for GETs, each with its own connection and books. The
// pool, the dispatcher and the counters live on the I/O thread: a handler reads them only
// inside on_io.

#include <cstdint>
#include <functional>
#include <string>

#include "daemon/balance/balance_checks.h"
#include "daemon/broadcaster.h"
#include "daemon/clock.h"
#include "daemon/concat_references.h"
#include "daemon/dispatcher.h"
#include "daemon/http/router.h"
#include "daemon/inbox/current_keywords.h"
#include "daemon/send_metrics.h"
#include "daemon/smpp_channels.h"
#include "daemon/store_watch.h"
#include "modem/pool.h"
#include "queue/archive_book.h"
#include "queue/broadcasts.h"
#include "queue/contacts.h"
#include "queue/conversations.h"
#include "queue/events.h"
#include "queue/message_queue.h"
#include "queue/replies.h"
#include "queue/saved_templates.h"
#include "queue/sms_reports.h"
#include "queue/statistics.h"
#include "queue/verifications.h"

namespace siaran::daemon::accounts {
struct account_services;
}  // namespace siaran::daemon::accounts

namespace siaran::daemon::api {

struct api_context {
  queue::message_queue& messages;
  queue::statistics& statistics;
  modem::pool& pool;           // on_io only
  dispatcher& dispatch;        // on_io only
  send_metrics& metrics;       // on_io only
  const store_watch& watch;    // on the I/O thread only
  queue::contact_book& contacts;
  queue::broadcast_book& broadcasts;
  queue::event_book& events;
  broadcaster& broadcasts_out;
  concat_reference_allocator& concat_references;  // the daemon's one, shared with broadcasts and replies
  std::string region;
  std::chrono::seconds valid_for;
  std::string timezone;
  clock now;  // the daemon's one clock: every handler stamps and compares with it
  bool delivery_reports = true;  // dispatch.delivery_reports: a message's report when it gives none
  // Wakes the scheduler when an event, a recurring broadcast or the birthday settings change.
  std::function<void()> schedule_changed = [] {};
  // Tells the dispatcher that new work was queued.
  std::function<void()> queued = [] {};
  // Runs `change` with the writer thread's context (itself, on the writer) and returns when it
  // has run: a handler on the reader prepares a long change there and commits it here.
  std::function<void(const std::function<void(api_context& writer)>& change)> on_writer = {};
  // Runs `look` on the I/O thread and returns when it has run.
  std::function<void(const std::function<void()>& look)> on_io = [](const std::function<void()>& look) { look(); };
  balance_checks* balances = nullptr;  // on_io only; the service's, set once it is built
  queue::verification_book* verifications = nullptr;  // this thread's, set once it is built
  // Who hands the reports over (config organisation): the header of a printed report.
  std::string organisation = {};
  // The inbox keywords in use (both threads' contexts share them), the service's.
  inbox::current_keywords* keywords = nullptr;
  queue::saved_template_book* templates = nullptr;  // this thread's book
  queue::report_form_book* forms = nullptr;         // this thread's book
  queue::sms_report_book* sms_reports = nullptr;    // this thread's book
  const smpp_channels* binds = nullptr;             // on_io only; the service's
};

// POST /api/v1/messages, POST /api/v1/messages/batch, GET /api/v1/messages[/{id}].
void add_message_routes(http::router& routes, api_context& context);
// GET /api/v1/modems, POST /api/v1/modems/{id}/test, GET /api/v1/queue, /healthz, /metrics, and
// add_stats_routes' and add_cost_routes' routes.
void add_status_routes(http::router& routes, api_context& context);
// GET /api/v1/stats/daily.
void add_stats_routes(http::router& routes, api_context& context);
// GET /api/v1/modems/costs.
void add_cost_routes(http::router& routes, api_context& context);
// GET /api/v1/inbox, POST /api/v1/inbox/{id}/reply, /api/v1/contacts/changes[/{id}/approve|reject];
// added before the contact routes, so that /contacts/changes is not taken for a contact's id.
void add_inbox_routes(http::router& routes, api_context& context, queue::reply_book& replies);
// GET /api/v1/inbox/conversations[/{id}]: the inbox one row per cadre, and one cadre's both ways.
void add_conversation_routes(http::router& routes, api_context& context, queue::reply_book& replies,
                             queue::conversation_book& conversations);
// /api/v1/contacts (import, list, export, problems, {id}), /api/v1/officers, /api/v1/groups;
// add_contact_routes adds the officer and group routes too.
void add_contact_routes(http::router& routes, api_context& context);
// POST /api/v1/contacts/import/review and /api/v1/contacts/import/review/{id}/apply.
void add_import_review_routes(http::router& routes, api_context& context);
void add_officer_routes(http::router& routes, api_context& context);
// POST /api/v1/{contacts,groups,officers}/{id}/archive|restore and DELETE /api/v1/{...}/{id}.
void add_archive_routes(http::router& routes, api_context& context, queue::archive_book& archive);
void add_group_routes(http::router& routes, api_context& context);
// POST /api/v1/broadcasts[/preview], GET /api/v1/broadcasts[/{id}[/recipients]],
// POST /api/v1/broadcasts/{id}/cancel.
void add_broadcast_routes(http::router& routes, api_context& context);
// POST /api/v1/verifications, GET /api/v1/verifications[/{id}], GET /api/v1/stats/confirmed-numbers.
void add_verification_routes(http::router& routes, api_context& context);
// /api/v1/events[/{id}[/cancel]], /api/v1/birthdays, /api/v1/recurring[/{id}].
void add_event_routes(http::router& routes, api_context& context);
// /api/v1/session[/password] (login, who am I, logout, password change), and for admins
// /api/v1/users[/{id}] and /api/v1/tokens[/{id}].
// GET/PUT/DELETE /api/v1/keywords.
void add_keyword_routes(http::router& routes, api_context& context);
// /api/v1/templates[/{id}].
void add_template_routes(http::router& routes, api_context& context);
// GET /api/v1/reports, /reports/missing, /reports/recap, POST /reports/missing/remind, and the
// report forms under /api/v1/forms (sms_report_routes.cc).
void add_sms_report_routes(http::router& routes, api_context& context);
void add_account_routes(http::router& routes, api_context& context,
                        accounts::account_services& accounts);

}  // namespace siaran::daemon::api
