// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/ussd/ussd_text.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sms/codec_error.h"
#include "sms/gsm7_alphabet.h"
#include "sms/hex.h"
#include "sms/septet_packing.h"
#include "sms/ucs2.h"
#include "sms/utf8.h"

namespace siaran::modem {
namespace {

enum class alphabet { gsm7, eight_bit, ucs2 };

// TS 23.038 §5, the CBS coding groups.
alphabet alphabet_of(int dcs) {
  const int group = (dcs >> 4) & 0x0F;
  if (dcs == 0x11) return alphabet::ucs2;  // UCS2 preceded by a language
  if (group >= 0x4 && group <= 0x7) {      // general data coding: bits 3-2 name the alphabet
    const int bits = (dcs >> 2) & 0x03;
    return bits == 2 ? alphabet::ucs2 : bits == 1 ? alphabet::eight_bit : alphabet::gsm7;
  }
  if (group == 0x9) {  // message with a user data header: the same bits
    const int bits = (dcs >> 2) & 0x03;
    return bits == 2 ? alphabet::ucs2 : bits == 1 ? alphabet::eight_bit : alphabet::gsm7;
  }
  if (group == 0xF) return (dcs & 0x04) ? alphabet::eight_bit : alphabet::gsm7;
  return alphabet::gsm7;
}

std::optional<std::vector<std::uint8_t>> as_hex(std::string_view text) {
  if (text.empty() || text.size() % 2 != 0) return std::nullopt;
  try {
    return sms::hex_decode(text);
  } catch (const sms::codec_error&) {
    return std::nullopt;
  }
}

// Packed septets fill every octet; one hex pair per septet never sets the top bit.
std::string gsm7_from_octets(const std::vector<std::uint8_t>& octets) {
  const bool unpacked = std::all_of(octets.begin(), octets.end(), [](std::uint8_t o) { return o < 0x80; });
  std::vector<std::uint8_t> septets =
      unpacked ? octets : sms::unpack_septets(octets, octets.size() * 8 / 7);
  // TS 23.038 §6.1.2.3.1: when 7 spare bits remain they hold a <CR> (older networks: zero),
  // which is padding, not text.
  if (!unpacked && octets.size() * 8 % 7 == 0 && !septets.empty() && (septets.back() == 0x0D || septets.back() == 0))
    septets.pop_back();
  return sms::utf8_encode(sms::gsm7_decode(septets));
}

}  // namespace

std::string decode_ussd_text(std::string_view text, std::optional<int> dcs) {
  const alphabet coding = alphabet_of(dcs.value_or(15));
  const auto octets = as_hex(text);
  if (!octets) return std::string(text);
  switch (coding) {
    case alphabet::ucs2:
      return sms::utf8_encode(sms::ucs2_decode(*octets));
    case alphabet::gsm7:
      return gsm7_from_octets(*octets);
    case alphabet::eight_bit:
      return std::string(text);
  }
  return std::string(text);
}

}  // namespace siaran::modem
