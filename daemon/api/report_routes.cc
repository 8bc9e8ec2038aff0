// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/report_routes.h"

#include "daemon/api/officer_scope.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "daemon/api/table_download.h"
#include "daemon/reports/monthly_report.h"

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
                        {{"broadcast_id", id}, {"timezone", c.timezone}});
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
                        {{"month", given->second}, {"timezone", c.timezone}});
}

}  // namespace

void add_report_routes(http::router& routes, api_context& c, queue::report_row_book& rows) {
  const auto route = [&](const char* method, const char* pattern, auto handler) {
    routes.add(method, pattern, guarded([&c, &rows, handler](const http::request& r) { return handler(c, rows, r); }));
  };
  route("GET", "/api/v1/broadcasts/{id}/report", broadcast_report);
  route("GET", "/api/v1/reports/monthly", monthly_report);
}

}  // namespace siaran::daemon::api
