// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Byte vectors written as the SMPP specification's tables show them: hex with spaces, and C-octet
// strings spelled as text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sms/hex.h"

namespace siaran::smpp::test {

inline std::vector<std::uint8_t> hex(std::string_view spaced) {
  std::string digits;
  for (char c : spaced) {
    if (c != ' ') digits += c;
  }
  return sms::hex_decode(digits);
}

// The text's octets and, for a C-octet string, its NULL.
inline std::vector<std::uint8_t> c_str(std::string_view text) {
  std::vector<std::uint8_t> octets(text.begin(), text.end());
  octets.push_back(0);
  return octets;
}

inline std::vector<std::uint8_t> text(std::string_view text) { return {text.begin(), text.end()}; }

inline std::vector<std::uint8_t> cat(std::initializer_list<std::vector<std::uint8_t>> pieces) {
  std::vector<std::uint8_t> all;
  for (const auto& piece : pieces) all.insert(all.end(), piece.begin(), piece.end());
  return all;
}

}  // namespace siaran::smpp::test
