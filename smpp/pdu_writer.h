// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Appends one PDU's fields in order, refusing a string over its field's length (pdu_error with
// the offset it would have been written at).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "smpp/pdu.h"

namespace siaran::smpp {

class pdu_writer {
 public:
  explicit pdu_writer(std::string command);

  void u8(std::uint8_t value);
  void u16(std::uint16_t value);
  void u32(std::uint32_t value);
  void c_string(std::string_view field, std::string_view value, std::size_t max_length);
  void time_string(std::string_view field, std::string_view value);
  void octets(std::span<const std::uint8_t> value);
  void tlvs(const tlv_list& list);

  // A pdu_error naming the command, `field` and the offset it would have been written at.
  [[noreturn]] void fail(std::string_view field, const std::string& what) const;

  // Sets command_length at the front and hands the octets over.
  std::vector<std::uint8_t> finish();

 private:
  std::string command_;
  std::vector<std::uint8_t> out_;
};

}  // namespace siaran::smpp
