// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every API handler does to a request before its own work: the JSON body, numbers from
// the query, and bad_request turned into the API's 400.

#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/api/message_request.h"
#include "daemon/http/router.h"
#include "queue/store_error.h"

namespace siaran::daemon::api {

// The body as JSON; bad_request when it is not application/json or not valid JSON (naming
// the key of a number too large to read, such as 1e400).
nlohmann::json json_body(const http::request& request);
// The query parameter as a whole number in [min, max], `fallback` when absent.
std::int64_t query_number(const http::request& request, const char* name, std::int64_t fallback, std::int64_t min,
                          std::int64_t max);
// The handler, with a bad_request it throws answered as 400 {"error": ...}, so is any JSON
// library exception, a forbidden as 403, and a store_error as store_error_response says.
http::handler guarded(http::handler inner);
// 503 with Retry-After for a store kept busy by another process, 507 for a full disk, 503
// naming the cause for the rest (a missing or damaged file, one that refuses writes, another
// failure): never 500.
http::response store_error_response(const queue::store_error& e);
http::response store_busy_response();
http::response json_reply(int status, const nlohmann::json& body);

// {"messages": [...], "next_after": the last id, or null when this page was not full}: the one
// shape of every paged list in the API.
template <class Record, class ToJson>
http::response page_reply(const std::vector<Record>& found, int limit, ToJson to_json) {
  nlohmann::json messages = nlohmann::json::array();
  for (const Record& record : found) messages.push_back(to_json(record));
  const bool full = static_cast<int>(found.size()) == limit;
  return json_reply(200, {{"messages", std::move(messages)},
                          {"next_after", full ? nlohmann::json(found.back().id) : nlohmann::json(nullptr)}});
}

}  // namespace siaran::daemon::api
