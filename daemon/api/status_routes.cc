// GET /api/v1/modems, /api/v1/queue, /healthz and /metrics (docs/api.md).

#include <chrono>

#include "daemon/api/api_context.h"
#include "daemon/api/message_json.h"
#include "daemon/api/metrics_text.h"
#include "daemon/api/request_helpers.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

json modem_json(const modem::modem_status& s, const modem_counters& counters, const std::string& operator_name) {
  return {{"id", s.id},
          {"port", s.port},
          {"state", modem::to_string(s.state)},
          {"reason", s.reason},
          {"operator", operator_name.empty() ? s.identity.operator_name : operator_name},
          {"signal_dbm", or_null(s.signal_dbm)},
          {"sent", counters.sent},
          {"failed", counters.failed},
          {"uncertain", counters.uncertain},
          {"delivered", counters.delivered},
          {"busy_ms", std::chrono::duration_cast<std::chrono::milliseconds>(counters.busy).count()},
          {"manufacturer", s.identity.manufacturer},
          {"model", s.identity.model},
          {"imei", s.identity.imei}};
}

http::response modems(api_context& c) {
  json list = json::array();
  const auto& all = c.pool.modems();
  for (std::size_t i = 0; i < all.size(); ++i) {
    list.push_back(modem_json(all[i]->status(), c.metrics.modems[i], c.dispatch.modem_operator(i)));
  }
  return json_reply(200, list);
}

http::response queue_summary(api_context& c) {
  const modem_counters total = c.metrics.total();
  const auto& settings = c.dispatch.settings();
  return json_reply(200, {{"queued", c.store.queue_depth()},
                          {"in_flight", c.dispatch.in_flight()},
                          {"uncertain_held", c.store.uncertain_count()},
                          {"sent", total.sent},
                          {"failed", total.failed},
                          {"uncertain", total.uncertain},
                          {"delivered", total.delivered},
                          {"rate_per_second", settings.rate_per_second},
                          {"draining", c.dispatch.draining()}});
}

http::response health(api_context& c) {
  const auto& all = c.pool.modems();
  const auto ready = std::ranges::count_if(all, [](const auto& m) {
    const auto state = m->state();
    return state == modem::modem_state::ready || state == modem::modem_state::sending;
  });
  return json_reply(200, {{"status", "ok"}, {"modems", all.size()}, {"modems_ready", ready},
                          {"queued", c.store.queue_depth()}});
}

http::response metrics(api_context& c) {
  http::response r;
  r.content_type = "text/plain; version=0.0.4";
  r.body = metrics_text(c.pool.snapshot(), c.metrics, c.store.queue_depth());
  return r;
}

}  // namespace

void add_status_routes(http::router& routes, api_context& c) {
  routes.add("GET", "/api/v1/modems", guarded([&c](const http::request&) { return modems(c); }));
  routes.add("GET", "/api/v1/queue", guarded([&c](const http::request&) { return queue_summary(c); }));
  routes.add("GET", "/healthz", guarded([&c](const http::request&) { return health(c); }), {.auth = false});
  routes.add("GET", "/metrics", guarded([&c](const http::request&) { return metrics(c); }), {.auth = false});
}

}  // namespace siaran::daemon::api
