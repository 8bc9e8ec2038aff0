// SPDX-License-Identifier: GPL-3.0-or-later
// GET /api/v1/stats/daily (docs/api.md "Statistics"): parts sent, delivered and failed per local
// calendar day, for the web UI's dashboard chart.

#include <fmt/format.h>

#include "daemon/api/api_context.h"
#include "daemon/api/request_helpers.h"
#include "daemon/schedule/local_time.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

// The local midnights that start each of the `days` days ending with today's, and tomorrow's,
// which ends today: days + 1 instants (a day is 23 or 25 hours across a daylight-saving change).
std::vector<queue::timestamp> midnights(const schedule::time_zone& zone, const schedule::local_date& today, int days) {
  std::vector<queue::timestamp> bounds;
  for (int offset = -(days - 1); offset <= 1; ++offset) bounds.push_back(zone.to_utc(schedule::add_days(today, offset), 0, 0));
  return bounds;
}

http::response daily(api_context& c, const http::request& request) {
  const int days = static_cast<int>(query_number(request, "days", 7, 1, 31));
  const schedule::time_zone zone(c.timezone);
  const schedule::local_date today = zone.to_local(c.now()).date;
  const std::vector<queue::part_counts> counts = c.statistics.part_counts_between(midnights(zone, today, days));
  json out = json::array();
  for (int i = 0; i < days; ++i) {
    const schedule::local_date day = schedule::add_days(today, i - (days - 1));
    const queue::part_counts& n = counts[static_cast<std::size_t>(i)];
    out.push_back({{"date", fmt::format("{:04}-{:02}-{:02}", day.year, day.month, day.day)},
                   {"sent", n.sent},
                   {"delivered", n.delivered},
                   {"failed", n.failed}});
  }
  return json_reply(200, out);
}

}  // namespace

void add_stats_routes(http::router& routes, api_context& c) {
  routes.add("GET", "/api/v1/stats/daily", guarded([&c](const http::request& r) { return daily(c, r); }));
}

}  // namespace siaran::daemon::api
