// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/user_data_header.h"

#include <string>

#include "sms/codec_error.h"

namespace siaran::sms {
namespace {

constexpr std::uint8_t iei_concat_8bit = 0x00;
constexpr std::uint8_t iei_ports_8bit = 0x04;
constexpr std::uint8_t iei_ports_16bit = 0x05;
constexpr std::uint8_t iei_concat_16bit = 0x08;

std::optional<concat_info> read_concat(const information_element& ie) {
  concat_info info;
  if (ie.id == iei_concat_8bit && ie.data.size() == 3) {
    info = {ie.data[0], ie.data[2], ie.data[1]};
  } else if (ie.id == iei_concat_16bit && ie.data.size() == 4) {
    info = {static_cast<unsigned>(ie.data[0] << 8 | ie.data[1]), ie.data[3], ie.data[2]};
  } else {
    return std::nullopt;
  }
  if (info.total == 0 || info.part == 0 || info.part > info.total) return std::nullopt;
  return info;
}

}  // namespace

std::optional<concat_info> user_data_header::concat() const {
  for (const information_element& ie : elements) {
    if (auto info = read_concat(ie)) return info;
  }
  return std::nullopt;
}

std::optional<port_info> user_data_header::ports() const {
  for (const information_element& ie : elements) {
    if (ie.id == iei_ports_8bit && ie.data.size() == 2) return port_info{ie.data[0], ie.data[1]};
    if (ie.id == iei_ports_16bit && ie.data.size() == 4) {
      return port_info{static_cast<unsigned>(ie.data[0] << 8 | ie.data[1]),
                       static_cast<unsigned>(ie.data[2] << 8 | ie.data[3])};
    }
  }
  return std::nullopt;
}

user_data_header parse_user_data_header(std::span<const std::uint8_t> elements,
                                        std::size_t base_offset) {
  user_data_header header;
  std::size_t i = 0;
  while (i < elements.size()) {
    if (i + 2 > elements.size()) {
      throw codec_error("user data header: at octet " + std::to_string(base_offset + i) +
                        ": information element (IEI " + std::to_string(elements[i]) + ")" +
                        " has no length octet before the header ends");
    }
    const std::uint8_t id = elements[i];
    const std::size_t length = elements[i + 1];
    if (i + 2 + length > elements.size()) {
      throw codec_error("user data header: at octet " + std::to_string(base_offset + i) +
                        ": information element says " + std::to_string(length) +
                        " octets but only " + std::to_string(elements.size() - i - 2) +
                        " remain in the header");
    }
    const auto data = elements.subspan(i + 2, length);
    header.elements.push_back({id, {data.begin(), data.end()}});
    i += 2 + length;
  }
  return header;
}

std::vector<std::uint8_t> concat_header(std::uint8_t reference, std::uint8_t part,
                                        std::uint8_t total) {
  return {0x05, iei_concat_8bit, 0x03, reference, total, part};
}

std::size_t header_septet_count(std::size_t header_octets) { return (header_octets * 8 + 6) / 7; }

unsigned header_fill_bits(std::size_t header_octets) {
  return static_cast<unsigned>(header_septet_count(header_octets) * 7 - header_octets * 8);
}

}  // namespace siaran::sms
