// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/redaction.h"

namespace siaran::common {

std::string redacted_number(std::string_view number) {
  if (number.size() <= redacted_digits) return std::string(number);
  return "..." + std::string(number.substr(number.size() - redacted_digits));
}

}  // namespace siaran::common
