// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Numbers as SMPP carries them (§5.2.5, §5.2.6): a type of number and numbering plan beside the
// digits, never a '+'. Ours are E.164 "+62..." strings or registered names.

#include <cstdint>
#include <string>
#include <string_view>

namespace siaran::smpp {

struct address {
  std::uint8_t ton = 0;
  std::uint8_t npi = 0;
  std::string value;
};

inline constexpr std::uint8_t ton_international = 1, ton_alphanumeric = 5, npi_isdn = 1;

// A sender: "+digits" TON 1/NPI 1 without the '+', digits TON 0/NPI 1, anything else a
// registered name TON 5/NPI 0.
address source_address(std::string_view sender);
// A recipient "+62...": TON 1/NPI 1 without the '+'; digits without '+' go as TON 0/NPI 1.
address destination_address(std::string_view number);
// The number as the rest of Siaran writes it: '+'-prefixed when TON is international.
std::string number_of(std::uint8_t ton, std::string_view value);

}  // namespace siaran::smpp
