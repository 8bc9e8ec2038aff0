// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/balance_routes.h"

#include <spdlog/spdlog.h>

#include "common/log_text.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/message_json.h"
#include "daemon/api/request_helpers.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

// Why a low modem sends nothing, in the words of the log.
json resting_reason(const balance_reading& reading, std::int64_t threshold) {
  if (!reading.resting) return nullptr;
  return "balance Rp " + std::to_string(reading.balance.value_or(0)) + " is below the threshold Rp " +
         std::to_string(threshold) + "; it sends again once a check finds it topped up";
}

// Answers at once: the check waits for the modem to finish its part and for the network, which
// takes seconds. GET /api/v1/modems shows "balance_checking" meanwhile, then the result.
http::response check_balance(api_context& c, const http::request& request) {
  const std::string& id = request.params.at("id");
  bool found = false;
  bool has_code = false;
  c.on_io([&] {
    const auto& all = c.pool.modems();
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i]->options().id != id) continue;
      found = true;
      has_code = c.balances->check_now(i);
    }
  });
  if (!found) return http::error_response(404, "no modem " + id);
  if (!has_code) {
    return http::error_response(409, "modem " + id + " has no balance code: set ussd_balance or operator in its "
                                                     "config");
  }
  spdlog::info("balance check of modem {} asked for by {}", id, common::log_text(request.who.name));
  return json_reply(202, {{"id", id}, {"checking", true}});
}

}  // namespace

json balance_fields(const balance_reading& reading, const modem::modem_entry& entry) {
  const std::int64_t threshold = entry.balance_threshold;
  return {{"balance_code", text_or_null(entry.balance_code)},
          {"balance", or_null(reading.balance)},
          {"balance_at", reading.at ? json(iso_utc(*reading.at)) : json(nullptr)},
          {"balance_text", text_or_null(reading.text)},
          {"balance_error", text_or_null(reading.error)},
          {"balance_threshold", threshold > 0 ? json(threshold) : json(nullptr)},
          {"balance_low", reading.low},
          {"balance_checking", reading.checking},
          {"resting_reason", resting_reason(reading, threshold)}};
}

void add_balance_routes(http::router& routes, api_context& c) {
  routes.add("POST", "/api/v1/modems/{id}/balance",
             guarded([&c](const http::request& r) { return check_balance(c, r); }), {.min_role = http::role::admin});
}

}  // namespace siaran::daemon::api
