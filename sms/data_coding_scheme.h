// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace siaran::sms {

enum class encoding { gsm7, ucs2, eight_bit };

// "gsm7", "ucs2", "8bit" (the names the CLI and the API print).
std::string_view encoding_name(encoding e);

// Message waiting indication groups 1100-1110 (TS 23.038 §4).
enum class waiting_kind { voicemail, fax, email, other };

struct message_waiting {
  bool active = false;
  bool store = true;  // group 1100 is "discard message"
  waiting_kind kind = waiting_kind::voicemail;
};

// TP-DCS as a receiver interprets it (TS 23.038 §4).
struct data_coding {
  std::uint8_t dcs = 0;
  encoding alphabet = encoding::gsm7;
  std::optional<int> message_class;  // 0 = flash (immediate display) .. 3
  bool compressed = false;
  bool auto_delete = false;  // group 01xx
  std::optional<message_waiting> waiting;
};

// Reserved codings are read as the GSM 7-bit default alphabet, as §4 requires of receivers.
data_coding interpret_dcs(std::uint8_t dcs);

// TP-DCS for sending: 0x00/0x08/0x04, or the class 0 (flash) variants 0x10/0x18/0x14.
std::uint8_t dcs_for(encoding alphabet, bool flash);

}  // namespace siaran::sms
