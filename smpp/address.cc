// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/address.h"

#include <algorithm>
#include <cctype>

namespace siaran::smpp {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

address numeric(std::string_view number) {
  if (number.size() > 1 && number.front() == '+' && all_digits(number.substr(1))) {
    return {ton_international, npi_isdn, std::string(number.substr(1))};
  }
  return {0, npi_isdn, std::string(number)};
}

}  // namespace

address source_address(std::string_view sender) {
  bool is_number = all_digits(sender) ||
                   (sender.size() > 1 && sender.front() == '+' && all_digits(sender.substr(1)));
  if (!is_number) return {ton_alphanumeric, 0, std::string(sender)};
  return numeric(sender);
}

address destination_address(std::string_view number) { return numeric(number); }

std::string number_of(std::uint8_t ton, std::string_view value) {
  if (ton == ton_international && !value.empty() && value.front() != '+')
    return "+" + std::string(value);
  return std::string(value);
}

}  // namespace siaran::smpp
