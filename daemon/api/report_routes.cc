// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/report_routes.h"

#include "daemon/api/inbox_access.h"
#include "daemon/api/officer_scope.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "daemon/api/table_download.h"
#include "daemon/reports/inbox_sheet.h"
#include "daemon/reports/monthly_report.h"
#include "daemon/reports/rsvp_list.h"

namespace siaran::daemon::api {
namespace {

// Everything a broadcast's report shows; nothing when there is no such broadcast or `who` may
// not see it (the same 404 as GET /api/v1/broadcasts/{id}).
std::optional<reports::broadcast_report_source> report_source(api_context& c, queue::report_row_book& rows,
                                                              const http::principal& who, std::int64_t id) {
  auto progress = c.broadcasts.progress(id, c.now());
  if (!progress || !sees(who, progress->officer_id)) return std::nullopt;
  return reports::broadcast_report_source{std::move(*progress), c.broadcasts.recipients(id),
                                          rows.recipient_details_of(id)};
}

http::response broadcast_report(api_context& c, queue::report_row_book& rows, const http::request& request) {
  const std::int64_t id = path_id(request, "a broadcast");
  const auto source = report_source(c, rows, request.who, id);
  if (!source) return http::error_response(404, "no broadcast " + std::to_string(id));
  const schedule::time_zone zone(c.timezone);
  return table_download(request, reports::broadcast_report(*source, zone), "siaran-" + std::to_string(id),
                        {{"broadcast_id", id}, {"organisation", c.organisation}, {"timezone", c.timezone}});
}

http::response monthly_report(api_context& c, queue::report_row_book& rows, const http::request& request) {
  const auto given = request.query.find("month");
  const auto month = given == request.query.end() ? std::nullopt : reports::parse_report_month(given->second);
  if (!month) throw bad_request("month: must be a month such as 2026-11");
  const schedule::time_zone zone(c.timezone);
  const auto [from, until] = reports::month_span(*month, zone);
  std::vector<reports::broadcast_report_source> sources;
  for (const std::int64_t id : rows.broadcasts_due(from, until, listed_officer(request.who))) {
    if (auto source = report_source(c, rows, request.who, id)) sources.push_back(std::move(*source));
  }
  return table_download(request, reports::monthly_report(*month, sources, zone), "siaran-" + given->second,
                        {{"month", given->second}, {"organisation", c.organisation}, {"timezone", c.timezone}});
}

http::response rsvp_download(api_context& c, const http::request& request) {
  const auto event = c.events.find_event(path_id(request, "an event"));
  if (!event || !sees(request.who, event->officer_id)) {
    return http::error_response(404, "no event " + request.params.at("id"));
  }
  const schedule::time_zone zone(c.timezone);
  const auto tables = reports::rsvp_list(*event, c.events.rsvps(event->id), c.events.tally(event->id), zone);
  return table_download(request, tables, "rsvp-acara-" + std::to_string(event->id),
                        {{"event_id", event->id}, {"organisation", c.organisation}, {"timezone", c.timezone}});
}

// Every message of the inbox the request may see (scope_inbox: ?officer_id as GET /api/v1/inbox),
// oldest first, read a page at a time.
http::response inbox_download(api_context& c, queue::reply_book& replies, const http::request& request) {
  queue::inbox_filter filter;
  if (auto refused = scope_inbox(request, inbox_access_of(request.who), filter)) return *refused;
  filter.limit = 1000;
  std::vector<queue::inbox_entry> entries;
  for (auto page = replies.inbox(filter); !page.empty(); page = replies.inbox(filter)) {
    filter.after_id = page.back().message.id;
    entries.insert(entries.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
  }
  const schedule::time_zone zone(c.timezone);
  return table_download(request, {reports::inbox_sheet(entries, zone)}, "kotak-masuk",
                        {{"organisation", c.organisation}, {"timezone", c.timezone}});
}

}  // namespace

void add_report_routes(http::router& routes, api_context& c, queue::report_row_book& rows,
                       queue::reply_book& replies) {
  const auto route = [&](const char* method, const char* pattern, auto handler) {
    routes.add(method, pattern, guarded([&c, &rows, handler](const http::request& r) { return handler(c, rows, r); }));
  };
  route("GET", "/api/v1/broadcasts/{id}/report", broadcast_report);
  route("GET", "/api/v1/reports/monthly", monthly_report);
  routes.add("GET", "/api/v1/events/{id}/rsvps",
             guarded([&c](const http::request& r) { return rsvp_download(c, r); }));
  routes.add("GET", "/api/v1/inbox/export",
             guarded([&c, &replies](const http::request& r) { return inbox_download(c, replies, r); }));
}

}  // namespace siaran::daemon::api
