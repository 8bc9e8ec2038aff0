// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sms/octet_reader.h"

namespace siaran::sms {

// Addresses, TS 23.040 §9.1.2.5 (TP-OA/TP-DA/TP-RA) and TS 24.011 §8.2.5.1 (the SMSC field
// in front of the TPDU, as AT+CMGR/+CMGS carry it per TS 27.005 §3.1).

struct address {
  std::string number;        // "+62812...", "0812...", "*#abc#*51", or alphanumeric "TELKOMSEL"
  std::uint8_t type = 0x81;  // type-of-address octet as received
};

// Type-of-address octets used on encode (§9.1.2.5: bit 7 set, TON bits 6-4, NPI bits 3-0).
inline constexpr std::uint8_t toa_international = 0x91;
inline constexpr std::uint8_t toa_unknown_isdn = 0x81;
inline constexpr std::uint8_t toa_alphanumeric = 0xD0;

// TP-OA/DA/RA: length octet in useful semi-octets (digits, or 4-bit units of the packed
// alphanumeric text), type octet, value.
address read_address(octet_reader& reader, std::string_view field);

// The SMSC field: length octet in octets (type octet included); 0 means "none / the SIM's".
std::optional<address> read_smsc(octet_reader& reader);

// "+digits" → international, "digits" → unknown/ISDN, anything else GSM 7-bit of at most 11
// characters → alphanumeric. Throws codec_error for an empty or over-long number.
std::vector<std::uint8_t> encode_address(std::string_view number);

// Empty → the single octet 00, which tells the modem to use the SMSC stored on the SIM.
std::vector<std::uint8_t> encode_smsc(std::string_view number);

}  // namespace siaran::sms
