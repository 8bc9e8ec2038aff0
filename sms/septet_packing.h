// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace siaran::sms {

// Packing of 7-bit characters into octets, TS 23.038 §6.1.2.1.1: septet n starts at bit
// 7n, least significant bit first. `fill_bits` (0-6) zero bits come first, so that after a
// user data header the first character starts on a septet boundary (TS 23.040 §9.2.3.24).
//
// Spare bits at the end are zero. The <CR> padding of TS 23.038 §6.1.2.3.1 is for USSD and
// cell broadcast, which carry no length; an SMS carries TP-UDL, and the decoder reads exactly
// that many septets, so neither zero nor <CR> padding ever shows up as an '@' or a CR.
std::vector<std::uint8_t> pack_septets(std::span<const std::uint8_t> septets,
                                       unsigned fill_bits = 0);

// Octets needed for `septet_count` septets after `fill_bits` fill bits.
std::size_t packed_octet_count(std::size_t septet_count, unsigned fill_bits = 0);

// Reads `septet_count` septets after `fill_bits`. Throws codec_error when `octets` is too
// short; the PDU decoder checks first so it can name the offset.
std::vector<std::uint8_t> unpack_septets(std::span<const std::uint8_t> octets,
                                         std::size_t septet_count, unsigned fill_bits = 0);

}  // namespace siaran::sms
