// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/redaction.h"

#include "common/log_text.h"

namespace siaran::common {

std::string redacted_number(std::string_view number) {
  // A "number" from an SMS sender field or an API body may hold any bytes: they are escaped.
  if (number.size() <= redacted_digits) return log_text(number);
  return "..." + log_text(number.substr(number.size() - redacted_digits));
}

}  // namespace siaran::common
