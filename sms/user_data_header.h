// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace siaran::sms {

// TS 23.040 §9.2.3.24: the user data header, a list of information elements (IEI, length,
// data) preceded by its own length octet (UDHL).

struct information_element {
  std::uint8_t id = 0;
  std::vector<std::uint8_t> data;
};

// Concatenated short message (IEI 0x00 with an 8-bit reference, 0x08 with a 16-bit one).
struct concat_info {
  unsigned reference = 0;
  unsigned part = 0;  // 1-based
  unsigned total = 0;
  bool operator==(const concat_info&) const = default;
};

// Application port addressing (IEI 0x04 8-bit, 0x05 16-bit), e.g. WAP push.
struct port_info {
  unsigned destination = 0;
  unsigned source = 0;
};

struct user_data_header {
  std::vector<information_element> elements;

  // An IE with the wrong length, a zero total, or a part number of zero or above the total
  // is ignored, as §9.2.3.24.1 tells the receiver to.
  std::optional<concat_info> concat() const;
  std::optional<port_info> ports() const;
};

// Parses the IEs that follow UDHL. `base_offset` is the PDU offset of the first IE, for error
// messages. An IE running past the header is a codec_error; unknown IEs are kept and skipped.
user_data_header parse_user_data_header(std::span<const std::uint8_t> elements,
                                        std::size_t base_offset);

// UDHL followed by the 8-bit-reference concatenation IE: 05 00 03 ref total part.
std::vector<std::uint8_t> concat_header(std::uint8_t reference, std::uint8_t part,
                                        std::uint8_t total);

// Septets a header of `header_octets` (UDHL included) occupies in a GSM 7-bit message, and
// the fill bits that align the first character to a septet boundary (§9.2.3.24).
std::size_t header_septet_count(std::size_t header_octets);
unsigned header_fill_bits(std::size_t header_octets);

}  // namespace siaran::sms
