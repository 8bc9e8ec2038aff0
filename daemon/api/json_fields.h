// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A request body's fields, read with their type and range checked: a wrong type, a number out
// of range or a missing field is a bad_request naming the field and what it must be (400),
// never an exception of the JSON library. Every number a handler reads goes through these;
// the ranges are named here once and listed in docs/api.md.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace siaran::daemon::api {

struct whole_range {
  std::int64_t min;
  std::int64_t max;
};

// A message's, broadcast's or recurring broadcast's priority: higher goes first.
inline constexpr whole_range priority_range{-100, 100};
// Any id (contact, group, officer, ...): 2^53 - 1 is the largest whole number a browser's
// JavaScript holds exactly, so the web page can never show an id other than the one stored.
inline constexpr whole_range id_range{1, 9'007'199'254'740'991};

// `name` is the field as errors call it: "priority", "messages[3].priority", "audience.groups".
std::int64_t whole_number(const nlohmann::json& value, std::string_view name, whole_range range);
// The list's ids, each in id_range.
std::vector<std::int64_t> id_list(const nlohmann::json& value, std::string_view name);

// Fields of an object: absent or null is "not given" (nullopt); `prefix` goes before the key
// in errors ("messages[3].").
std::optional<std::int64_t> field_integer(const nlohmann::json& body, std::string_view key, whole_range range,
                                          std::string_view prefix = "");
std::optional<std::string> field_string(const nlohmann::json& body, std::string_view key,
                                        std::string_view prefix = "");
std::optional<bool> field_boolean(const nlohmann::json& body, std::string_view key, std::string_view prefix = "");
// Throws bad_request unless `body` is an object whose keys are all `known`.
void require_known_fields(const nlohmann::json& body, std::span<const std::string_view> known);
// A string that must be given and not be empty.
std::string required_string(const nlohmann::json& body, std::string_view key, std::string_view prefix = "");

}  // namespace siaran::daemon::api
