// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/submitted_message.h"

#include <algorithm>
#include <span>
#include <vector>

#include "sms/codec_error.h"
#include "sms/gsm7_alphabet.h"
#include "sms/hex.h"
#include "sms/ucs2.h"
#include "sms/utf8.h"

namespace siaran::smscsim {
namespace {

namespace status = smpp::status;
using octet_span = std::span<const std::uint8_t>;

constexpr std::uint8_t ton_alphanumeric = 5;
constexpr std::size_t max_alphanumeric_sender = 11;

bool is_number(std::string_view address) {
  if (address.starts_with('+')) address.remove_prefix(1);
  return !address.empty() &&
         std::ranges::all_of(address, [](char c) { return c >= '0' && c <= '9'; });
}

bool is_alphanumeric_sender(std::string_view address) {
  return !address.empty() && address.size() <= max_alphanumeric_sender &&
         std::ranges::all_of(address, [](char c) { return c >= 0x20 && c < 0x7F; });
}

void check_addresses(const smpp::short_message_body& submit) {
  if (!is_number(submit.destination_addr))
    throw submit_refused(
        status::invalid_destination,
        "destination_addr '" + submit.destination_addr + "' is not a phone number");
  const bool source_ok = submit.source_addr_ton == ton_alphanumeric
                             ? is_alphanumeric_sender(submit.source_addr)
                             : is_number(submit.source_addr);
  if (!source_ok)
    throw submit_refused(status::invalid_source, "source_addr '" + submit.source_addr +
                                                     "' does not fit TON " +
                                                     std::to_string(submit.source_addr_ton));
}

void check_flags(const smpp::short_message_body& submit) {
  // registered_delivery bits 1-0: 3 is reserved (§5.2.17).
  if ((submit.registered_delivery & 0x03) == 0x03)
    throw submit_refused(status::invalid_registered_delivery,
                         "registered_delivery asks for a reserved receipt kind");
  // A submit's message type bits must be "default message type" (§5.2.12).
  if ((submit.esm_class & smpp::esm::type_mask) != 0)
    throw submit_refused(status::invalid_esm_class,
                         "esm_class sets a message type an ESME cannot submit");
}

// The user data: short_message, or message_payload when short_message is empty.
std::vector<std::uint8_t> user_data_of(const smpp::short_message_body& submit, bool& from_payload) {
  const smpp::tlv* payload = smpp::find_tlv(submit.tlvs, smpp::tag::message_payload);
  from_payload = payload != nullptr;
  if (payload == nullptr) return submit.short_message;
  if (!submit.short_message.empty())
    throw submit_refused(status::invalid_message_length,
                         "both short_message and message_payload carry text");
  return payload->value;
}

// The header's octets (UDHL included) when esm_class says one leads the user data.
std::size_t header_length(octet_span data, bool udhi, std::optional<sms::concat_info>& concat) {
  if (!udhi) return 0;
  if (data.empty() || data[0] + 1u > data.size())
    throw submit_refused(status::invalid_message_length,
                         "the user data header runs past the user data");
  try {
    concat = sms::parse_user_data_header(data.subspan(1, data[0]), 1).concat();
  } catch (const sms::codec_error& e) {
    throw submit_refused(status::invalid_message_length,
                         std::string("the user data header: ") + e.what());
  }
  return data[0] + 1u;
}

std::optional<sms::concat_info> concat_from_options(const smpp::tlv_list& tlvs) {
  const auto reference = smpp::tlv_u16(tlvs, smpp::tag::sar_msg_ref_num);
  const auto total = smpp::tlv_u8(tlvs, smpp::tag::sar_total_segments);
  const auto part = smpp::tlv_u8(tlvs, smpp::tag::sar_segment_seqnum);
  if (!reference || !total || !part) return std::nullopt;
  return sms::concat_info{*reference, *part, *total};
}

// One character per octet (§5.2.19 data_coding 0: the SMSC default alphabet, GSM here).
std::string gsm_text(octet_span septets) {
  if (std::ranges::any_of(septets, [](std::uint8_t octet) { return octet > 0x7F; }))
    throw submit_refused(status::submit_failed,
                         "data_coding 0 carries an octet above 0x7F, not a GSM character");
  return sms::utf8_encode(sms::gsm7_decode(septets));
}

std::string latin1_text(octet_span octets) {
  std::string text;
  for (std::uint8_t octet : octets) sms::append_utf8(text, octet);
  return text;
}

std::string text_of(std::uint8_t data_coding, octet_span octets) {
  switch (data_coding) {
    case 0:
      return gsm_text(octets);
    case 1:  // IA5: ASCII
    case 3:
      return latin1_text(octets);
    case 8:
      if (octets.size() % 2 != 0)
        throw submit_refused(status::invalid_message_length,
                             "UCS2 text with an odd number of octets");
      return sms::utf8_encode(sms::ucs2_decode(octets));
    case 2:
    case 4:
      return sms::hex_encode(octets);
    default:
      throw submit_refused(
          status::invalid_data_coding,
          "data_coding " + std::to_string(data_coding) + " is not one this SMSC sends");
  }
}

// One SMS holds 160 septets (a header counted in septets) or 140 octets; message_payload is
// segmented by the SMSC itself and may be longer.
void check_length(std::uint8_t data_coding, std::size_t header, std::size_t body) {
  const std::size_t used =
      data_coding == 0 ? sms::header_septet_count(header) + body : header + body;
  const std::size_t room = data_coding == 0 ? 160 : 140;
  if (used > room)
    throw submit_refused(status::invalid_message_length,
                         "short_message needs " + std::to_string(used) +
                             (data_coding == 0 ? " septets" : " octets") + ", one SMS holds " +
                             std::to_string(room));
}

}  // namespace

submitted_message read_submit(const smpp::short_message_body& submit) {
  check_addresses(submit);
  check_flags(submit);
  submitted_message message;
  const std::vector<std::uint8_t> data = user_data_of(submit, message.from_payload);
  const std::size_t header =
      header_length(data, (submit.esm_class & smpp::esm::udhi) != 0, message.concat);
  const octet_span body = octet_span(data).subspan(header);
  message.text = text_of(submit.data_coding, body);
  if (!message.from_payload) check_length(submit.data_coding, header, body.size());
  if (!message.concat) message.concat = concat_from_options(submit.tlvs);
  message.octets = data.size();
  return message;
}

}  // namespace siaran::smscsim
