// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace siaran::sms::first_octet {

// Bits of the first TPDU octet, TS 23.040 §9.2.3 (same positions in DELIVER, SUBMIT and
// STATUS-REPORT where the field exists).
inline constexpr std::uint8_t mti_mask = 0x03;  // TP-MTI §9.2.3.1
inline constexpr std::uint8_t mti_submit = 0x01;
inline constexpr std::uint8_t reject_duplicates = 0x04;  // TP-RD (SUBMIT)
inline constexpr std::uint8_t vpf_shift = 3;             // TP-VPF bits 4-3 (SUBMIT)
inline constexpr std::uint8_t vpf_relative = 0x10;
inline constexpr std::uint8_t status_report = 0x20;  // TP-SRR / TP-SRI / TP-SRQ
inline constexpr std::uint8_t udhi = 0x40;           // TP-UDHI §9.2.3.23
inline constexpr std::uint8_t reply_path = 0x80;     // TP-RP

}  // namespace siaran::sms::first_octet
