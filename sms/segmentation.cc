// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/segmentation.h"

#include <string>

#include "sms/codec_error.h"
#include "sms/gsm7_alphabet.h"
#include "sms/transliteration.h"
#include "sms/ucs2.h"
#include "sms/utf8.h"

namespace siaran::sms {
namespace {

// One character (or data octet) already encoded: never split across parts.
using unit_group = std::vector<std::uint8_t>;

struct encoded_text {
  encoding alphabet;
  std::vector<unit_group> groups;
  std::size_t octets_per_unit;  // octets per unit: 1 for septets/data, 2 for UTF-16
};

std::size_t units_of(const unit_group& group, std::size_t octets_per_unit) {
  return group.size() / octets_per_unit;
}

encoded_text encode_characters(std::string_view utf8, const text_options& options) {
  std::u32string text = utf8_decode(utf8);
  if (options.transliterate) text = transliterate_to_gsm7(text);
  const bool gsm7 = !options.force_ucs2 && gsm7_can_encode(text);
  encoded_text encoded{gsm7 ? encoding::gsm7 : encoding::ucs2, {}, gsm7 ? 1u : 2u};
  encoded.groups.reserve(text.size());
  for (const char32_t c : text) {
    unit_group group;
    if (gsm7) {
      append_gsm7(group, c);
    } else {
      append_ucs2(group, c);
    }
    encoded.groups.push_back(std::move(group));
  }
  return encoded;
}

std::size_t total_units(const encoded_text& encoded) {
  std::size_t total = 0;
  for (const unit_group& group : encoded.groups) total += units_of(group, encoded.octets_per_unit);
  return total;
}

segmented_message split(const encoded_text& encoded) {
  const part_limits limits = limits_for(encoded.alphabet);
  const std::size_t limit =
      total_units(encoded) <= limits.single ? limits.single : limits.concatenated;
  segmented_message message{encoded.alphabet, {segment{}}};
  for (const unit_group& group : encoded.groups) {
    const std::size_t units = units_of(group, encoded.octets_per_unit);
    if (message.segments.back().units + units > limit) message.segments.emplace_back();
    segment& current = message.segments.back();
    current.payload.insert(current.payload.end(), group.begin(), group.end());
    current.units += units;
  }
  if (message.segments.size() > max_parts) {
    throw codec_error("segmentation: the text needs " + std::to_string(message.segments.size()) +
                      " parts; concatenation allows at most 255");
  }
  return message;
}

}  // namespace

part_limits limits_for(encoding alphabet) {
  switch (alphabet) {
    case encoding::gsm7:
      return {160, 153};
    case encoding::ucs2:
      return {70, 67};
    case encoding::eight_bit:
      return {140, 134};
  }
  return {160, 153};
}

segmented_message segment_text(std::string_view utf8, const text_options& options) {
  return split(encode_characters(utf8, options));
}

segmented_message segment_data(std::span<const std::uint8_t> data) {
  encoded_text encoded{encoding::eight_bit, {}, 1};
  encoded.groups.reserve(data.size());
  for (const std::uint8_t octet : data) encoded.groups.push_back({octet});
  return split(encoded);
}

message_plan plan_message(std::string_view utf8, const text_options& options) {
  const segmented_message message = segment_text(utf8, options);
  const part_limits limits = limits_for(message.alphabet);
  const bool single = message.segments.size() == 1;
  message_plan plan{message.alphabet, message.segments.size(), 0,
                    single ? limits.single : limits.concatenated, 0};
  for (const segment& part : message.segments) plan.units += part.units;
  plan.units_left_in_last_part = plan.units_per_part - message.segments.back().units;
  return plan;
}

}  // namespace siaran::sms
