// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::sms {

// The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1 and
// §6.2.1.1). Septets here are unpacked, one per byte, values 0-127.

inline constexpr std::uint8_t gsm7_escape = 0x1B;

// Septets needed for one character: 1 (default table), 2 (escape + extension table) or
// 0 when the character is not in the GSM 7-bit alphabet at all.
int gsm7_septet_cost(char32_t c);

bool gsm7_can_encode(std::u32string_view text);

// One character to its septets (1 or 2). Throws codec_error for a character outside the
// alphabet; callers choose UCS2 before that happens.
void append_gsm7(std::vector<std::uint8_t>& septets, char32_t c);

std::vector<std::uint8_t> gsm7_encode(std::u32string_view text);

// Lenient, as phones are: an escape followed by a code the extension table does not define
// shows the default-table character (§6.2.1.1); escape-escape and a trailing escape show a
// space (§6.2.1 note on 0x1B, "reserved for another extension table").
std::u32string gsm7_decode(std::span<const std::uint8_t> septets);

}  // namespace siaran::sms
