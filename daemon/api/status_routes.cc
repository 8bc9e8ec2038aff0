// SPDX-License-Identifier: GPL-3.0-or-later
// GET /api/v1/modems, GET /api/v1/channels, POST /api/v1/modems/{id}/test, GET /api/v1/queue,
// /healthz and /metrics (docs/api.md); the statistics and the monthly costs beside them.

#include <spdlog/spdlog.h>

#include <chrono>

#include "common/log_text.h"
#include "daemon/api/api_context.h"
#include "daemon/api/balance_routes.h"
#include "daemon/api/message_json.h"
#include "daemon/api/message_request.h"
#include "daemon/api/metrics_text.h"
#include "daemon/api/request_helpers.h"
#include "daemon/schedule/local_time.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

// A test send goes before every broadcast: the person at the modem page is waiting for it.
constexpr int test_priority = 100;
// And it is worth nothing later: sent after a long outage, it would only puzzle its recipient.
constexpr const char* test_valid_for = "1h";

json modem_json(const modem::modem_status& s, const modem_counters& counters, const std::string& operator_name,
                std::int64_t sent_today, std::chrono::seconds resting) {
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
          {"imei", s.identity.imei},
          {"revision", text_or_null(s.identity.revision)},
          {"imsi", text_or_null(s.identity.imsi)},
          {"smsc", text_or_null(s.identity.smsc)},
          {"registration", or_null(s.registration)},
          {"sent_today", sent_today},
          {"resting_s", resting.count()}};
}

// Local midnight in the configured time zone: "today" as the office counts it.
queue::timestamp start_of_today(const api_context& c) {
  const schedule::time_zone zone(c.timezone);
  return zone.to_utc(zone.to_local(c.now()).date, 0, 0);
}

// One modem as the I/O thread sees it.
struct live_modem {
  modem::modem_status status;
  modem_counters counters;
  std::string operator_name;
  std::chrono::seconds resting{};
  json balance;
};

std::vector<live_modem> live_modems(api_context& c) {
  std::vector<live_modem> found;
  c.on_io([&] {
    const auto& all = c.pool.modems();
    for (std::size_t i = 0; i < all.size(); ++i) {
      found.push_back({all[i]->status(), c.metrics.modems[i], c.dispatch.modem_operator(i), c.dispatch.rests_for(i),
                       balance_fields(c.balances->reading(i), c.balances->entry(i))});
    }
  });
  return found;
}

json modem_list(api_context& c, const std::map<std::string, std::int64_t>& sent_today) {
  json list = json::array();
  for (const live_modem& m : live_modems(c)) {
    const auto today = sent_today.find(m.status.id);
    json modem = modem_json(m.status, m.counters, m.operator_name, today == sent_today.end() ? 0 : today->second,
                            m.resting);
    modem.update(m.balance);
    list.push_back(std::move(modem));
  }
  return list;
}

http::response modems(api_context& c) {
  return json_reply(200, modem_list(c, c.statistics.sent_by_modem_since(start_of_today(c))));
}

// An SMPP bind as GET /api/v1/channels shows it beside the modems.
json bind_json(const smpp::bind_status& s, const smpp_entry& entry, unsigned sending, std::int64_t sent_today) {
  return {{"id", s.id},
          {"kind", "smpp"},
          {"state", smpp::bind_state_name(s.state)},
          {"reason", s.last_error},
          {"host", entry.simulated ? "sim" : entry.settings.host},
          {"port", entry.settings.port},
          {"system_id", entry.settings.system_id},
          {"smsc_system_id", s.smsc_system_id},
          {"senders", entry.senders},
          {"reply_number", entry.reply_number ? json(*entry.reply_number) : json(nullptr)},
          {"rate_per_second", entry.settings.rate_per_second},
          {"window", s.window},
          {"in_window", s.in_window},
          {"sending", sending},
          {"submitted", s.counts.submitted},
          {"sent", s.counts.accepted},
          {"failed", s.counts.rejected},
          {"throttled", s.counts.throttled},
          {"uncertain", s.counts.uncertain},
          {"receipts", s.counts.receipts},
          {"received", s.counts.received},
          {"binds", s.counts.binds},
          {"sent_today", sent_today}};
}

std::vector<smpp::bind_status> bind_statuses(api_context& c, std::vector<unsigned>* sending = nullptr) {
  std::vector<smpp::bind_status> found;
  if (!c.binds) return found;
  c.on_io([&] {
    for (std::size_t i = 0; i < c.binds->binds().size(); ++i) {
      found.push_back(c.binds->binds()[i]->status());
      if (sending) sending->push_back(c.dispatch.in_flight_on_bind(i));
    }
  });
  return found;
}

http::response channels(api_context& c) {
  const auto sent_today = c.statistics.sent_by_modem_since(start_of_today(c));
  json list = modem_list(c, sent_today);
  for (json& modem : list) modem["kind"] = "modem";
  std::vector<unsigned> sending;
  const std::vector<smpp::bind_status> binds = bind_statuses(c, &sending);
  for (std::size_t i = 0; i < binds.size(); ++i) {
    const auto today = sent_today.find(binds[i].id);
    const std::int64_t today_count = today == sent_today.end() ? 0 : today->second;
    list.push_back(bind_json(binds[i], c.binds->entries()[i], sending[i], today_count));
  }
  return json_reply(200, list);
}

json test_message_json(const json& body) {
  if (!body.is_object() || !body.contains("to") || !body.contains("text") || body.size() != 2) {
    throw bad_request("the body must be {\"to\": \"0812...\", \"text\": \"...\"}");
  }
  json item = body;
  item["priority"] = test_priority;
  item["report"] = true;
  item["valid_for"] = test_valid_for;
  return item;
}

// The message is pinned to the modem (the mechanism that keeps a long message's parts on one
// SIM), which costs the dispatcher nothing. Should the modem fail before the part is claimed,
// the dispatcher sends it from another one rather than never: GET /api/v1/messages/{id} shows
// which modem it went out on.
http::response test_send(api_context& c, const http::request& request) {
  const std::string& id = request.params.at("id");
  std::optional<modem::modem_state> found;
  c.on_io([&] {
    if (const modem::modem* m = c.pool.find(id)) found = m->state();
  });
  if (!found) return http::error_response(404, "no modem " + id);
  const modem::modem_state state = *found;
  if (state != modem::modem_state::ready && state != modem::modem_state::sending) {
    return http::error_response(409, "modem " + id + " is " + std::string(modem::to_string(state)) +
                                         ", not ready; try again when it is");
  }
  const parsed_message parsed = parse_message(
      test_message_json(json_body(request)), {c.region, c.valid_for, c.now()}, c.concat_references);
  const queue::accepted accepted = c.messages.enqueue_pinned(parsed.message, id);
  c.queued();
  spdlog::info("test message {} queued on modem {} by {}", accepted.id, id, common::log_text(request.who.name));
  return json_reply(202, {{"id", accepted.id}});
}

http::response queue_summary(api_context& c) {
  modem_counters total;
  std::size_t in_flight = 0;
  bool draining = false;
  c.on_io([&] {
    total = c.metrics.total();
    in_flight = c.dispatch.in_flight();
    draining = c.dispatch.draining();
  });
  return json_reply(200, {{"queued", c.statistics.queue_depth()},
                          {"in_flight", in_flight},
                          {"uncertain_held", c.statistics.uncertain_count()},
                          {"sent", total.sent},
                          {"failed", total.failed},
                          {"uncertain", total.uncertain},
                          {"delivered", total.delivered},
                          {"rate_per_second", c.dispatch.settings().rate_per_second},
                          {"draining", draining}});
}

// On the I/O thread: answers at once, whatever the store is doing.
http::response health(api_context& c) {
  const auto& all = c.pool.modems();
  const auto ready = std::ranges::count_if(all, [](const auto& m) {
    const auto state = m->state();
    return state == modem::modem_state::ready || state == modem::modem_state::sending;
  });
  const queue::store_health store = c.watch.health();
  const bool ok = store == queue::store_health::ok;
  json body = {{"status", ok ? "ok" : "degraded"},
               {"store", queue::to_string(store)},
               {"modems", all.size()},
               {"modems_ready", ready},
               {"queued", c.watch.queued()}};
  if (!ok) body["reason"] = queue::explain(store);
  return json_reply(ok ? 200 : 503, body);
}

http::response metrics(api_context& c) {
  std::vector<modem::modem_status> modems;
  send_metrics counters(0);
  c.on_io([&] {
    modems = c.pool.snapshot();
    counters = c.metrics;
  });
  http::response r;
  r.content_type = "text/plain; version=0.0.4";
  r.body = metrics_text(modems, counters, c.statistics.queue_depth(), bind_statuses(c));
  return r;
}

}  // namespace

void add_status_routes(http::router& routes, api_context& c) {
  routes.add("GET", "/api/v1/modems", guarded([&c](const http::request&) { return modems(c); }));
  routes.add("GET", "/api/v1/channels", guarded([&c](const http::request&) { return channels(c); }));
  routes.add("POST", "/api/v1/modems/{id}/test", guarded([&c](const http::request& r) { return test_send(c, r); }),
             {.min_role = http::role::admin});
  routes.add("GET", "/api/v1/queue", guarded([&c](const http::request&) { return queue_summary(c); }));
  routes.add("GET", "/healthz", guarded([&c](const http::request&) { return health(c); }),
             {.auth = false, .where = http::runs_on::io});
  routes.add("GET", "/metrics", guarded([&c](const http::request&) { return metrics(c); }), {.auth = false});
  add_stats_routes(routes, c);
  add_cost_routes(routes, c);
  add_balance_routes(routes, c);
}

}  // namespace siaran::daemon::api
