// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/user_data.h"

#include <span>

#include "sms/gsm7_alphabet.h"
#include "sms/hex.h"
#include "sms/septet_packing.h"
#include "sms/ucs2.h"
#include "sms/utf8.h"

namespace siaran::sms {
namespace {

std::size_t octets_announced(std::size_t length, encoding alphabet) {
  return alphabet == encoding::gsm7 ? packed_octet_count(length) : length;
}

std::string describe_length(std::size_t length, encoding alphabet) {
  return std::to_string(length) + (alphabet == encoding::gsm7 ? " septets" : " octets");
}

void read_header(octet_reader& reader, std::span<const std::uint8_t> octets, std::size_t start,
                 user_data& ud) {
  const std::size_t header_length = octets[0];
  if (header_length + 1 > octets.size()) {
    reader.fail_at(start, "TP-UDHL says " + std::to_string(header_length) +
                              " octets but the user data holds only " +
                              std::to_string(octets.size() - 1) + " after it");
  }
  const auto elements = octets.subspan(1, header_length);
  ud.header = parse_user_data_header(elements, start + 1);
  ud.header_octets.assign(elements.begin(), elements.end());
}

void decode_gsm7(octet_reader& reader, std::span<const std::uint8_t> octets, std::size_t start,
                 user_data& ud) {
  std::size_t skip_septets = 0;
  unsigned fill_bits = 0;
  if (ud.has_header) {
    const std::size_t header_octets = ud.header_octets.size() + 1;
    skip_septets = header_septet_count(header_octets);
    fill_bits = header_fill_bits(header_octets);
    if (skip_septets > ud.length) {
      reader.fail_at(start, "the user data header (" + std::to_string(header_octets) +
                                " octets) is longer than TP-UDL (" +
                                describe_length(ud.length, encoding::gsm7) + ")");
    }
  }
  const auto after_header = octets.subspan(ud.has_header ? ud.header_octets.size() + 1 : 0);
  const auto septets = unpack_septets(after_header, ud.length - skip_septets, fill_bits);
  ud.text = utf8_encode(gsm7_decode(septets));
}

void decode_octets(octet_reader& reader, std::span<const std::uint8_t> octets, std::size_t start,
                   encoding alphabet, user_data& ud) {
  const std::size_t skip = ud.has_header ? ud.header_octets.size() + 1 : 0;
  if (skip > octets.size()) reader.fail_at(start, "the user data header is longer than TP-UDL");
  const auto payload = octets.subspan(skip);
  if (alphabet == encoding::ucs2) {
    ud.text = utf8_encode(ucs2_decode(payload));
  } else {
    ud.data.assign(payload.begin(), payload.end());
    ud.text = hex_encode(payload);
  }
}

}  // namespace

user_data read_user_data(octet_reader& reader, const data_coding& coding, bool has_header) {
  user_data ud;
  ud.length = reader.octet("TP-UDL");
  ud.has_header = has_header && ud.length > 0;
  const std::size_t start = reader.offset();
  const std::size_t needed = octets_announced(ud.length, coding.alphabet);
  if (needed > reader.remaining()) {
    reader.fail("TP-UDL says " + describe_length(ud.length, coding.alphabet) + " but only " +
                std::to_string(reader.remaining()) + " octets of user data remain");
  }
  if (coding.compressed && ud.length > 0) {
    reader.fail("compressed user data (TP-DCS 0x" + hex_encode(std::span(&coding.dcs, 1)) +
                ", TS 23.042) is not supported");
  }
  const auto octets = reader.octets(needed, "TP-UD");
  if (ud.has_header) read_header(reader, octets, start, ud);
  if (coding.alphabet == encoding::gsm7) {
    decode_gsm7(reader, octets, start, ud);
  } else {
    decode_octets(reader, octets, start, coding.alphabet, ud);
  }
  return ud;
}

}  // namespace siaran::sms
