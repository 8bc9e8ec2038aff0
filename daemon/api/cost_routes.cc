// SPDX-License-Identifier: GPL-3.0-or-later
// GET /api/v1/modems/costs (docs/api.md "Modems and the queue"): each SIM's parts sent and their
// rupiah in one calendar month of the configured time zone, for the Modem page and the office's
// accounts.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "daemon/api/api_context.h"
#include "daemon/api/request_helpers.h"
#include "daemon/schedule/local_time.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

// ?month=YYYY-MM (a month's first day), else this month as the office counts it.
schedule::local_date month_asked(const http::request& request, const schedule::local_date& today) {
  const auto found = request.query.find("month");
  if (found == request.query.end() || found->second.empty()) return {today.year, today.month, 1};
  const std::string& text = found->second;
  const auto digit_at = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])) != 0; };
  const bool shaped = text.size() == 7 && text[4] == '-' && digit_at(0) && digit_at(1) && digit_at(2) && digit_at(3) &&
                      digit_at(5) && digit_at(6);
  const int year = shaped ? std::stoi(text.substr(0, 4)) : 0;
  const int month = shaped ? std::stoi(text.substr(5)) : 0;
  if (year < 2000 || month < 1 || month > 12) throw bad_request("month must be YYYY-MM, e.g. 2026-12");
  return {year, month, 1};
}

schedule::local_date next_month(const schedule::local_date& first) {
  if (first.month == 12) return {first.year + 1, 1, 1};
  return {first.year, first.month + 1, 1};
}

// The configured modems in config order, also those that sent nothing, then any other that sent
// in the month (a modem since removed from the config).
std::vector<std::string> modem_ids(api_context& c, const std::map<std::string, queue::modem_cost>& costs) {
  std::vector<std::string> ids;
  c.on_io([&] {
    for (const auto& m : c.pool.modems()) ids.push_back(m->status().id);
  });
  for (const auto& [id, cost] : costs) {
    if (std::ranges::find(ids, id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

http::response monthly_costs(api_context& c, const http::request& request) {
  const schedule::time_zone zone(c.timezone);
  const schedule::local_date first = month_asked(request, zone.to_local(c.now()).date);
  const auto costs = c.statistics.modem_costs_between(zone.to_utc(first, 0, 0), zone.to_utc(next_month(first), 0, 0));
  json modems = json::array();
  queue::modem_cost total;
  for (const std::string& id : modem_ids(c, costs)) {
    const auto found = costs.find(id);
    const queue::modem_cost cost = found == costs.end() ? queue::modem_cost{} : found->second;
    modems.push_back({{"id", id}, {"parts", cost.parts}, {"cost", cost.rupiah}});
    total.parts += cost.parts;
    total.rupiah += cost.rupiah;
  }
  return json_reply(200, {{"month", fmt::format("{:04}-{:02}", first.year, first.month)},
                          {"modems", std::move(modems)},
                          {"parts", total.parts},
                          {"cost", total.rupiah}});
}

}  // namespace

void add_cost_routes(http::router& routes, api_context& c) {
  routes.add("GET", "/api/v1/modems/costs", guarded([&c](const http::request& r) { return monthly_costs(c, r); }));
}

}  // namespace siaran::daemon::api
