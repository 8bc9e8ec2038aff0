// SPDX-License-Identifier: GPL-3.0-or-later
// POST /api/v1/messages, POST /api/v1/messages/batch, GET /api/v1/messages[/{id}] (docs/api.md).

#include <spdlog/spdlog.h>

#include "common/log_text.h"
#include "daemon/api/api_context.h"
#include "daemon/api/message_json.h"
#include "daemon/api/officer_scope.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

constexpr std::size_t max_batch = 100'000;
constexpr std::size_t batch_body_limit = 32 * 1024 * 1024;

message_defaults defaults_of(const api_context& c) { return {c.region, c.valid_for, c.now(), c.delivery_reports}; }

http::response post_message(api_context& c, const http::request& request) {
  const parsed_message parsed = parse_message(json_body(request), defaults_of(c), c.concat_references);
  const queue::accepted accepted = c.messages.enqueue(parsed.message);
  c.queued();
  spdlog::debug("message {} queued ({} part(s)) by token {}", accepted.id, parsed.message.parts.size(),
                common::log_text(request.who.name));
  return json_reply(202, {{"id", accepted.id},
                          {"parts", parsed.message.parts.size()},
                          {"encoding", parsed.encoding},
                          {"duplicate", accepted.duplicate}});
}

// All or nothing: the first bad message refuses the batch, naming its index. Parsed and encoded
// on the reader thread (seconds for 100,000 messages); only the insert holds the writer.
http::response post_batch(api_context& c, const http::request& request) {
  const json body = json_body(request);
  if (!body.is_object() || !body.contains("messages") || !body["messages"].is_array()) {
    throw bad_request("the body must be {\"messages\": [...]}");
  }
  const json& items = body["messages"];
  if (items.empty() || items.size() > max_batch) throw bad_request("messages: give 1 to 100000 messages");
  std::vector<queue::new_message> messages;
  messages.reserve(items.size());
  std::size_t parts = 0;
  const message_defaults defaults = defaults_of(c);
  for (std::size_t i = 0; i < items.size(); ++i) {
    try {
      parsed_message parsed =
          parse_message(items[i], defaults, c.concat_references, "messages[" + std::to_string(i) + "].");
      parts += parsed.message.parts.size();
      messages.push_back(std::move(parsed.message));
    } catch (const bad_request& e) {
      return json_reply(400, {{"error", e.what()}, {"index", i}});
    }
  }
  std::vector<queue::accepted> accepted;
  c.on_writer([&](api_context& writer) { accepted = writer.messages.enqueue_batch(messages); });
  json ids = json::array();
  for (const queue::accepted& a : accepted) ids.push_back(a.id);
  c.queued();
  spdlog::info("batch of {} message(s), {} part(s) queued by token {}", messages.size(), parts,
               common::log_text(request.who.name));
  return json_reply(202, {{"ids", std::move(ids)}, {"parts", parts}});
}

http::response get_message(api_context& c, const http::request& request) {
  const std::int64_t id = path_id(request, "a message");
  const auto message = c.messages.message(id);
  if (!message || !sees(request.who, message->officer_id)) {
    return http::error_response(404, "no message " + std::to_string(id));
  }
  return json_reply(200, message_json(*message));
}

http::response list_messages(api_context& c, const http::request& request) {
  const auto state = request.query.find("state");
  if (state == request.query.end()) {
    throw bad_request("state is required: queued, sending, sent, delivered, failed, uncertain or cancelled");
  }
  queue::part_state wanted{};
  try {
    wanted = queue::part_state_from(state->second);
  } catch (const std::exception&) {
    throw bad_request("state: '" + state->second + "' is not one of queued, sending, sent, delivered, failed, "
                      "uncertain, cancelled");
  }
  const auto after = query_number(request, "after", 0, 0, INT64_MAX);
  const auto limit = static_cast<int>(query_number(request, "limit", 100, 1, 1000));
  return page_reply(c.messages.messages_by_state(wanted, after, limit, listed_officer(request.who)), limit,
                    message_json);
}

}  // namespace

void add_message_routes(http::router& routes, api_context& c) {
  // Raw sends carry no officer's sender tag: for scripts (API tokens, which act as admin) and
  // admins; officers send through broadcasts, signed as themselves.
  routes.add("POST", "/api/v1/messages", guarded([&c](const http::request& r) { return post_message(c, r); }),
             {.min_role = http::role::admin});
  routes.add("POST", "/api/v1/messages/batch", guarded([&c](const http::request& r) { return post_batch(c, r); }),
             {.auth = true, .max_body = batch_body_limit, .min_role = http::role::admin, .where = http::runs_on::reader});
  routes.add("GET", "/api/v1/messages/{id}", guarded([&c](const http::request& r) { return get_message(c, r); }));
  routes.add("GET", "/api/v1/messages", guarded([&c](const http::request& r) { return list_messages(c, r); }));
}

}  // namespace siaran::daemon::api
