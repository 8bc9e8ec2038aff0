// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "sms/codec_error.h"

namespace siaran::sms {

// Bounds-checked cursor over a PDU. Every read names the field it is for, so a truncated or
// lying PDU produces "SMS-DELIVER: TP-SCTS at octet 21 needs 7 octets but only 3 remain"
// instead of a read past the buffer.
class octet_reader {
 public:
  explicit octet_reader(std::span<const std::uint8_t> data) : data_(data) {}

  void set_context(std::string_view context) { context_ = context; }
  std::size_t offset() const { return offset_; }
  std::size_t remaining() const { return data_.size() - offset_; }

  std::uint8_t octet(std::string_view field) { return octets(1, field)[0]; }

  std::span<const std::uint8_t> octets(std::size_t count, std::string_view field) {
    if (count > remaining()) {
      fail(std::string(field) + " needs " + std::to_string(count) + " octet" +
           (count == 1 ? "" : "s") + " but only " + std::to_string(remaining()) + " remain");
    }
    auto result = data_.subspan(offset_, count);
    offset_ += count;
    return result;
  }

  // Throws codec_error "<context>: at octet <offset>: <problem>".
  [[noreturn]] void fail(const std::string& problem) const { fail_at(offset_, problem); }

  [[noreturn]] void fail_at(std::size_t offset, const std::string& problem) const {
    throw codec_error(context_ + ": at octet " + std::to_string(offset) + ": " + problem);
  }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t offset_ = 0;
  std::string context_ = "PDU";
};

}  // namespace siaran::sms
