// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/sim/command_splitter.h"

namespace siaran::modemsim {
namespace {

constexpr char ctrl_z = 0x1A;
constexpr char escape = 0x1B;

}  // namespace

std::optional<host_input> command_splitter::next() {
  return in_pdu_ ? next_pdu() : next_command();
}

void command_splitter::reset() {
  buffer_.clear();
  in_pdu_ = false;
  overflowing_ = false;
}

std::optional<host_input> command_splitter::next_command() {
  for (;;) {
    // LF is not a terminator (V.250 S3 is CR); hosts that send CRLF leave it in front of the
    // next command, where it is skipped.
    const std::size_t start = buffer_.find_first_not_of('\n');
    buffer_.erase(0, start == std::string::npos ? buffer_.size() : start);
    const std::size_t end = buffer_.find('\r');
    if (end == std::string::npos) {
      if (buffer_.size() > max_line_bytes) {
        buffer_.clear();
        overflowing_ = true;
      }
      return std::nullopt;
    }
    std::string line = buffer_.substr(0, end);
    buffer_.erase(0, end + 1);
    // ESC outside PDU entry (a host's resync, in case it left us at the prompt) is ignored.
    std::erase(line, escape);
    if (overflowing_ || line.size() > max_line_bytes) {
      overflowing_ = false;
      continue;
    }
    if (line.empty()) continue;  // a bare CR is ignored
    return host_input{host_input::kind::command, std::move(line)};
  }
}

std::optional<host_input> command_splitter::next_pdu() {
  const std::size_t end = buffer_.find_first_of(std::string_view("\x1A\x1B", 2));
  if (end == std::string::npos) return std::nullopt;
  const bool submitted = buffer_[end] == ctrl_z;
  static_assert(escape != ctrl_z);
  std::string pdu = buffer_.substr(0, end);
  buffer_.erase(0, end + 1);
  in_pdu_ = false;
  std::erase_if(pdu, [](char c) { return c == '\r' || c == '\n'; });
  return host_input{submitted ? host_input::kind::pdu : host_input::kind::abort, std::move(pdu)};
}

}  // namespace siaran::modemsim
