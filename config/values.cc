// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/values.h"

#include "common/ussd_code.h"

#include <arpa/inet.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <type_traits>

namespace siaran::config::values {
namespace {

bool all_of(std::string_view s, int (*predicate)(int)) {
  return std::all_of(s.begin(), s.end(), [&](char c) { return predicate(static_cast<unsigned char>(c)) != 0; });
}

bool is_plain(const yaml_value& value) { return value.node.Tag() == "?"; }

template <class T>
std::optional<T> parse_decimal(std::string_view s) {
  T out{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return out;
}

template <class T>
std::string show(T n) {
  std::array<char, 32> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), n);
  return ec == std::errc() ? std::string(buffer.data(), end) : "?";
}

// `what` names the kind of number in the message: "a whole number", "a number".
template <class T>
value_parser<T> in_range(T min, T max, std::string what) {
  return [min, max, what](const yaml_value& value) -> std::optional<T> {
    auto s = text(value);
    if (!s) return std::nullopt;
    auto n = parse_decimal<T>(*s);
    bool finite = true;
    if constexpr (std::is_floating_point_v<T>) finite = n && std::isfinite(*n);
    if (!n || !finite || *n < min || *n > max) {
      value.error(*s + " is not " + what + " from " + show(min) + " to " + show(max));
      return std::nullopt;
    }
    return n;
  };
}

std::string zoneinfo_dir() {
  const char* dir = std::getenv("TZDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

// A compiled IANA zone starts with the magic "TZif" (RFC 8536, section 3.1).
bool is_tzif_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 4> magic{};
  return in.read(magic.data(), magic.size()) && std::string_view(magic.data(), 4) == "TZif";
}

const std::set<std::string>& supported_regions() {
  static const std::set<std::string> regions = [] {
    std::set<std::string> out;
    i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetSupportedRegions(&out);
    return out;
  }();
  return regions;
}

}  // namespace

std::string joined(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

std::optional<std::string> text(const yaml_value& value) {
  if (value.node.IsNull()) {
    value.error("has no value; give one or remove the key");
    return std::nullopt;
  }
  if (!value.node.IsScalar()) {
    value.error(std::string("expected a single value, got a ") +
                (value.node.IsMap() ? "mapping" : "list"));
    return std::nullopt;
  }
  if (value.node.Scalar().empty()) {
    value.error("is empty");
    return std::nullopt;
  }
  if (value.node.Scalar().find('\0') != std::string::npos) {
    value.error("contains a NUL character");
    return std::nullopt;
  }
  return value.node.Scalar();
}

std::optional<std::string> identifier(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  bool ok = s->size() <= 64 && std::all_of(s->begin(), s->end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
  });
  if (!ok) {
    value.error("'" + *s + "' must be 1 to 64 letters, digits, '_' or '-'");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> device_port(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  if (*s != modem_config::sim_port && s->front() != '/') {
    value.error("'" + *s + "' must be a device path such as /dev/ttyUSB0 or " +
                "/dev/serial/by-id/..., or \"sim\" for the built-in simulated modem");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> pin(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  if (is_plain(value) && all_of(*s, std::isdigit)) {
    // Most YAML readers turn an unquoted 0123 into the number 123; a PIN is a string.
    value.error("must be quoted, e.g. pin: \"" + *s + "\"");
    return std::nullopt;
  }
  if (s->size() < 4 || s->size() > 8 || !all_of(*s, std::isdigit)) {
    value.error("must be 4 to 8 digits");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> phone_number(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  std::string_view digits = *s;
  if (digits.front() == '+') digits.remove_prefix(1);
  if (digits.size() < 3 || digits.size() > 20 || !all_of(digits, std::isdigit)) {
    value.error("'" + *s + "' must be a phone number: digits with an optional leading '+'");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> sha256_hex(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  bool lower_hex = std::all_of(s->begin(), s->end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  if (s->size() != 64 || !lower_hex) {
    value.error("must be 64 lowercase hexadecimal digits (the SHA-256 that `siaran token new` prints)");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> timezone(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  bool name_ok = s->front() != '/' && s->find("..") == std::string::npos &&
                 std::all_of(s->begin(), s->end(), [](char c) {
                   return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                          std::string_view("/_+-").find(c) != std::string_view::npos;
                 });
  std::string file = zoneinfo_dir() + "/" + *s;
  if (!name_ok || !is_tzif_file(file)) {
    value.error("'" + *s + "' is not a known IANA time zone such as Asia/Jakarta (no zone file " +
                file + "; is the tzdata package installed?)");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> region(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  if (supported_regions().count(*s) == 0) {
    value.error("'" + *s + "' is not a region libphonenumber knows: two capital letters, e.g. ID");
    return std::nullopt;
  }
  return s;
}

std::optional<unsigned> baud(const yaml_value& value) {
  static constexpr std::array<unsigned, 11> standard = {
      1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600};
  auto s = text(value);
  if (!s) return std::nullopt;
  auto rate = parse_decimal<unsigned>(*s);
  if (!rate || std::find(standard.begin(), standard.end(), *rate) == standard.end()) {
    std::string list;
    for (unsigned r : standard) list += (list.empty() ? "" : ", ") + std::to_string(r);
    value.error(*s + " is not a standard baud rate (one of " + list + ")");
    return std::nullopt;
  }
  return rate;
}

std::optional<std::string> ussd_code(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  if (!common::valid_ussd_code(*s)) {
    value.error("'" + *s + "' is not a USSD code such as \"*888#\" (digits, '*' and '#', ending in '#', quoted)");
    return std::nullopt;
  }
  return s;
}

std::optional<std::chrono::seconds> duration(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  auto total = parse_duration(*s);
  if (!total) value.error("'" + *s + "' is not a duration between 1s and 366d, such as 7d, 12h, 30m or 1d12h");
  return total;
}

std::optional<std::chrono::seconds> parse_duration(std::string_view rest) {
  static constexpr std::chrono::seconds max_duration = std::chrono::hours(24 * 366);
  std::chrono::seconds total{0};
  bool ok = !rest.empty();
  while (ok && !rest.empty()) {
    std::size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits])) != 0) ++digits;
    auto count = parse_decimal<std::uint32_t>(rest.substr(0, digits));
    std::size_t unit_at = std::min(digits, rest.size());
    std::string_view units = "smhd";
    std::size_t unit = unit_at < rest.size() ? units.find(rest[unit_at]) : std::string_view::npos;
    ok = count.has_value() && unit != std::string_view::npos;
    if (ok) {
      static constexpr std::array<std::int64_t, 4> seconds_per = {1, 60, 3600, 86400};
      total += std::chrono::seconds(static_cast<std::int64_t>(*count) * seconds_per[unit]);
      ok = total <= max_duration;
      rest.remove_prefix(unit_at + 1);
    }
  }
  if (!ok || total.count() == 0) return std::nullopt;
  return total;
}

value_parser<unsigned> whole_number(unsigned min, unsigned max) {
  return in_range<unsigned>(min, max, "a whole number");
}

value_parser<double> number(double min, double max) { return in_range<double>(min, max, "a number"); }

std::optional<std::string> ip_address(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  std::array<unsigned char, 16> address{};
  if (inet_pton(AF_INET, s->c_str(), address.data()) == 1 || inet_pton(AF_INET6, s->c_str(), address.data()) == 1) {
    return s;
  }
  value.error("'" + *s + "' is not an IP address (IPv4 or IPv6, without a port or a mask), e.g. 127.0.0.1");
  return std::nullopt;
}

bool is_loopback(const std::string& address) {
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET, address.c_str(), bytes.data()) == 1) return bytes[0] == 127;
  static constexpr std::array<unsigned char, 16> ipv6_loopback{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  return inet_pton(AF_INET6, address.c_str(), bytes.data()) == 1 && bytes == ipv6_loopback;
}

std::optional<listen_endpoint> listen_address(const yaml_value& value) {
  auto s = text(value);
  if (!s) return std::nullopt;
  std::string host;
  std::string_view port_text;
  bool ok = false;
  std::array<unsigned char, 16> address{};
  if (s->front() == '[') {
    std::size_t close = s->find("]:");
    if (close != std::string::npos) {
      host = s->substr(1, close - 1);
      port_text = std::string_view(*s).substr(close + 2);
      ok = inet_pton(AF_INET6, host.c_str(), address.data()) == 1;
    }
  } else {
    std::size_t colon = s->rfind(':');
    if (colon != std::string::npos) {
      host = s->substr(0, colon);
      port_text = std::string_view(*s).substr(colon + 1);
      ok = inet_pton(AF_INET, host.c_str(), address.data()) == 1;
    }
  }
  auto port = parse_decimal<std::uint16_t>(port_text);
  if (!ok || !port || *port == 0) {
    value.error("'" + *s + "' is not an address to listen on: IPv4:port or [IPv6]:port with a " +
                "port from 1 to 65535, e.g. 127.0.0.1:8080 or [::1]:8080");
    return std::nullopt;
  }
  return listen_endpoint{*s, host, *port};
}

}  // namespace siaran::config::values
