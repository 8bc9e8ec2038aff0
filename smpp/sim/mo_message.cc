// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/mo_message.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "sms/codec_error.h"
#include "sms/segmentation.h"
#include "sms/user_data_header.h"

namespace siaran::smscsim {
namespace {

struct address {
  std::uint8_t ton = 0;
  std::uint8_t npi = 0;
  std::string digits;
};

address address_of(std::string_view text) {
  const bool international = text.starts_with('+');
  const std::string_view rest = international ? text.substr(1) : text;
  const bool digits =
      !rest.empty() && std::ranges::all_of(rest, [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return {5, 0, std::string(text)};  // alphanumeric
  return {static_cast<std::uint8_t>(international ? 1 : 0), 1, std::string(rest)};
}

sms::segmented_message segments_of(const mo_message& message) {
  const bool ucs2 = message.data_coding == 8;
  if (message.data_coding && *message.data_coding != 0 && !ucs2)
    throw std::invalid_argument("data_coding of an injected SMS is 0 (GSM) or 8 (UCS2)");
  sms::segmented_message segments;
  try {
    segments = sms::segment_text(message.text, {.transliterate = false, .force_ucs2 = ucs2});
  } catch (const sms::codec_error& e) {
    throw std::invalid_argument(std::string("text: ") + e.what());
  }
  if (message.data_coding == 0 && segments.alphabet != sms::encoding::gsm7)
    throw std::invalid_argument("text is not in the GSM alphabet but data_coding 0 was asked for");
  return segments;
}

}  // namespace

std::vector<smpp::short_message_body> mo_parts(const mo_message& message, std::uint8_t reference) {
  if (message.from.empty() || message.to.empty())
    throw std::invalid_argument("an injected SMS needs from and to");
  const sms::segmented_message segments = segments_of(message);
  const address from = address_of(message.from);
  const address to = address_of(message.to);
  const auto total = static_cast<std::uint8_t>(segments.segments.size());
  std::vector<smpp::short_message_body> parts;
  for (std::size_t i = 0; i < segments.segments.size(); ++i) {
    smpp::short_message_body part;
    part.source_addr_ton = from.ton;
    part.source_addr_npi = from.npi;
    part.source_addr = from.digits;
    part.dest_addr_ton = to.ton;
    part.dest_addr_npi = to.npi;
    part.destination_addr = to.digits;
    part.data_coding = segments.alphabet == sms::encoding::ucs2 ? 8 : 0;
    if (total > 1) {
      part.esm_class = smpp::esm::udhi;
      part.short_message = sms::concat_header(reference, static_cast<std::uint8_t>(i + 1), total);
    }
    const auto& payload = segments.segments[i].payload;
    part.short_message.insert(part.short_message.end(), payload.begin(), payload.end());
    parts.push_back(std::move(part));
  }
  return parts;
}

}  // namespace siaran::smscsim
