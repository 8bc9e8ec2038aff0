// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/hex.h"

#include "common/ascii.h"
#include "sms/codec_error.h"

namespace siaran::sms {
std::vector<std::uint8_t> hex_decode(std::string_view hex) {
  hex = common::trim(hex);
  if (hex.size() % 2 != 0) {
    throw codec_error("hex: odd number of hex digits (" + std::to_string(hex.size()) +
                      "); a PDU is whole octets");
  }
  std::vector<std::uint8_t> octets;
  octets.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = common::hex_digit_value(hex[i]);
    const int low = common::hex_digit_value(hex[i + 1]);
    if (high < 0 || low < 0) {
      const std::size_t bad = high < 0 ? i : i + 1;
      throw codec_error("hex: character " + std::to_string(bad) + " ('" + hex[bad] +
                        "') is not a hex digit");
    }
    octets.push_back(static_cast<std::uint8_t>(high * 16 + low));
  }
  return octets;
}

std::string hex_encode(std::span<const std::uint8_t> octets) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string hex;
  hex.reserve(octets.size() * 2);
  for (const std::uint8_t octet : octets) {
    hex.push_back(digits[octet >> 4]);
    hex.push_back(digits[octet & 0x0F]);
  }
  return hex;
}

}  // namespace siaran::sms
