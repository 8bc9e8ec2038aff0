// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/request_helpers.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <string>
#include <string_view>

#include "common/log_text.h"
#include "daemon/api/officer_scope.h"
#include "queue/store_error.h"
#include "queue/store_health.h"

namespace siaran::daemon::api {
namespace {

// nlohmann's own words without their "[json.exception.out_of_range.406] " tag.
std::string_view library_reason(const nlohmann::json::exception& e) {
  const std::string_view what = e.what();
  const auto tag_end = what.find("] ");
  return tag_end == std::string_view::npos ? what : what.substr(tag_end + 2);
}

// The key whose value the parser gave up on (a number too large for a double, 1e400): read
// again, only after such a failure, noting each key as it goes.
std::string key_read_last(const std::string& text) {
  std::string key;
  [[maybe_unused]] const nlohmann::json until_failure = nlohmann::json::parse(
      text,
      [&key](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event == nlohmann::json::parse_event_t::key) key = parsed.get<std::string>();
        return true;
      },
      false);
  return key;
}

}  // namespace

nlohmann::json json_body(const http::request& request) {
  if (request.content_type != "application/json") {
    throw bad_request("the body must be JSON (Content-Type: application/json)");
  }
  try {
    return nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& e) {
    throw bad_request(std::string("the body is not valid JSON: ") + e.what());
  } catch (const nlohmann::json::exception& e) {
    const std::string key = key_read_last(request.body);
    throw bad_request((key.empty() ? "the body" : key) + ": cannot be read, " + std::string(library_reason(e)));
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
    } catch (const forbidden& e) {
      return http::error_response(403, e.what());
    } catch (const queue::store_error& e) {
      spdlog::warn("HTTP API: {} {}: {}", common::log_text(request.method), common::log_text(request.path), e.what());
      return store_error_response(e);
    } catch (const nlohmann::json::exception& e) {
      // A field a handler read without the checks of json_fields.h: still the client's JSON
      // that is wrong, so a 400, never a 500.
      spdlog::debug("HTTP API: {} {}: unchecked JSON: {}", common::log_text(request.method),
                    common::log_text(request.path), e.what());
      return http::error_response(400, "the request's JSON could not be read: " + std::string(library_reason(e)));
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
