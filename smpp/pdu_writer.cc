// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/pdu_writer.h"

#include <algorithm>
#include <utility>

namespace siaran::smpp {

pdu_writer::pdu_writer(std::string command) : command_(std::move(command)) { out_.reserve(64); }

void pdu_writer::fail(std::string_view field, const std::string& what) const {
  throw pdu_error(command_ + ": " + std::string(field), out_.size(), what);
}

void pdu_writer::u8(std::uint8_t value) { out_.push_back(value); }

void pdu_writer::u16(std::uint16_t value) {
  out_.push_back(static_cast<std::uint8_t>(value >> 8));
  out_.push_back(static_cast<std::uint8_t>(value));
}

void pdu_writer::u32(std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out_.push_back(static_cast<std::uint8_t>(value >> shift));
}

void pdu_writer::c_string(std::string_view field, std::string_view value, std::size_t max_length) {
  if (value.size() > max_length) {
    fail(field, "\"" + std::string(value) + "\" is longer than " + std::to_string(max_length) +
                    " characters");
  }
  if (value.find('\0') != std::string_view::npos) {
    fail(field, "a C-octet string cannot hold a NULL");
  }
  out_.insert(out_.end(), value.begin(), value.end());
  out_.push_back(0);
}

void pdu_writer::time_string(std::string_view field, std::string_view value) {
  if (!value.empty() && value.size() != 16) {
    fail(field, "a time is empty or 16 characters");
  }
  c_string(field, value, 16);
}

void pdu_writer::octets(std::span<const std::uint8_t> value) {
  out_.insert(out_.end(), value.begin(), value.end());
}

void pdu_writer::tlvs(const tlv_list& list) {
  for (const auto& option : list) {
    if (option.value.size() > 0xFFFF) {
      fail("TLV value", "longer than 65535 octets");
    }
    u16(option.tag);
    u16(static_cast<std::uint16_t>(option.value.size()));
    octets(option.value);
  }
}

std::vector<std::uint8_t> pdu_writer::finish() {
  if (out_.size() > max_pdu_length) {
    throw pdu_error(command_ + ": command_length", 0,
                    "the PDU would be " + std::to_string(out_.size()) + " octets");
  }
  auto length = static_cast<std::uint32_t>(out_.size());
  for (int i = 0; i < 4; ++i)
    out_[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(length >> (24 - 8 * i));
  return std::move(out_);
}

}  // namespace siaran::smpp
