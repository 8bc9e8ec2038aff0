// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/form_rules.h"

#include <algorithm>
#include <array>
#include <utility>

#include "common/ascii.h"

namespace siaran::daemon::sms_reports {
namespace {

// Two-character operators first, so "<=" is not read as "<" before "=".
constexpr std::array<std::pair<std::string_view, comparison>, 5> operators{
    {{"<=", comparison::less_equal},
     {">=", comparison::greater_equal},
     {"<", comparison::less},
     {">", comparison::greater},
     {"=", comparison::equal}}};

bool is_name(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) {
    return common::is_letter(c) || common::is_digit(c);
  });
}

}  // namespace

std::optional<form_rule> parse_rule(std::string_view text) {
  for (const auto& [symbol, op] : operators) {
    const auto at = text.find(symbol);
    if (at == std::string_view::npos) continue;
    const auto left = common::trim(text.substr(0, at));
    const auto right = common::trim(text.substr(at + symbol.size()));
    if (!is_name(left) || !is_name(right)) return std::nullopt;
    return form_rule{common::uppercase(left), op, common::uppercase(right)};
  }
  return std::nullopt;
}

std::string rule_text(const form_rule& rule) {
  for (const auto& [symbol, op] : operators) {
    if (op == rule.op) return rule.left + " " + std::string(symbol) + " " + rule.right;
  }
  return rule.left + " ? " + rule.right;
}

bool holds(comparison op, std::int64_t left, std::int64_t right) {
  switch (op) {
    case comparison::less_equal:
      return left <= right;
    case comparison::less:
      return left < right;
    case comparison::greater_equal:
      return left >= right;
    case comparison::greater:
      return left > right;
    case comparison::equal:
      return left == right;
  }
  return false;
}

}  // namespace siaran::daemon::sms_reports
