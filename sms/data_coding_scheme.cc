// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/data_coding_scheme.h"

namespace siaran::sms {
namespace {

encoding general_alphabet(std::uint8_t dcs) {
  switch ((dcs >> 2) & 0x3) {
    case 1:
      return encoding::eight_bit;
    case 2:
      return encoding::ucs2;
    default:
      return encoding::gsm7;  // 00, and 11 (reserved)
  }
}

// Groups 00xx and 01xx: bit 5 compressed, bit 4 "bits 1-0 are a class", bits 3-2 alphabet.
data_coding general_group(std::uint8_t dcs) {
  data_coding coding{
      dcs, general_alphabet(dcs), std::nullopt, (dcs & 0x20) != 0, (dcs & 0x40) != 0, std::nullopt};
  if (dcs & 0x10) coding.message_class = dcs & 0x3;
  return coding;
}

// Groups 1100 (discard), 1101 (store, GSM 7-bit), 1110 (store, UCS2): bit 3 active,
// bits 1-0 the kind of message waiting.
data_coding waiting_group(std::uint8_t dcs) {
  const unsigned group = dcs >> 4;
  message_waiting waiting{(dcs & 0x08) != 0, group != 0xC, static_cast<waiting_kind>(dcs & 0x3)};
  return {dcs, group == 0xE ? encoding::ucs2 : encoding::gsm7, std::nullopt, false, false, waiting};
}

// Group 1111: bit 2 message coding (GSM 7-bit or 8-bit data), bits 1-0 class.
data_coding data_class_group(std::uint8_t dcs) {
  return {dcs,         (dcs & 0x04) ? encoding::eight_bit : encoding::gsm7, dcs & 0x3, false, false,
          std::nullopt};
}

}  // namespace

std::string_view encoding_name(encoding e) {
  switch (e) {
    case encoding::gsm7:
      return "gsm7";
    case encoding::ucs2:
      return "ucs2";
    case encoding::eight_bit:
      return "8bit";
  }
  return "gsm7";
}

data_coding interpret_dcs(std::uint8_t dcs) {
  const unsigned group = dcs >> 4;
  if (group <= 0x7) return general_group(dcs);
  if (group >= 0xC && group <= 0xE) return waiting_group(dcs);
  if (group == 0xF) return data_class_group(dcs);
  return {dcs, encoding::gsm7, std::nullopt, false, false, std::nullopt};  // 1000-1011 reserved
}

std::uint8_t dcs_for(encoding alphabet, bool flash) {
  std::uint8_t dcs = alphabet == encoding::ucs2        ? 0x08
                     : alphabet == encoding::eight_bit ? 0x04
                                                       : 0x00;
  // Bit 4 says bits 1-0 hold the class; class 0 is "immediate display".
  if (flash) dcs |= 0x10;
  return dcs;
}

}  // namespace siaran::sms
