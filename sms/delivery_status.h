// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

namespace siaran::sms {

// TP-ST of an SMS-STATUS-REPORT, TS 23.040 §9.2.3.15.
enum class delivery_outcome {
  completed,         // 0x00-0x1F: delivered (or forwarded/replaced)
  still_trying,      // 0x20-0x3F: temporary error, the SC keeps trying
  failed,            // 0x40-0x5F: permanent error
  failed_temporary,  // 0x60-0x7F: temporary error, the SC has given up
  reserved,          // 0x80-0xFF
};

delivery_outcome outcome_of(std::uint8_t status);

// "Short message received by the SME", "Congestion (SC still trying)", ...
std::string_view status_text(std::uint8_t status);

// The same in Bahasa Indonesia, for the office: "Diterima oleh ponsel tujuan", "Nomor tidak
// dikenal atau tidak dapat menerima SMS", ...
std::string_view status_text_id(std::uint8_t status);

}  // namespace siaran::sms
