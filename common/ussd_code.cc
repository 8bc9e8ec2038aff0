// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ussd_code.h"

#include <algorithm>

namespace siaran::common {

bool valid_ussd_code(std::string_view code) {
  return code.size() >= 2 && code.size() <= 40 && code.back() == '#' &&
         std::all_of(code.begin(), code.end(), [](char c) { return (c >= '0' && c <= '9') || c == '*' || c == '#'; });
}

}  // namespace siaran::common
