#include "sms/hex.h"

#include "sms/codec_error.h"

namespace siaran::sms {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::vector<std::uint8_t> hex_decode(std::string_view hex) {
  hex = trim(hex);
  if (hex.size() % 2 != 0) {
    throw codec_error("hex: odd number of hex digits (" + std::to_string(hex.size()) +
                      "); a PDU is whole octets");
  }
  std::vector<std::uint8_t> octets;
  octets.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = hex_value(hex[i]);
    const int low = hex_value(hex[i + 1]);
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
