// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/config.h"

#include <array>

namespace siaran::config {
namespace {

template <class E, std::size_t N>
std::string_view name_of(E e, const std::array<std::string_view, N>& names) {
  auto index = static_cast<std::size_t>(e);
  return index < N ? names[index] : "?";
}

}  // namespace

std::string_view to_string(log_severity level) {
  return name_of(level, std::array<std::string_view, 5>{"trace", "debug", "info", "warn", "error"});
}

std::string_view to_string(uncertain_policy policy) {
  return name_of(policy, std::array<std::string_view, 2>{"resend", "hold"});
}

std::string_view to_string(network_operator op) {
  return name_of(op, std::array<std::string_view, 6>{"telkomsel", "indosat", "xl", "axis", "tri",
                                                     "smartfren"});
}

std::string_view balance_code(network_operator op) {
  return name_of(op, std::array<std::string_view, 6>{"*888#", "*555#", "*123#", "*123#", "*111#", "*999#"});
}

std::string summary(const daemon_config& config) {
  std::string modems;
  for (const modem_config& modem : config.modems) {
    modems += (modems.empty() ? "" : ", ") + modem.id + (modem.simulated() ? " (sim)" : "");
  }
  std::string rate = std::to_string(config.throttle.rate_per_second);
  rate.erase(rate.find_last_not_of('0') + 1);  // "35.000000" -> "35." -> "35"
  if (rate.back() == '.') rate.pop_back();
  const std::string throttle = config.throttle.rate_per_second == 0
                                   ? "unthrottled"
                                   : "throttle " + rate + " parts/s burst " + std::to_string(config.throttle.burst);
  std::string binds;
  for (const smpp_config& bind : config.smpp) {
    binds += (binds.empty() ? "" : ", ") + bind.id + (bind.simulated() ? " (sim)" : " (" + bind.host + ")");
  }
  return std::to_string(config.modems.size()) + " modem(s) [" + modems + "], " +
         std::to_string(config.smpp.size()) + " SMPP bind(s) [" + binds + "], " + throttle + ", database " +
         config.database + ", listen " + config.http.listen + (config.http.tls ? " (HTTPS)" : " (plain HTTP)") + ", " +
         std::to_string(config.http.tokens.size()) + " API token(s), timezone " +
         config.timezone + ", region " + config.region + ", on_uncertain " +
         std::string(to_string(config.on_uncertain)) + ", log_level " +
         std::string(to_string(config.log_level));
}

}  // namespace siaran::config
