// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads one PDU's fields in order, never past its buffer; each failure is a pdu_error naming the
// command, the field and the octet offset from the start of the PDU.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "smpp/pdu.h"

namespace siaran::smpp {

class pdu_reader {
 public:
  pdu_reader(std::span<const std::uint8_t> octets, std::string command, std::size_t offset);

  std::uint8_t u8(std::string_view field);
  std::uint16_t u16(std::string_view field);
  std::uint32_t u32(std::string_view field);
  // A C-octet string of at most `max_length` characters before its NULL.
  std::string c_string(std::string_view field, std::size_t max_length);
  // A date (§7.1.1): empty, or exactly 16 characters.
  std::string time_string(std::string_view field);
  std::vector<std::uint8_t> octets(std::string_view field, std::size_t count);
  // The optional parameters up to the end of the body.
  tlv_list tlvs();

  bool at_end() const { return offset_ == octets_.size(); }
  std::size_t offset() const { return offset_; }
  [[noreturn]] void fail(std::string_view field, const std::string& what) const;

 private:
  void need(std::string_view field, std::size_t count) const;

  std::span<const std::uint8_t> octets_;
  std::string command_;
  std::size_t offset_;
};

}  // namespace siaran::smpp
