// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/recipient_key.h"

#include <cctype>

namespace siaran::queue {

std::string recipient_key(std::string_view number) {
  std::string digits;
  for (const char c : number) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  return digits.size() > 8 ? digits.substr(digits.size() - 8) : digits;
}

}  // namespace siaran::queue
