// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/recipient_key.h"

#include <cctype>

namespace siaran::queue {
namespace {

std::string digits_of(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  return digits;
}

}  // namespace

std::string recipient_key(std::string_view number) {
  const std::string digits = digits_of(number);
  return digits.size() > 8 ? digits.substr(digits.size() - 8) : digits;
}

std::string search_digits(std::string_view text) {
  const std::string digits = digits_of(text);
  if (digits.size() < 3) return "";
  if (digits.starts_with("62")) return digits.substr(2);
  if (digits.starts_with("0")) return digits.substr(1);
  return digits;
}

}  // namespace siaran::queue
