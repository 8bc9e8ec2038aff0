// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/pdu_reader.h"

#include <algorithm>
#include <utility>

namespace siaran::smpp {

pdu_reader::pdu_reader(std::span<const std::uint8_t> octets, std::string command,
                       std::size_t offset)
    : octets_(octets), command_(std::move(command)), offset_(offset) {}

void pdu_reader::fail(std::string_view field, const std::string& what) const {
  throw pdu_error(command_ + ": " + std::string(field), offset_, what);
}

void pdu_reader::need(std::string_view field, std::size_t count) const {
  if (octets_.size() - offset_ < count) {
    fail(field, "needs " + std::to_string(count) + " octets but the PDU ends after " +
                    std::to_string(octets_.size() - offset_));
  }
}

std::uint8_t pdu_reader::u8(std::string_view field) {
  need(field, 1);
  return octets_[offset_++];
}

std::uint16_t pdu_reader::u16(std::string_view field) {
  need(field, 2);
  auto value = static_cast<std::uint16_t>(octets_[offset_] << 8 | octets_[offset_ + 1]);
  offset_ += 2;
  return value;
}

std::uint32_t pdu_reader::u32(std::string_view field) {
  need(field, 4);
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = value << 8 | octets_[offset_ + i];
  offset_ += 4;
  return value;
}

std::string pdu_reader::c_string(std::string_view field, std::size_t max_length) {
  auto rest = octets_.subspan(offset_);
  auto window = rest.first(std::min(rest.size(), max_length + 1));
  auto null = std::find(window.begin(), window.end(), std::uint8_t{0});
  if (null == window.end()) {
    if (window.size() == rest.size())
      fail(field, "C-octet string not terminated before the end of the PDU");
    fail(field, "C-octet string longer than " + std::to_string(max_length) + " characters");
  }
  std::string value(window.begin(), null);
  offset_ += value.size() + 1;
  return value;
}

std::string pdu_reader::time_string(std::string_view field) {
  auto start = offset_;
  auto value = c_string(field, 16);
  if (!value.empty() && value.size() != 16) {
    offset_ = start;
    fail(field, "a time is empty or 16 characters, not " + std::to_string(value.size()));
  }
  return value;
}

std::vector<std::uint8_t> pdu_reader::octets(std::string_view field, std::size_t count) {
  need(field, count);
  auto first = octets_.begin() + static_cast<std::ptrdiff_t>(offset_);
  std::vector<std::uint8_t> value(first, first + static_cast<std::ptrdiff_t>(count));
  offset_ += count;
  return value;
}

tlv_list pdu_reader::tlvs() {
  tlv_list list;
  while (!at_end()) {
    tlv option;
    option.tag = u16("TLV tag");
    auto length = u16("TLV length");
    option.value = octets("TLV value", length);
    list.push_back(std::move(option));
  }
  return list;
}

}  // namespace siaran::smpp
