// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/gsm7_alphabet.h"

#include <array>
#include <cstdint>
#include <utility>

#include "sms/codec_error.h"
#include "sms/utf8.h"

namespace siaran::sms {
namespace {

// TS 23.038 §6.2.1, indexed by septet. 0x1B is the escape to the extension table; its slot
// holds a space, which is what a receiver shows for an escape it cannot follow.
constexpr std::array<char32_t, 128> default_table = {
    U'@',      U'\u00A3', U'$',      U'\u00A5', U'\u00E8', U'\u00E9', U'\u00F9', U'\u00EC',
    U'\u00F2', U'\u00C7', U'\n',     U'\u00D8', U'\u00F8', U'\r',     U'\u00C5', U'\u00E5',
    U'\u0394', U'_',      U'\u03A6', U'\u0393', U'\u039B', U'\u03A9', U'\u03A0', U'\u03A8',
    U'\u03A3', U'\u0398', U'\u039E', U' ',      U'\u00C6', U'\u00E6', U'\u00DF', U'\u00C9',
    U' ',      U'!',      U'"',      U'#',      U'\u00A4', U'%',      U'&',      U'\'',
    U'(',      U')',      U'*',      U'+',      U',',      U'-',      U'.',      U'/',
    U'0',      U'1',      U'2',      U'3',      U'4',      U'5',      U'6',      U'7',
    U'8',      U'9',      U':',      U';',      U'<',      U'=',      U'>',      U'?',
    U'\u00A1', U'A',      U'B',      U'C',      U'D',      U'E',      U'F',      U'G',
    U'H',      U'I',      U'J',      U'K',      U'L',      U'M',      U'N',      U'O',
    U'P',      U'Q',      U'R',      U'S',      U'T',      U'U',      U'V',      U'W',
    U'X',      U'Y',      U'Z',      U'\u00C4', U'\u00D6', U'\u00D1', U'\u00DC', U'\u00A7',
    U'\u00BF', U'a',      U'b',      U'c',      U'd',      U'e',      U'f',      U'g',
    U'h',      U'i',      U'j',      U'k',      U'l',      U'm',      U'n',      U'o',
    U'p',      U'q',      U'r',      U's',      U't',      U'u',      U'v',      U'w',
    U'x',      U'y',      U'z',      U'\u00E4', U'\u00F6', U'\u00F1', U'\u00FC', U'\u00E0',
};

// TS 23.038 §6.2.1.1: the only characters the default extension table defines.
constexpr std::array<std::pair<std::uint8_t, char32_t>, 10> extension_table = {{
    {0x0A, U'\f'},
    {0x14, U'^'},
    {0x28, U'{'},
    {0x29, U'}'},
    {0x2F, U'\\'},
    {0x3C, U'['},
    {0x3D, U'~'},
    {0x3E, U']'},
    {0x40, U'|'},
    {0x65, U'\u20AC'},
}};

// Latin-1 characters (all of an Indonesian text) looked up at once: a search of the 128 entries
// per character was a fifth of the daemon's CPU while it queued a large batch.
constexpr char32_t direct_limit = 0x100;
constexpr std::int16_t no_septet = -1;

constexpr std::array<std::int16_t, direct_limit> make_direct_table() {
  std::array<std::int16_t, direct_limit> direct{};
  direct.fill(no_septet);
  for (std::size_t i = 0; i < default_table.size(); ++i) {
    const char32_t c = default_table[i];
    if (i != gsm7_escape && c < direct_limit && direct[c] == no_septet) direct[c] = static_cast<std::int16_t>(i);
  }
  return direct;
}

constexpr std::array<std::int16_t, direct_limit> direct_table = make_direct_table();

std::optional<std::uint8_t> default_septet(char32_t c) {
  if (c < direct_limit) {
    if (direct_table[c] == no_septet) return std::nullopt;
    return static_cast<std::uint8_t>(direct_table[c]);
  }
  for (std::size_t i = 0; i < default_table.size(); ++i) {
    if (default_table[i] == c) return static_cast<std::uint8_t>(i);
  }
  return std::nullopt;
}

std::optional<std::uint8_t> extension_septet(char32_t c) {
  for (const auto& [septet, character] : extension_table) {
    if (character == c) return septet;
  }
  return std::nullopt;
}

std::optional<char32_t> extension_character(std::uint8_t septet) {
  for (const auto& [code, character] : extension_table) {
    if (code == septet) return character;
  }
  return std::nullopt;
}

}  // namespace

int gsm7_septet_cost(char32_t c) {
  if (default_septet(c)) return 1;
  if (extension_septet(c)) return 2;
  return 0;
}

bool gsm7_can_encode(std::u32string_view text) {
  for (const char32_t c : text) {
    if (gsm7_septet_cost(c) == 0) return false;
  }
  return true;
}

void append_gsm7(std::vector<std::uint8_t>& septets, char32_t c) {
  if (const auto septet = default_septet(c)) {
    septets.push_back(*septet);
  } else if (const auto extended = extension_septet(c)) {
    septets.push_back(gsm7_escape);
    septets.push_back(*extended);
  } else {
    throw codec_error("GSM 7-bit encoding: character " + describe_code_point(c) +
                      " is not in the GSM 7-bit alphabet");
  }
}

std::vector<std::uint8_t> gsm7_encode(std::u32string_view text) {
  std::vector<std::uint8_t> septets;
  septets.reserve(text.size());
  for (const char32_t c : text) append_gsm7(septets, c);
  return septets;
}

std::u32string gsm7_decode(std::span<const std::uint8_t> septets) {
  std::u32string text;
  text.reserve(septets.size());
  for (std::size_t i = 0; i < septets.size(); ++i) {
    const std::uint8_t septet = septets[i] & 0x7F;
    if (septet != gsm7_escape) {
      text.push_back(default_table[septet]);
      continue;
    }
    if (i + 1 == septets.size()) {
      text.push_back(U' ');
      break;
    }
    const std::uint8_t next = septets[++i] & 0x7F;
    text.push_back(extension_character(next).value_or(default_table[next]));
  }
  return text;
}

}  // namespace siaran::sms
