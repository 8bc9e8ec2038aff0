// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/validity_period.h"

namespace siaran::sms {

std::chrono::minutes relative_validity_duration(std::uint8_t octet) {
  using std::chrono::minutes;
  if (octet <= 143) return minutes{(octet + 1) * 5};
  if (octet <= 167) return minutes{12 * 60 + (octet - 143) * 30};
  if (octet <= 196) return minutes{(octet - 166) * 24 * 60};
  return minutes{(octet - 192) * 7 * 24 * 60};
}

std::uint8_t relative_validity_octet(std::chrono::minutes duration) {
  // The table is monotonic, so the first octet that reaches the duration is the answer.
  for (unsigned octet = 0; octet <= 255; ++octet) {
    if (relative_validity_duration(static_cast<std::uint8_t>(octet)) >= duration) {
      return static_cast<std::uint8_t>(octet);
    }
  }
  return 255;
}

std::string iso8601_duration(std::chrono::minutes duration) {
  const long total = duration.count();
  if (total % (24 * 60) == 0 && total > 0) return "P" + std::to_string(total / (24 * 60)) + "D";
  std::string out = "P";
  if (total >= 24 * 60) out += std::to_string(total / (24 * 60)) + "D";
  out += "T";
  const long hours = (total % (24 * 60)) / 60;
  const long minutes = total % 60;
  if (hours > 0) out += std::to_string(hours) + "H";
  if (minutes > 0 || hours == 0) out += std::to_string(minutes) + "M";
  return out;
}

}  // namespace siaran::sms
