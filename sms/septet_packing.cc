// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/septet_packing.h"

#include <string>

#include "sms/codec_error.h"

namespace siaran::sms {

std::size_t packed_octet_count(std::size_t septet_count, unsigned fill_bits) {
  return (septet_count * 7 + fill_bits + 7) / 8;
}

std::vector<std::uint8_t> pack_septets(std::span<const std::uint8_t> septets, unsigned fill_bits) {
  std::vector<std::uint8_t> octets(packed_octet_count(septets.size(), fill_bits), 0);
  std::size_t bit = fill_bits;
  for (const std::uint8_t septet : septets) {
    const unsigned value = septet & 0x7Fu;
    const std::size_t index = bit / 8;
    const unsigned shift = bit % 8;
    octets[index] = static_cast<std::uint8_t>(octets[index] | (value << shift));
    if (shift > 1) {
      octets[index + 1] = static_cast<std::uint8_t>(octets[index + 1] | (value >> (8 - shift)));
    }
    bit += 7;
  }
  return octets;
}

std::vector<std::uint8_t> unpack_septets(std::span<const std::uint8_t> octets,
                                         std::size_t septet_count, unsigned fill_bits) {
  if (packed_octet_count(septet_count, fill_bits) > octets.size()) {
    throw codec_error("septet unpacking: " + std::to_string(septet_count) + " septets need " +
                      std::to_string(packed_octet_count(septet_count, fill_bits)) +
                      " octets but only " + std::to_string(octets.size()) + " are present");
  }
  std::vector<std::uint8_t> septets;
  septets.reserve(septet_count);
  std::size_t bit = fill_bits;
  for (std::size_t n = 0; n < septet_count; ++n, bit += 7) {
    const std::size_t index = bit / 8;
    const unsigned shift = bit % 8;
    unsigned value = static_cast<unsigned>(octets[index]) >> shift;
    if (shift > 1) value |= static_cast<unsigned>(octets[index + 1]) << (8 - shift);
    septets.push_back(static_cast<std::uint8_t>(value & 0x7F));
  }
  return septets;
}

}  // namespace siaran::sms
