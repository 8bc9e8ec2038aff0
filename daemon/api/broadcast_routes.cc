// SPDX-License-Identifier: GPL-3.0-or-later
// Broadcasts (docs/api.md "Broadcasts"): POST /api/v1/broadcasts[/preview], GET
// /api/v1/broadcasts[/{id}[/recipients]], POST /api/v1/broadcasts/{id}/cancel and /resend.

#include <spdlog/spdlog.h>

#include <string_view>

#include "daemon/api/api_context.h"
#include "daemon/api/audience_json.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/json_fields.h"
#include "daemon/api/message_json.h"
#include "daemon/api/officer_scope.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "daemon/api/signing_officer.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

constexpr std::string_view known_keys[] = {"officer_id", "audience",   "template", "send_at", "priority",
                                           "samples",    "client_ref", "via",      "sender"};
constexpr std::int64_t max_samples = 20;
constexpr std::int64_t max_recipients_page = 1000;

template <class T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

// Everything about the body is checked here: nothing malformed reaches the broadcaster.
broadcast_request request_of(const json& body) {
  require_known_fields(body, known_keys);
  broadcast_request r = audience_request(body);
  r.template_text = required_string(body, "template");
  if (const auto at = field_string(body, "send_at")) {
    r.send_at = parse_iso(*at);
    if (!r.send_at)
      throw bad_request(
          "send_at must be an ISO 8601 time with its offset, e.g. 2026-11-30T08:00+07:00");
  }
  if (const auto priority = field_integer(body, "priority", priority_range)) r.priority = static_cast<int>(*priority);
  r.client_ref = field_string(body, "client_ref");
  if (r.client_ref && !client_ref_fits(*r.client_ref)) throw bad_request("client_ref: must be 1 to 128 characters");
  if (const auto via = field_string(body, "via")) {
    try {
      r.via = queue::send_via_from(*via);
    } catch (const queue::store_error&) {
      throw bad_request("via: must be \"modem\", \"smpp\" or \"auto\"");
    }
  }
  r.sender = field_string(body, "sender");
  return r;
}

json plan_json(const broadcast_plan& plan) {
  json samples = json::array();
  for (const broadcast_sample& s : plan.samples) {
    samples.push_back({{"contact_id", s.contact_id},
                       {"to", s.to},
                       {"text", s.text},
                       {"parts", s.parts},
                       {"encoding", s.encoding}});
  }
  return {{"recipients", plan.recipients},
          {"parts", plan.parts},
          {"cost_estimate", plan.cost_estimate},
          {"encoding", plan.encoding},
          {"skipped_opted_out", plan.skipped_opted_out},
          {"skipped_duplicates", plan.skipped_duplicates},
          {"samples", std::move(samples)}};
}

// Counts are of recipients, by their message's state. "queued": not out yet (waiting or being
// written to a modem, "sending" of those); "sent": went out (sent or delivered, "delivered"
// of those). queued + sent + failed + cancelled + uncertain = recipients. By their message's
// delivery: "delivered", "undelivered" (also counted "failed"), "unknown" (also "sent").
json progress_json(const queue::broadcast_progress& p) {
  return {{"id", p.id},
          {"state", p.state},
          {"recipients", p.recipients},
          {"queued", p.queued + p.sending},
          {"sending", p.sending},
          {"sent", p.sent + p.delivered},
          {"delivered", p.delivered},
          {"undelivered", p.undelivered},
          {"unknown", p.unknown},
          {"failed", p.failed},
          {"cancelled", p.cancelled},
          {"uncertain", p.uncertain},
          {"replies", p.replies},
          {"cost", p.cost},
          {"officer_id", optional_json(p.officer_id)},
          {"template", p.template_text},
          {"origin", p.origin},
          {"via", queue::to_string(p.via)},
          {"sender", optional_json(p.sender)},
          {"event_id", optional_json(p.event_id)},
          {"send_at", iso_utc(p.send_at)},
          {"created_at", iso_utc(p.created_at)},
          {"cancelled_at", p.cancelled_at ? json(iso_utc(*p.cancelled_at)) : json(nullptr)},
          {"follow_up_of", optional_json(p.follow_up_of)}};
}

// Only GET /api/v1/broadcasts/{id} has them: the list stays small for the page that polls it.
json by_place_json(const std::vector<queue::place_progress>& places) {
  json items = json::array();
  for (const auto& place : places) {
    items.push_back({{"kecamatan", place.kecamatan},
                     {"desa", place.desa},
                     {"recipients", place.recipients},
                     {"sent", place.sent},
                     {"delivered", place.delivered},
                     {"undelivered", place.undelivered},
                     {"unknown", place.unknown},
                     {"failed", place.failed}});
  }
  return items;
}

json time_json(const std::optional<queue::timestamp>& t) { return t ? json(iso_utc(*t)) : json(nullptr); }

http::response refused(const broadcast_error& e) { return http::error_response(422, e.what()); }

// A repeated client_ref is answered as messages answer one: 202 with the first broadcast, as
// GET /api/v1/broadcasts/{id} shows it, "duplicate": true.
http::response repeated_reply(api_context& c, std::int64_t id) {
  const auto first = c.broadcasts.progress(id, c.now());
  json reply = first ? progress_json(*first) : json{{"id", id}};
  reply["duplicate"] = true;
  return json_reply(202, reply);
}

// The broadcast, unless there is none or it is another officer's (the same 404: an officer
// does not learn which ids exist).
std::optional<queue::broadcast_progress> visible_broadcast(api_context& c, const http::request& request,
                                                           std::int64_t id, queue::timestamp now) {
  auto p = c.broadcasts.progress(id, now);
  if (p && !sees(request.who, p->officer_id)) return std::nullopt;
  return p;
}

http::response post_broadcast(api_context& c, const http::request& request) {
  broadcast_request r = request_of(json_body(request));
  r.officer_id = signing_officer(c, request.who, r.officer_id);
  try {
    if (const auto earlier = c.broadcasts_out.earlier(r)) return repeated_reply(c, *earlier);
    broadcaster::prepared ready = c.broadcasts_out.prepare(r, c.now());
    const auto on_writer = [&c](const std::function<void(queue::broadcast_book&)>& step) {
      c.on_writer([&](api_context& writer) { step(writer.broadcasts); });
    };
    const created_broadcast created = c.broadcasts_out.commit(std::move(ready), on_writer);
    if (created.repeated) return repeated_reply(c, created.id);
    json reply = plan_json(created.plan);
    reply.erase("samples");
    reply["id"] = created.id;
    reply["duplicate"] = false;
    return json_reply(202, reply);
  } catch (const broadcast_in_progress& e) {
    return http::error_response(409, e.what());
  } catch (const broadcast_error& e) {
    return refused(e);
  }
}

http::response post_preview(api_context& c, const http::request& request) {
  const json body = json_body(request);
  broadcast_request r = request_of(body);
  r.officer_id = signing_officer(c, request.who, r.officer_id);
  const auto samples = field_integer(body, "samples", {0, max_samples}).value_or(3);
  try {
    return json_reply(
        200, plan_json(c.broadcasts_out.preview(r, c.now(), static_cast<std::size_t>(samples))));
  } catch (const broadcast_error& e) {
    return refused(e);
  }
}

http::response get_broadcast(api_context& c, const http::request& request) {
  const std::int64_t id = path_id(request, "a broadcast");
  const auto p = visible_broadcast(c, request, id, c.now());
  if (!p) return http::error_response(404, "no broadcast " + std::to_string(id));
  json reply = progress_json(*p);
  reply["by_place"] = by_place_json(p->by_place);
  return json_reply(200, reply);
}

http::response list_broadcasts(api_context& c, const http::request& request) {
  const auto before = query_number(request, "before", 0, 0, INT64_MAX);
  const auto limit = static_cast<int>(query_number(request, "limit", 50, 1, 500));
  const auto found = c.broadcasts.list(c.now(), before, limit, listed_officer(request.who));
  json items = json::array();
  for (const auto& p : found) items.push_back(progress_json(p));
  const bool full = static_cast<int>(found.size()) == limit;
  return json_reply(200, {{"broadcasts", std::move(items)},
                          {"next_before", full ? json(found.back().id) : json(nullptr)}});
}

// Paged with ?limit= (and ?after= the last contact_id seen): a 50,000-recipient broadcast is
// 13 MB at once. Without limit, every recipient, as before paging.
http::response get_recipients(api_context& c, const http::request& request) {
  const std::int64_t id = path_id(request, "a broadcast");
  if (!visible_broadcast(c, request, id, c.now()))
    return http::error_response(404, "no broadcast " + std::to_string(id));
  const auto after = query_number(request, "after", 0, 0, INT64_MAX);
  const auto limit = static_cast<int>(query_number(request, "limit", 0, 1, max_recipients_page));
  const auto found = c.broadcasts.recipients(id, after, limit == 0 ? -1 : limit);
  json items = json::array();
  for (const auto& r : found) {
    items.push_back({{"contact_id", r.contact_id},
                     {"contact_name", optional_json(r.contact_name)},
                     {"message_id", optional_json(r.message_id)},
                     {"to", r.to},
                     {"text", r.text},
                     {"state", queue::to_string(r.state)},
                     {"last_error", optional_json(r.last_error)},
                     {"delivery", optional_json(r.delivery)},
                     {"sent_at", time_json(r.sent_at)},
                     {"delivered_at", time_json(r.delivered_at)},
                     {"status", optional_json(r.status)},
                     {"status_meaning", status_meaning(r.status)},
                     {"kecamatan", r.kecamatan},
                     {"desa", r.desa}});
  }
  json reply = {{"id", id}, {"recipients", std::move(items)}};
  if (limit != 0) {
    const bool full = static_cast<int>(found.size()) == limit;
    reply["next_after"] = full ? json(found.back().contact_id) : json(nullptr);
  }
  return json_reply(200, reply);
}

// A follow-up broadcast to the recipients the first did not reach (queue::unreached), prepared on
// the reader and queued on the writer as a new broadcast is; 409 when there is nobody to try again.
http::response post_resend(api_context& c, const http::request& request) {
  const std::int64_t id = path_id(request, "a broadcast");
  const auto first = c.broadcasts.progress(id, c.now());
  if (!first) return http::error_response(404, "no broadcast " + std::to_string(id));
  require_change(request.who, first->officer_id, "broadcast " + std::to_string(id));
  std::vector<queue::broadcast_recipient> again;
  for (queue::broadcast_recipient& r : c.broadcasts.recipients(id)) {
    if (queue::unreached(r)) again.push_back(std::move(r));
  }
  if (again.empty()) {
    return http::error_response(409, "broadcast " + std::to_string(id) +
                                         " has nobody to send again: none failed, was undelivered or is unknown");
  }
  broadcaster::prepared ready = c.broadcasts_out.follow_up(*first, again, c.now());
  const auto on_writer = [&c](const std::function<void(queue::broadcast_book&)>& step) {
    c.on_writer([&](api_context& writer) { step(writer.broadcasts); });
  };
  const created_broadcast created = c.broadcasts_out.commit(std::move(ready), on_writer);
  spdlog::info("broadcast {} follows up broadcast {}: {} recipients sent again", created.id, id,
               created.plan.recipients);
  return json_reply(201, progress_json(*c.broadcasts.progress(created.id, c.now())));
}

// A broadcast that has all gone out cannot be cancelled (409); cancelling twice is harmless.
http::response post_cancel(api_context& c, const http::request& request) {
  const std::int64_t id = path_id(request, "a broadcast");
  const queue::timestamp now = c.now();
  const auto p = c.broadcasts.progress(id, now);
  if (!p) return http::error_response(404, "no broadcast " + std::to_string(id));
  require_change(request.who, p->officer_id, "broadcast " + std::to_string(id));
  if (p->state == "done")
    return http::error_response(409, "broadcast " + std::to_string(id) + " has already gone out");
  const std::int64_t cancelled = c.broadcasts.cancel(id, now);
  spdlog::info("broadcast {} cancelled: {} message(s) stopped", id, cancelled);
  return json_reply(200, {{"id", id}, {"cancelled", cancelled}});
}

}  // namespace

void add_broadcast_routes(http::router& routes, api_context& c) {
  // Preparing a broadcast reads the audience and renders every message: on the reader thread,
  // which hands only the insert to the writer, so that sending never waits for it.
  routes.add("POST", "/api/v1/broadcasts", guarded([&c](const http::request& r) { return post_broadcast(c, r); }),
             {.where = http::runs_on::reader});
  routes.add("POST", "/api/v1/broadcasts/preview",
             guarded([&c](const http::request& r) { return post_preview(c, r); }), {.where = http::runs_on::reader});
  routes.add("GET", "/api/v1/broadcasts",
             guarded([&c](const http::request& r) { return list_broadcasts(c, r); }));
  routes.add("GET", "/api/v1/broadcasts/{id}",
             guarded([&c](const http::request& r) { return get_broadcast(c, r); }));
  routes.add("GET", "/api/v1/broadcasts/{id}/recipients",
             guarded([&c](const http::request& r) { return get_recipients(c, r); }));
  routes.add("POST", "/api/v1/broadcasts/{id}/resend",
             guarded([&c](const http::request& r) { return post_resend(c, r); }), {.where = http::runs_on::reader});
  routes.add("POST", "/api/v1/broadcasts/{id}/cancel",
             guarded([&c](const http::request& r) { return post_cancel(c, r); }));
}

}  // namespace siaran::daemon::api
