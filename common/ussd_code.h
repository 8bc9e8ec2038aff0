// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace siaran::common {

// A USSD code a balance check may dial: digits, '*' and '#', ending in '#' ("*888#",
// "*123*2#"). Anything else would end up inside the quotes of AT+CUSD. The config, the modem
// and the tools all check with this one rule.
bool valid_ussd_code(std::string_view code);

}  // namespace siaran::common
