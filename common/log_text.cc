// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/log_text.h"

#include <array>

namespace siaran::common {
namespace {

// One piece of the output: what `bytes` bytes of the input are shown as, and how many
// characters that takes on the line.
struct shown_piece {
  std::string text;
  std::size_t bytes = 1;
  std::size_t characters = 0;
};

std::string hex_byte(unsigned char byte) {
  constexpr std::array<char, 16> digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                           '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  return {'\\', 'x', digits[byte >> 4], digits[byte & 0x0f]};
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) out += hex_byte(static_cast<unsigned char>(c));
  return out;
}

// The length of the UTF-8 sequence that starts `text` and its code point, or 0 when the bytes
// are not valid UTF-8 (a stray continuation byte, a cut sequence, an overlong form, a
// surrogate, beyond U+10FFFF).
std::size_t utf8_sequence(std::string_view text, char32_t& code_point) {
  const auto lead = static_cast<unsigned char>(text[0]);
  std::size_t length = 0;
  char32_t minimum = 0;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2, minimum = 0x80, code_point = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3, minimum = 0x800, code_point = lead & 0x0f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4, minimum = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[i]);
    if ((next & 0xc0) != 0x80) return 0;
    code_point = (code_point << 6) | (next & 0x3f);
  }
  const bool surrogate = code_point >= 0xd800 && code_point <= 0xdfff;
  if (code_point < minimum || code_point > 0x10ffff || surrogate) return 0;
  return length;
}

// Code points beyond ASCII that move or hide text on a terminal or in a log viewer.
bool invisible_control(char32_t c) {
  return (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

shown_piece ascii_piece(char c) {
  switch (c) {
    case '\n': return {"\\n", 1, 2};
    case '\r': return {"\\r", 1, 2};
    case '\t': return {"\\t", 1, 2};
    case '\\': return {"\\\\", 1, 2};
    default: break;
  }
  const auto byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte == 0x7f) return {hex_byte(byte), 1, 4};
  return {std::string(1, c), 1, 1};
}

shown_piece next_piece(std::string_view rest) {
  if (static_cast<unsigned char>(rest[0]) < 0x80) return ascii_piece(rest[0]);
  char32_t code_point = 0;
  const std::size_t length = utf8_sequence(rest, code_point);
  if (length == 0) return {hex_byte(static_cast<unsigned char>(rest[0])), 1, 4};
  const std::string_view bytes = rest.substr(0, length);
  if (invisible_control(code_point)) return {hex_bytes(bytes), length, 4 * length};
  return {std::string(bytes), length, 1};
}

}  // namespace

std::string log_text(std::string_view text, std::size_t limit) {
  std::string out;
  std::size_t characters = 0;
  std::size_t used = 0;
  while (used < text.size()) {
    shown_piece piece = next_piece(text.substr(used));
    if (characters + piece.characters > limit) break;
    out += piece.text;
    characters += piece.characters;
    used += piece.bytes;
  }
  if (used < text.size()) out += "…(+" + std::to_string(text.size() - used) + " bytes)";
  return out;
}

}  // namespace siaran::common
