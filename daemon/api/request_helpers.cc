// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/request_helpers.h"

#include <spdlog/spdlog.h>

#include <charconv>

#include "queue/store_error.h"
#include "queue/store_health.h"

namespace siaran::daemon::api {

nlohmann::json json_body(const http::request& request) {
  if (request.content_type != "application/json") {
    throw bad_request("the body must be JSON (Content-Type: application/json)");
  }
  try {
    return nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& e) {
    throw bad_request(std::string("the body is not valid JSON: ") + e.what());
  }
}

std::int64_t query_number(const http::request& request, const char* name, std::int64_t fallback, std::int64_t min,
                          std::int64_t max) {
  const auto found = request.query.find(name);
  if (found == request.query.end()) return fallback;
  const std::string& text = found->second;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    throw bad_request(std::string(name) + ": '" + text + "' is not a whole number from " + std::to_string(min) +
                      " to " + std::to_string(max));
  }
  return value;
}

http::handler guarded(http::handler inner) {
  return [inner = std::move(inner)](const http::request& request) {
    try {
      return inner(request);
    } catch (const bad_request& e) {
      return http::error_response(400, e.what());
    } catch (const queue::store_error& e) {
      spdlog::warn("HTTP API: {} {}: {}", request.method, request.path, e.what());
      return store_error_response(e);
    }
  };
}

// Each fault its own status and sentence: a client can tell "try again in a moment" (busy)
// from "someone must act" (the rest), and nothing the store refused is a bare 500.
http::response store_error_response(const queue::store_error& e) {
  switch (e.fault()) {
    case queue::store_fault::busy: return store_busy_response();
    case queue::store_fault::full: return http::error_response(507, std::string("the disk is full: ") + e.what());
    case queue::store_fault::missing:
      return http::error_response(503, "the database file was deleted or replaced; nothing was changed: " +
                                           std::string(queue::explain(queue::store_health::missing)));
    case queue::store_fault::corrupt:
      return http::error_response(503, "the database file is damaged; nothing was changed: " +
                                           std::string(queue::explain(queue::store_health::corrupt)));
    case queue::store_fault::unwritable:
      return http::error_response(503, std::string("the database cannot be written; nothing was changed: ") +
                                           e.what());
    case queue::store_fault::other: break;
  }
  return http::error_response(503, std::string("the database refused the change; nothing was changed: ") + e.what());
}

// Another process holds the store's write lock: nothing was changed, and the same request may
// succeed in a moment.
http::response store_busy_response() {
  http::response busy = http::error_response(
      503, "the database is locked by another program (a backup or maintenance); nothing was changed, try again");
  busy.headers.emplace_back("Retry-After", "2");
  return busy;
}

http::response json_reply(int status, const nlohmann::json& body) {
  // Replace invalid UTF-8 (an undecodable SMS text) rather than throw while answering.
  return http::json_response(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace siaran::daemon::api
