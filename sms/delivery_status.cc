// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/delivery_status.h"

#include <array>
#include <utility>

namespace siaran::sms {
namespace {

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 25> meanings = {{
    {0x00, "Short message received by the SME"},
    {0x01, "Forwarded by the SC to the SME but the SC is unable to confirm delivery"},
    {0x02, "Short message replaced by the SC"},
    {0x20, "Congestion (SC still trying)"},
    {0x21, "SME busy (SC still trying)"},
    {0x22, "No response from SME (SC still trying)"},
    {0x23, "Service rejected (SC still trying)"},
    {0x24, "Quality of service not available (SC still trying)"},
    {0x25, "Error in SME (SC still trying)"},
    {0x40, "Remote procedure error"},
    {0x41, "Incompatible destination"},
    {0x42, "Connection rejected by SME"},
    {0x43, "Not obtainable"},
    {0x44, "Quality of service not available"},
    {0x45, "No interworking available"},
    {0x46, "SM validity period expired"},
    {0x47, "SM deleted by originating SME"},
    {0x48, "SM deleted by SC administration"},
    {0x49, "SM does not exist"},
    {0x60, "Congestion (SC no longer trying)"},
    {0x61, "SME busy (SC no longer trying)"},
    {0x62, "No response from SME (SC no longer trying)"},
    {0x63, "Service rejected (SC no longer trying)"},
    {0x64, "Quality of service not available (SC no longer trying)"},
    {0x65, "Error in SME (SC no longer trying)"},
}};

}  // namespace

delivery_outcome outcome_of(std::uint8_t status) {
  if (status >= 0x80) return delivery_outcome::reserved;
  return static_cast<delivery_outcome>(status >> 5);
}

std::string_view status_text(std::uint8_t status) {
  for (const auto& [code, text] : meanings) {
    if (code == status) return text;
  }
  // Unlisted values inside a range are reserved or "SC specific" (§9.2.3.15); the range
  // still tells whether the message arrived.
  switch (outcome_of(status)) {
    case delivery_outcome::completed:
      return "Delivered (reserved or SC-specific value)";
    case delivery_outcome::still_trying:
      return "Temporary error, SC still trying (reserved or SC-specific value)";
    case delivery_outcome::failed:
      return "Permanent error (reserved or SC-specific value)";
    case delivery_outcome::failed_temporary:
      return "Temporary error, SC no longer trying (reserved or SC-specific value)";
    case delivery_outcome::reserved:
      break;
  }
  return "Reserved value";
}

}  // namespace siaran::sms
