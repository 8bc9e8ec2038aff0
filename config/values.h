// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Parsers for the configuration's single values. Each reads one yaml_value, reports what is
// wrong with it through yaml_value::error and returns nothing, or returns the typed value.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/config.h"
#include "config/walk.h"

namespace siaran::config::values {

template <class T>
using value_parser = std::function<std::optional<T>(const yaml_value&)>;

std::optional<std::string> text(const yaml_value& value);  // any non-empty scalar
std::optional<std::string> identifier(const yaml_value& value);  // [A-Za-z0-9_-]{1,64}
std::optional<std::string> device_port(const yaml_value& value);  // absolute path or "sim"
std::optional<std::string> pin(const yaml_value& value);
std::optional<std::string> phone_number(const yaml_value& value);
std::optional<std::string> ussd_code(const yaml_value& value);  // "*888#": digits, '*', '#'; quoted
std::optional<std::string> sha256_hex(const yaml_value& value);
std::optional<std::string> timezone(const yaml_value& value);
std::optional<std::string> region(const yaml_value& value);
std::optional<unsigned> baud(const yaml_value& value);
std::optional<std::chrono::seconds> duration(const yaml_value& value);
// "7d", "12h", "30m", "1d12h": between 1 s and 366 days; nothing for anything else. The API's
// durations read the same as the config's.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

value_parser<unsigned> whole_number(unsigned min, unsigned max);
value_parser<double> number(double min, double max);

struct listen_endpoint {
  std::string text;
  std::string host;
  std::uint16_t port;
};
std::optional<listen_endpoint> listen_address(const yaml_value& value);
std::optional<std::string> ip_address(const yaml_value& value);  // an IPv4 or IPv6 address, no port
// 127.0.0.0/8 or ::1: only this PC can connect to it.
bool is_loopback(const std::string& address);

template <class E>
using enum_names = std::vector<std::pair<std::string_view, E>>;

std::string joined(const std::vector<std::string_view>& words);

// One of a fixed set of words, e.g. log levels.
template <class E>
value_parser<E> one_of(enum_names<E> names) {
  return [names = std::move(names)](const yaml_value& value) -> std::optional<E> {
    auto word = text(value);
    if (!word) return std::nullopt;
    std::vector<std::string_view> choices;
    for (const auto& [name, e] : names) {
      if (*word == name) return e;
      choices.push_back(name);
    }
    value.error("'" + *word + "' is not one of " + joined(choices));
    return std::nullopt;
  };
}

}  // namespace siaran::config::values
