// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::sms {

// Hex as modems print PDUs. Decoding accepts either case and ignores surrounding whitespace;
// an odd digit count or a non-hex character is a codec_error naming its position.
std::vector<std::uint8_t> hex_decode(std::string_view hex);

// Uppercase, as AT+CMGS expects and as modems print.
std::string hex_encode(std::span<const std::uint8_t> octets);

}  // namespace siaran::sms
