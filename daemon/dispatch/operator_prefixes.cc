// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/operator_prefixes.h"

#include <algorithm>
#include <array>

namespace siaran::daemon {

namespace {

struct prefix_row {
  std::string_view prefix;  // national form, as the operators publish it
  std::string_view operator_name;
};

// Source: the operators' published number ranges (Telkomsel, Indosat Ooredoo, XL Axiata, Tri,
// Smartfren). Indonesia has no mobile number portability, so the prefix names the network.
// Laid out by operator, to read against each published list.
// clang-format off
constexpr auto prefixes = std::to_array<prefix_row>({
    {"0811", "telkomsel"}, {"0812", "telkomsel"}, {"0813", "telkomsel"}, {"0821", "telkomsel"},
    {"0822", "telkomsel"}, {"0823", "telkomsel"}, {"0851", "telkomsel"}, {"0852", "telkomsel"},
    {"0853", "telkomsel"},
    {"0814", "indosat"}, {"0815", "indosat"}, {"0816", "indosat"}, {"0855", "indosat"},
    {"0856", "indosat"}, {"0857", "indosat"}, {"0858", "indosat"},
    {"0817", "xl"}, {"0818", "xl"}, {"0819", "xl"}, {"0859", "xl"}, {"0877", "xl"}, {"0878", "xl"},
    {"0831", "axis"}, {"0832", "axis"}, {"0833", "axis"}, {"0838", "axis"},
    {"0895", "tri"}, {"0896", "tri"}, {"0897", "tri"}, {"0898", "tri"}, {"0899", "tri"},
    {"0881", "smartfren"}, {"0882", "smartfren"}, {"0883", "smartfren"}, {"0884", "smartfren"},
    {"0885", "smartfren"}, {"0886", "smartfren"}, {"0887", "smartfren"}, {"0888", "smartfren"},
    {"0889", "smartfren"},
});
// clang-format on

constexpr std::string_view indonesia = "+62";
// Indonesian mobile numbers have 9 to 12 digits after +62 (10 to 13 with the national 0).
constexpr std::size_t min_digits = 9;
constexpr std::size_t max_digits = 12;

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// XL Axiata runs XL and Axis as one network: traffic between them is on-net.
std::string_view network_of(std::string_view operator_name) {
  return operator_name == "axis" ? std::string_view("xl") : operator_name;
}

}  // namespace

std::string_view operator_of(std::string_view e164) {
  if (!e164.starts_with(indonesia)) return {};
  const std::string_view digits = e164.substr(indonesia.size());
  if (digits.size() < min_digits || digits.size() > max_digits || !all_digits(digits)) return {};
  for (const prefix_row& row : prefixes) {
    // The national 0 becomes +62: "0812" is "+62812".
    if (digits.starts_with(row.prefix.substr(1))) return row.operator_name;
  }
  return {};
}

bool on_net(std::string_view modem_operator, std::string_view e164) {
  if (modem_operator.empty()) return false;
  const std::string_view recipient_operator = operator_of(e164);
  return !recipient_operator.empty() &&
         network_of(recipient_operator) == network_of(modem_operator);
}

}  // namespace siaran::daemon
