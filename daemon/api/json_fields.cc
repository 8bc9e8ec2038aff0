// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/json_fields.h"

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

#include "daemon/api/message_request.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

// The value as the client wrote it, cut short so that a refusal never echoes a whole body.
std::string shown(const json& value) {
  constexpr std::size_t longest = 40;
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  return text.size() <= longest ? text : text.substr(0, longest) + "...";
}

// JSON whole numbers that fit in 64 signed bits; nlohmann reads a non-negative one as unsigned.
std::optional<std::int64_t> signed_value(const json& value) {
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
    return static_cast<std::int64_t>(u);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
}

// The field's value, nullptr when absent or null.
const json* given(const json& body, std::string_view key) {
  if (!body.is_object()) return nullptr;
  const auto found = body.find(std::string(key));
  return found == body.end() || found->is_null() ? nullptr : &*found;
}

[[noreturn]] void refuse(std::string_view prefix, std::string_view key, const std::string& what) {
  throw bad_request(std::string(prefix) + std::string(key) + ": " + what);
}

}  // namespace

std::int64_t whole_number(const json& value, std::string_view name, whole_range range) {
  const auto number = signed_value(value);
  if (!number || *number < range.min || *number > range.max) {
    throw bad_request(std::string(name) + ": " + shown(value) + " is not a whole number from " +
                      std::to_string(range.min) + " to " + std::to_string(range.max));
  }
  return *number;
}

std::vector<std::int64_t> id_list(const json& value, std::string_view name) {
  if (!value.is_array()) throw bad_request(std::string(name) + ": must be a list of ids");
  std::vector<std::int64_t> ids;
  for (const json& id : value) ids.push_back(whole_number(id, name, id_range));
  return ids;
}

std::optional<std::int64_t> field_integer(const json& body, std::string_view key, whole_range range,
                                          std::string_view prefix) {
  const json* value = given(body, key);
  if (!value) return std::nullopt;
  return whole_number(*value, std::string(prefix) + std::string(key), range);
}

std::optional<std::string> field_string(const json& body, std::string_view key, std::string_view prefix) {
  const json* value = given(body, key);
  if (!value) return std::nullopt;
  if (!value->is_string()) refuse(prefix, key, "must be a string");
  return value->get<std::string>();
}

std::optional<bool> field_boolean(const json& body, std::string_view key, std::string_view prefix) {
  const json* value = given(body, key);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) refuse(prefix, key, "must be true or false");
  return value->get<bool>();
}

void require_known_fields(const json& body, std::span<const std::string_view> known) {
  if (!body.is_object()) throw bad_request("the body must be a JSON object");
  for (const auto& [key, value] : body.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) throw bad_request("unknown field '" + key + "'");
  }
}

std::string required_string(const json& body, std::string_view key, std::string_view prefix) {
  auto text = field_string(body, key, prefix);
  if (!text) refuse(prefix, key, "is required");
  if (text->empty()) refuse(prefix, key, "must be a non-empty string");
  return *text;
}

}  // namespace siaran::daemon::api
