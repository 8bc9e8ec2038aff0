// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/utf8.h"

#include <cstdint>

#include "sms/codec_error.h"

namespace siaran::sms {
namespace {

struct lead_info {
  int length;        // bytes in the sequence, 0 = not a valid lead byte
  char32_t payload;  // bits the lead byte contributes
  char32_t minimum;  // smallest code point allowed for this length (rejects overlong)
};

lead_info classify_lead(std::uint8_t byte) {
  if (byte < 0x80) return {1, byte, 0};
  if ((byte & 0xE0) == 0xC0) return {2, char32_t{byte & 0x1Fu}, 0x80};
  if ((byte & 0xF0) == 0xE0) return {3, char32_t{byte & 0x0Fu}, 0x800};
  if ((byte & 0xF8) == 0xF0) return {4, char32_t{byte & 0x07u}, 0x10000};
  return {0, 0, 0};
}

[[noreturn]] void invalid(std::size_t offset, const std::string& problem) {
  throw codec_error("UTF-8 text: at byte " + std::to_string(offset) + ": " + problem);
}

}  // namespace

std::u32string utf8_decode(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const lead_info lead = classify_lead(static_cast<std::uint8_t>(utf8[i]));
    if (lead.length == 0) invalid(i, "byte is not the start of a UTF-8 sequence");
    if (i + static_cast<std::size_t>(lead.length) > utf8.size()) {
      invalid(i, "UTF-8 sequence is cut off by the end of the text");
    }
    char32_t code_point = lead.payload;
    for (int k = 1; k < lead.length; ++k) {
      const auto byte = static_cast<std::uint8_t>(utf8[i + static_cast<std::size_t>(k)]);
      if ((byte & 0xC0) != 0x80)
        invalid(i + static_cast<std::size_t>(k), "expected a continuation byte");
      code_point = (code_point << 6) | (byte & 0x3Fu);
    }
    if (code_point < lead.minimum) invalid(i, "overlong UTF-8 encoding");
    if (code_point > 0x10FFFF) invalid(i, "code point above U+10FFFF");
    if (code_point >= 0xD800 && code_point <= 0xDFFF)
      invalid(i, "UTF-16 surrogate encoded in UTF-8");
    out.push_back(code_point);
    i += static_cast<std::size_t>(lead.length);
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  const auto put = [&out](char32_t bits) { out.push_back(static_cast<char>(bits)); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

std::string describe_code_point(char32_t code_point) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string hex;
  for (int shift = 20; shift >= 0; shift -= 4) {
    const auto digit = (code_point >> shift) & 0xF;
    if (digit != 0 || !hex.empty() || shift < 16) hex.push_back(digits[digit]);
  }
  return "U+" + hex;
}

std::string utf8_encode(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (const char32_t cp : code_points) append_utf8(out, cp);
  return out;
}

}  // namespace siaran::sms
