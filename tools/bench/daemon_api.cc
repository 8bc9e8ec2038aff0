// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/daemon_api.h"

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace siaran::tools::bench {
namespace {

using nlohmann::json;

json parse_reply(const std::string& what, const api_reply& reply, int expected) {
  if (reply.status != expected) {
    throw api_error(what + ": HTTP " + std::to_string(reply.status) + " " + reply.body);
  }
  try {
    return json::parse(reply.body);
  } catch (const json::exception& e) {
    throw api_error(what + ": the answer is not JSON (" + e.what() + ")");
  }
}

sent_message read_sent(const json& message) {
  sent_message result{parse_utc_ms(message.at("created_at").get<std::string>()), {}};
  for (const auto& part : message.at("parts")) {
    result.part_sent_ms.push_back(parse_utc_ms(part.at("sent_at").get<std::string>()));
  }
  return result;
}

}  // namespace

std::optional<health_status> daemon_api::health() {
  api_reply reply;
  try {
    reply = client_.get("/healthz");
  } catch (const api_unreachable&) {
    return std::nullopt;
  }
  const json body = parse_reply("GET /healthz", reply, 200);
  return health_status{body.at("modems").get<unsigned>(), body.at("modems_ready").get<unsigned>()};
}

queue_status daemon_api::queue() {
  const json body = parse_reply("GET /api/v1/queue", client_.get("/api/v1/queue"), 200);
  return {body.at("queued").get<long long>(), body.at("in_flight").get<long long>(),
          body.at("sent").get<long long>(), body.at("failed").get<long long>()};
}

std::vector<modem_status> daemon_api::modems() {
  std::vector<modem_status> result;
  for (const auto& modem : parse_reply("GET /api/v1/modems", client_.get("/api/v1/modems"), 200)) {
    result.push_back({modem.at("id").get<std::string>(), modem.at("sent").get<long long>(),
                      modem.at("failed").get<long long>(), modem.at("busy_ms").get<double>()});
  }
  return result;
}

long long daemon_api::queue_batch(std::span<const outgoing_message> messages) {
  json list = json::array();
  // report: false, so a delivery report never moves a message on to `delivered` before the
  // bench pages through `sent` for the send times.
  for (const auto& message : messages) list.push_back({{"to", message.to}, {"text", message.text}, {"report", false}});
  const json body = json{{"messages", std::move(list)}};
  const auto reply = client_.post("/api/v1/messages/batch", body.dump());
  return parse_reply("POST /api/v1/messages/batch", reply, 202).at("parts").get<long long>();
}

std::vector<sent_message> daemon_api::sent_messages() {
  std::vector<sent_message> result;
  std::string after;
  for (;;) {
    const std::string target = "/api/v1/messages?state=sent&limit=1000" + after;
    const json page = parse_reply("GET " + target, client_.get(target), 200);
    for (const auto& message : page.at("messages")) result.push_back(read_sent(message));
    if (page.at("next_after").is_null() || page.at("messages").empty()) return result;
    after = "&after=" + std::to_string(page.at("next_after").get<long long>());
  }
}

json daemon_api::get_json(const std::string& target) {
  return parse_reply("GET " + target, client_.get(target), 200);
}

json daemon_api::post_json(const std::string& target, const std::string& body, int expected,
                           std::string_view content_type) {
  return parse_reply("POST " + target, client_.post(target, body, content_type), expected);
}

double parse_utc_ms(const std::string& text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  char zone = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d%c", &year, &month, &day, &hour, &minute,
                  &second, &millis, &zone) != 8 || zone != 'Z') {
    throw api_error("not an ISO 8601 UTC time with milliseconds: \"" + text + "\"");
  }
  using namespace std::chrono;
  const sys_days date{std::chrono::year{year} / month / day};
  const auto time = date + hours{hour} + minutes{minute} + seconds{second} + milliseconds{millis};
  return static_cast<double>(duration_cast<milliseconds>(time.time_since_epoch()).count());
}

}  // namespace siaran::tools::bench
