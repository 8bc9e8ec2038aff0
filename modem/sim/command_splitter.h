// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace siaran::modemsim {

// What the host sent, split as a modem's command line parser sees it (V.250 §5.2, 27.005
// §3.5.1): a command line ends with CR; after the "> " prompt of AT+CMGS the PDU ends with
// Ctrl-Z (0x1A) or is abandoned with ESC (0x1B).
struct host_input {
  enum class kind { command, pdu, abort };
  kind what = kind::command;
  std::string text;  // the command line or the PDU hex, without its terminator
};

class command_splitter {
 public:
  // A command line longer than this is dropped up to its CR, as a modem's buffer overflows.
  static constexpr std::size_t max_line_bytes = 4096;

  void feed(std::string_view bytes) { buffer_.append(bytes); }

  // The next complete input, or nothing until more bytes arrive. Bytes after it stay buffered,
  // so a caller that answers a command with a prompt calls expect_pdu() before asking again.
  std::optional<host_input> next();

  // The prompt was sent: what follows is a PDU up to Ctrl-Z or ESC.
  void expect_pdu() { in_pdu_ = true; }

  void reset();

 private:
  std::optional<host_input> next_command();
  std::optional<host_input> next_pdu();

  std::string buffer_;
  bool in_pdu_ = false;
  bool overflowing_ = false;
};

}  // namespace siaran::modemsim
