// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::sms {

// "UCS2" in TS 23.038 §5 is, on every phone since the late 2000s, UTF-16BE: characters
// beyond the BMP (emoji) travel as surrogate pairs, and the 70/67 limits count 16-bit units.

// 16-bit units one character needs: 2 for a surrogate pair, else 1.
std::size_t utf16_unit_count(char32_t c);

void append_ucs2(std::vector<std::uint8_t>& out, char32_t c);

std::vector<std::uint8_t> ucs2_encode(std::u32string_view text);

// Lenient decoding: an odd trailing byte is dropped (some phones pad or truncate the last
// unit; the rest of the message is still worth reading — the PDU decoder has already
// checked TP-UDL against the buffer), and an unpaired surrogate becomes U+FFFD.
std::u32string ucs2_decode(std::span<const std::uint8_t> octets);

}  // namespace siaran::sms
