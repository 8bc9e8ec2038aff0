// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/control.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "smpp/pdu.h"

namespace siaran::smscsim {
namespace {

using nlohmann::json;

json counts_of(const smsc_counts& counts) {
  return {{"connections", counts.connections},
          {"binds", counts.binds},
          {"bind_refusals", counts.bind_refusals},
          {"submits", counts.submits},
          {"refused", counts.refused},
          {"throttled", counts.throttled},
          {"failed", counts.failed},
          {"unanswered", counts.unanswered},
          {"receipts", counts.receipts},
          {"messages", counts.messages},
          {"redeliveries", counts.redeliveries},
          {"generic_nacks", counts.generic_nacks},
          {"enquire_links", counts.enquire_links},
          {"drops", counts.drops}};
}

json status_of(const smsc_status& status) {
  return {{"counts", counts_of(status.counts)},
          {"bound", status.bound},
          {"pending", status.pending},
          {"in_flight", status.in_flight},
          {"throttle", status.throttle},
          {"silent", status.silent},
          {"refusing_binds", status.refusing_binds},
          {"drop_after", status.drop_after ? json(*status.drop_after) : json(nullptr)},
          {"failing", status.failing}};
}

std::uint32_t command_status_of(const json& value) {
  if (value.is_number_unsigned()) return value.get<std::uint32_t>();
  if (value.is_string()) return parse_command_status(value.get<std::string>());
  throw std::invalid_argument("status is a name (\"ESME_RSYSERR\") or a number");
}

unsigned count_of(const json& value, std::string_view what) {
  if (!value.is_number_unsigned())
    throw std::invalid_argument(std::string(what) + " is a number from 0");
  return value.get<unsigned>();
}

mo_message mo_of(const json& value) {
  mo_message message{.from = value.at("from").get<std::string>(),
                     .to = value.at("to").get<std::string>(),
                     .text = value.at("text").get<std::string>(),
                     .data_coding = std::nullopt,
                     .system_id = value.value("system_id", "")};
  if (value.contains("data_coding"))
    message.data_coding = value.at("data_coding").get<std::uint8_t>();
  return message;
}

void set_throttle(const json& value, smsc& server) {
  if (!value.is_object()) return server.set_throttle(count_of(value, "throttle"));
  server.set_throttle(count_of(value.at("rate"), "rate"));
  if (value.contains("status")) server.set_throttle_status(command_status_of(value.at("status")));
}

json apply_request(const json& request, smsc& server) {
  if (!request.is_object() || request.size() != 1)
    throw std::invalid_argument("expected an object with one key, e.g. {\"status\": true}");
  const std::string key = request.begin().key();
  const json& value = request.begin().value();
  json ack{{"ok", true}, {"command", key}};
  if (key == "inject") {
    ack["parts"] = server.inject(mo_of(value));
  } else if (key == "drop") {
    if (value.get<bool>()) server.drop_connections();
  } else if (key == "drop_after") {
    server.drop_after(count_of(value, "drop_after"));
  } else if (key == "silence") {
    server.set_silent(value.get<bool>());
  } else if (key == "fail_next") {
    server.fail_next(count_of(value.at("count"), "count"), command_status_of(value.at("status")));
  } else if (key == "throttle") {
    set_throttle(value, server);
  } else if (key == "receipt_rules") {
    server.set_receipt_rules(parse_receipt_rules(value.get<std::string>()));
  } else if (key == "refuse_binds") {
    server.refuse_binds(value.get<bool>());
  } else if (key != "status") {
    throw std::invalid_argument("unknown control \"" + key + "\"");
  }
  ack["status"] = status_of(server.status());
  return ack;
}

}  // namespace

std::uint32_t parse_command_status(std::string_view text) {
  // Every name the codec knows is below 0x100 (§5.1.3); above are vendor codes, given by number.
  for (std::uint32_t candidate = 0; candidate < 0x100; ++candidate)
    if (smpp::status_name(candidate) == text) return candidate;
  const bool hex = text.starts_with("0x") || text.starts_with("0X");
  const std::string_view digits = hex ? text.substr(2) : text;
  std::uint32_t value = 0;
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size())
    throw std::invalid_argument("unknown command_status \"" + std::string(text) +
                                "\" (e.g. ESME_RSYSERR or 0x08)");
  return value;
}

std::string apply_control_line(std::string_view line, smsc& server) {
  try {
    return apply_request(json::parse(line), server).dump();
  } catch (const std::exception& e) {
    return json{{"ok", false}, {"error", e.what()}}.dump(-1, ' ', false,
                                                         json::error_handler_t::replace);
  }
}

}  // namespace siaran::smscsim
