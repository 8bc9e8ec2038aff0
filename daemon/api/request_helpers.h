#pragma once

// What every API handler does to a request before its own work: the JSON body, numbers from
// the query, and bad_request turned into the API's 400.

#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "daemon/api/message_request.h"
#include "daemon/http/router.h"

namespace siaran::daemon::api {

// The body as JSON; bad_request when it is not application/json or not valid JSON.
nlohmann::json json_body(const http::request& request);
// The query parameter as a whole number in [min, max], `fallback` when absent.
std::int64_t query_number(const http::request& request, const char* name, std::int64_t fallback, std::int64_t min,
                          std::int64_t max);
// The handler, with a bad_request it throws answered as 400 {"error": ...}.
http::handler guarded(http::handler inner);
http::response json_reply(int status, const nlohmann::json& body);

}  // namespace siaran::daemon::api
