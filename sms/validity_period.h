// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace siaran::sms {

// Relative TP-VP, TS 23.040 §9.2.3.12.1:
//   0-143   (VP+1) x 5 minutes             (5 minutes .. 12 hours)
//   144-167 12 hours + (VP-143) x 30 min   (12.5 .. 24 hours)
//   168-196 (VP-166) days                  (2 .. 30 days)
//   197-255 (VP-192) weeks                 (5 .. 63 weeks)

// The smallest VP octet whose period is at least `duration` (a message must not expire
// before the user asked), clamped to 255 (63 weeks) above the range.
std::uint8_t relative_validity_octet(std::chrono::minutes duration);

std::chrono::minutes relative_validity_duration(std::uint8_t octet);

// ISO 8601 duration as people read it: "PT30M", "PT12H30M", "P4D", "P35D".
std::string iso8601_duration(std::chrono::minutes duration);

}  // namespace siaran::sms
