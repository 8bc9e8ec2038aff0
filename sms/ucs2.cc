// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/ucs2.h"

namespace siaran::sms {
namespace {

constexpr char32_t replacement_character = 0xFFFD;

bool is_high_surrogate(char32_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool is_low_surrogate(char32_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

void append_unit(std::vector<std::uint8_t>& out, char32_t unit) {
  out.push_back(static_cast<std::uint8_t>(unit >> 8));
  out.push_back(static_cast<std::uint8_t>(unit & 0xFF));
}

}  // namespace

std::size_t utf16_unit_count(char32_t c) { return c > 0xFFFF ? 2 : 1; }

void append_ucs2(std::vector<std::uint8_t>& out, char32_t c) {
  if (c <= 0xFFFF) {
    append_unit(out, c);
    return;
  }
  const char32_t offset = c - 0x10000;
  append_unit(out, 0xD800 + (offset >> 10));
  append_unit(out, 0xDC00 + (offset & 0x3FF));
}

std::vector<std::uint8_t> ucs2_encode(std::u32string_view text) {
  std::vector<std::uint8_t> out;
  out.reserve(text.size() * 2);
  for (const char32_t c : text) append_ucs2(out, c);
  return out;
}

std::u32string ucs2_decode(std::span<const std::uint8_t> octets) {
  const std::size_t unit_count = octets.size() / 2;
  const auto unit_at = [&octets](std::size_t i) {
    return static_cast<char32_t>((octets[2 * i] << 8) | octets[2 * i + 1]);
  };
  std::u32string text;
  text.reserve(unit_count);
  for (std::size_t i = 0; i < unit_count; ++i) {
    const char32_t unit = unit_at(i);
    if (is_high_surrogate(unit) && i + 1 < unit_count && is_low_surrogate(unit_at(i + 1))) {
      text.push_back(0x10000 + ((unit - 0xD800) << 10) + (unit_at(i + 1) - 0xDC00));
      ++i;
    } else if (is_high_surrogate(unit) || is_low_surrogate(unit)) {
      text.push_back(replacement_character);
    } else {
      text.push_back(unit);
    }
  }
  return text;
}

}  // namespace siaran::sms
