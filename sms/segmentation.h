// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "sms/data_coding_scheme.h"

namespace siaran::sms {

// Choosing the alphabet and splitting a text into parts, TS 23.040 §9.2.3.16 and §9.2.3.24.1.
// A single part holds 160 septets, 70 UTF-16 units or 140 octets; a concatenated part loses
// 6 octets to the header (05 00 03 ref total part), leaving 153 septets, 67 units or 134
// octets. A part never ends between an escape and its extension character, nor between the
// two halves of a surrogate pair: the receiver would show garbage at the seam.

struct text_options {
  bool transliterate = false;  // replace look-alikes (curly quotes, dashes, ...) first
  bool force_ucs2 = false;
};

inline constexpr std::size_t max_parts = 255;  // the concatenation IE counts in one octet

struct segment {
  std::vector<std::uint8_t> payload;  // unpacked septets, UTF-16BE octets, or data octets
  std::size_t units = 0;              // septets, UTF-16 units or octets
};

struct segmented_message {
  encoding alphabet = encoding::gsm7;
  std::vector<segment> segments;  // one when no concatenation is needed
};

// What a user sees before sending: "2 parts, GSM 7-bit, 12 characters left".
struct message_plan {
  encoding alphabet = encoding::gsm7;
  std::size_t parts = 1;
  std::size_t units = 0;             // septets (GSM 7-bit) or UTF-16 units (UCS2) in total
  std::size_t units_per_part = 160;  // 160/153 or 70/67
  std::size_t units_left_in_last_part = 160;
};

// GSM 7-bit when every character (after optional transliteration) is in the alphabet,
// else UCS2. Throws codec_error on invalid UTF-8 or when more than 255 parts are needed.
segmented_message segment_text(std::string_view utf8, const text_options& options = {});

segmented_message segment_data(std::span<const std::uint8_t> data);

message_plan plan_message(std::string_view utf8, const text_options& options = {});

// Limits per part for an alphabet: {single part, concatenated part}.
struct part_limits {
  std::size_t single;
  std::size_t concatenated;
};
part_limits limits_for(encoding alphabet);

}  // namespace siaran::sms
