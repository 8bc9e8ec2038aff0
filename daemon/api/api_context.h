#pragma once

// What the API's handlers work on: the daemon's store, pool, dispatcher and counters, all on
// the daemon's one thread.

#include <cstdint>
#include <string>

#include "daemon/broadcaster.h"
#include "daemon/dispatcher.h"
#include "daemon/http/router.h"
#include "daemon/send_metrics.h"
#include "modem/pool.h"
#include "queue/broadcasts.h"
#include "queue/contacts.h"
#include "queue/events.h"
#include "queue/store.h"

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
  std::string region;
  std::chrono::seconds valid_for;
  std::string timezone;
  std::uint8_t next_concat_reference = 1;  // shared by the parts of one long message, varied per message
};

// POST /api/v1/messages, POST /api/v1/messages/batch, GET /api/v1/messages[/{id}].
void add_message_routes(http::router& routes, api_context& context);
// GET /api/v1/modems, /api/v1/queue, /api/v1/inbox, /healthz, /metrics.
void add_status_routes(http::router& routes, api_context& context);

}  // namespace siaran::daemon::api
