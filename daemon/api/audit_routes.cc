// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/audit_routes.h"

#include <cstdint>

#include "daemon/api/iso_time.h"
#include "daemon/api/request_helpers.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

json entry_json(const queue::audit_entry& e) {
  return {{"id", e.id},
          {"at", iso_utc(e.at)},
          {"actor", e.actor},
          {"user_id", e.user_id ? json(*e.user_id) : json(nullptr)},
          {"role", e.role.empty() ? json(nullptr) : json(e.role)},
          {"address", e.address},
          {"method", e.method},
          {"route", e.route},
          {"target", e.target ? json(*e.target) : json(nullptr)},
          {"status", e.status},
          {"summary", e.summary}};
}

queue::audit_query query_of(const http::request& request) {
  queue::audit_query q;
  q.before_id = query_number(request, "before", 0, 0, INT64_MAX);
  q.limit = static_cast<int>(query_number(request, "limit", 100, 1, 500));
  if (const auto actor = request.query.find("actor"); actor != request.query.end() && !actor->second.empty()) {
    q.actor = actor->second;
  }
  if (const auto since = request.query.find("since"); since != request.query.end() && !since->second.empty()) {
    q.since = parse_iso(since->second);
    if (!q.since) throw bad_request("since: '" + since->second + "' is not an ISO 8601 time with its offset");
  }
  return q;
}

// Newest first; next_before pages on, null when this page was not full.
http::response list_audit(queue::audit_book& audit, const http::request& request) {
  const queue::audit_query q = query_of(request);
  const auto found = audit.list(q);
  json entries = json::array();
  for (const auto& e : found) entries.push_back(entry_json(e));
  const bool full = static_cast<int>(found.size()) == q.limit;
  return json_reply(200, {{"entries", std::move(entries)},
                          {"next_before", full ? json(found.back().id) : json(nullptr)}});
}

}  // namespace

void add_audit_routes(http::router& routes, queue::audit_book& audit) {
  routes.add("GET", "/api/v1/audit", guarded([&audit](const http::request& r) { return list_audit(audit, r); }),
             {.min_role = http::role::admin});
}

}  // namespace siaran::daemon::api
