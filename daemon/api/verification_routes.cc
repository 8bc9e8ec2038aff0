// SPDX-License-Identifier: GPL-3.0-or-later
// "Cek nomor" campaigns (docs/api.md "Number checks"): POST /api/v1/verifications,
// GET /api/v1/verifications[/{id}], and the share of numbers confirmed per kecamatan,
// GET /api/v1/stats/confirmed-numbers.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string_view>

#include "config/values.h"
#include "daemon/api/api_context.h"
#include "daemon/api/audience_json.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/json_fields.h"
#include "daemon/api/officer_scope.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "daemon/verify/number_check.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

constexpr std::string_view known_keys[] = {"officer_id", "audience", "text", "window"};

struct campaign_request {
  broadcast_request broadcast;
  std::chrono::seconds window = verify::default_window;
};

std::chrono::seconds window_of(const std::string& text) {
  const auto window = config::values::parse_duration(text);
  if (!window || *window < std::chrono::seconds(1) || *window > verify::longest_window) {
    throw bad_request("window: a duration from 1s to 30d, e.g. \"72h\" or \"3d\"");
  }
  return *window;
}

campaign_request request_of(const json& body) {
  require_known_fields(body, known_keys);
  campaign_request r;
  r.broadcast = audience_request(body);
  r.broadcast.template_text =
      field_string(body, "text").value_or(std::string(verify::default_text));
  r.broadcast.origin = "verification";
  if (const auto window = field_string(body, "window")) r.window = window_of(*window);
  return r;
}

std::int64_t outcome_count(const queue::verification& v, std::string_view outcome) {
  const auto found = v.outcomes.find(std::string(outcome));
  return found == v.outcomes.end() ? 0 : found->second;
}

// Recipients and sent are the broadcast's; confirmed is counted as answers come. The others are
// each recipient's outcome once the window has ended; while it is open, failed, undelivered and
// unknown are the broadcast's so far, and waiting those sent that have not answered yet.
json campaign_json(const queue::verification& v,
                   const std::optional<queue::broadcast_progress>& p) {
  const bool closed = v.closed_at.has_value();
  const std::int64_t sent = p ? p->sent + p->delivered : 0;
  const std::int64_t confirmed = outcome_count(v, queue::outcome_confirmed);
  json out = {{"id", v.id},
              {"broadcast_id", v.broadcast_id},
              {"officer_id", v.officer_id ? json(*v.officer_id) : json(nullptr)},
              {"text", p ? json(p->template_text) : json(nullptr)},
              {"state", closed ? "closed" : "open"},
              {"created_at", iso_utc(v.created_at)},
              {"ends_at", iso_utc(v.ends_at)},
              {"closed_at", closed ? json(iso_utc(*v.closed_at)) : json(nullptr)},
              {"recipients", p ? p->recipients : 0},
              {"sent", sent},
              {"confirmed", confirmed}};
  if (closed) {
    out["waiting"] = 0;
    out["no_answer"] = outcome_count(v, queue::outcome_no_answer);
    out["failed"] = outcome_count(v, queue::outcome_failed);
    out["undelivered"] = outcome_count(v, queue::outcome_undelivered);
    out["unknown"] = outcome_count(v, queue::outcome_unknown);
    out["unsent"] = outcome_count(v, queue::outcome_unsent);
  } else {
    out["waiting"] = std::max<std::int64_t>(0, sent - confirmed);
    out["no_answer"] = 0;
    out["failed"] = p ? p->failed - p->undelivered : 0;
    out["undelivered"] = p ? p->undelivered : 0;
    out["unknown"] = p ? p->unknown : 0;
    out["unsent"] = 0;
  }
  return out;
}

json campaign_json(api_context& c, const queue::verification& v) {
  return campaign_json(v, c.broadcasts.progress(v.broadcast_id, c.now()));
}

// The broadcast is queued as any other (prepared here on the reader, written in the writer's
// steps), then the campaign is stored beside it and the scheduler woken to know its end.
http::response post_verification(api_context& c, const http::request& request) {
  campaign_request r = request_of(json_body(request));
  r.broadcast.officer_id = acting_officer(request.who, r.broadcast.officer_id);
  const queue::timestamp now = c.now();
  try {
    broadcaster::prepared ready = c.broadcasts_out.prepare(r.broadcast, now);
    const auto on_writer = [&c](const std::function<void(queue::broadcast_book&)>& step) {
      c.on_writer([&](api_context& writer) { step(writer.broadcasts); });
    };
    const created_broadcast created = c.broadcasts_out.commit(std::move(ready), on_writer);
    std::int64_t id = 0;
    c.on_writer([&](api_context& writer) {
      id = writer.verifications->create({created.id, r.broadcast.officer_id, now, now + r.window});
    });
    c.schedule_changed();
    spdlog::info("cek nomor {}: broadcast {} to {} recipient(s)", id, created.id,
                 created.plan.recipients);
    return json_reply(201, campaign_json(c, *c.verifications->find(id)));
  } catch (const broadcast_error& e) {
    return http::error_response(422, e.what());
  }
}

http::response get_verification(api_context& c, const http::request& request) {
  const std::int64_t id = path_id(request, "a number check");
  const auto v = c.verifications->find(id);
  if (!v || !sees(request.who, v->officer_id))
    return http::error_response(404, "no number check " + std::to_string(id));
  return json_reply(200, campaign_json(c, *v));
}

http::response list_verifications(api_context& c, const http::request& request) {
  const auto before = query_number(request, "before", 0, 0, INT64_MAX);
  const auto limit = static_cast<int>(query_number(request, "limit", 20, 1, 100));
  const auto found = c.verifications->list(before, limit, listed_officer(request.who));
  json items = json::array();
  for (const auto& v : found) items.push_back(campaign_json(c, v));
  const bool full = static_cast<int>(found.size()) == limit;
  return json_reply(200, {{"verifications", std::move(items)},
                          {"next_before", full ? json(found.back().id) : json(nullptr)}});
}

// Numbers confirmed by a reply within the last `days` (by UTC day), per kecamatan: what Beranda
// shows of how current the numbers are.
http::response confirmed_numbers(api_context& c, const http::request& request) {
  const auto days = query_number(request, "days", 90, 1, 365);
  const queue::timestamp since = c.now() - std::chrono::days(days);
  json items = json::array();
  for (const queue::confirmed_share& s : c.verifications->confirmed_shares(since)) {
    const double share =
        s.contacts == 0 ? 0.0 : static_cast<double>(s.confirmed) / static_cast<double>(s.contacts);
    items.push_back({{"kecamatan", s.kecamatan},
                     {"contacts", s.contacts},
                     {"confirmed", s.confirmed},
                     {"share", share}});
  }
  return json_reply(200,
                    {{"days", days}, {"since", iso_utc(since)}, {"kecamatan", std::move(items)}});
}

}  // namespace

void add_verification_routes(http::router& routes, api_context& c) {
  // As a broadcast: the audience is read and every message rendered on the reader thread.
  routes.add("POST", "/api/v1/verifications",
             guarded([&c](const http::request& r) { return post_verification(c, r); }),
             {.where = http::runs_on::reader});
  routes.add("GET", "/api/v1/verifications",
             guarded([&c](const http::request& r) { return list_verifications(c, r); }));
  routes.add("GET", "/api/v1/verifications/{id}",
             guarded([&c](const http::request& r) { return get_verification(c, r); }));
  routes.add("GET", "/api/v1/stats/confirmed-numbers",
             guarded([&c](const http::request& r) { return confirmed_numbers(c, r); }));
}

}  // namespace siaran::daemon::api
