// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace siaran::modem {

// A +CUSD <str> as readable UTF-8. <dcs> is the cell broadcast data coding scheme of
// TS 23.038 §5 (not an SMS TP-DCS): 15 is GSM 7-bit with no language, 72 (0x48) UCS2.
// Modems differ in what they do with a GSM 7-bit text: most convert it to the character set
// of AT+CSCS (plain text), some Huawei and ZTE sticks pass the packed septets on as hex, and a
// modem in AT+CSCS="HEX" gives one hex pair per septet. All three are read; a text that is not
// hex where hex is expected is kept as it came.
std::string decode_ussd_text(std::string_view text, std::optional<int> dcs);

}  // namespace siaran::modem
