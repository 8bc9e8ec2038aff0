// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "modem/at/byte_stream.h"

namespace siaran::modem {

enum class flow_control { none, hardware };

struct serial_settings {
  unsigned baud = 115200;
  flow_control flow = flow_control::none;
  // Sees every byte read (direction "<-") and written ("->"), for `--trace`.
  std::function<void(std::string_view direction, std::string_view bytes)> trace;
};

// A port that cannot be opened or configured. The message names the port and what to try.
class open_error : public std::runtime_error {
 public:
  open_error(std::string message, int error_number)
      : std::runtime_error(std::move(message)), error_number_(error_number) {}
  int error_number() const { return error_number_; }

 private:
  int error_number_;
};

// A serial device or pseudo-terminal as an at::byte_stream: opened exclusively (TIOCEXCL) in
// raw mode, 8N1, at the given baud, with asio::serial_port doing the asynchronous reads and
// writes. libserialport is not the open path: Debian 12's 0.1.1 refuses pseudo-terminals
// (DESIGN.md), and tests and hardware must share this code.
//
// A vanished device (EIO, ENXIO, end of file, hang-up) ends reads and writes with an error,
// which the channel reports as "device gone".
class serial_port final : public at::byte_stream {
 public:
  // Throws open_error.
  serial_port(asio::io_context& io, std::string path, serial_settings settings = {});
  ~serial_port() override;
  serial_port(const serial_port&) = delete;
  serial_port& operator=(const serial_port&) = delete;

  asio::awaitable<at::read_result> read_some(std::span<char> buffer) override;
  asio::awaitable<boost::system::error_code> write(std::string_view bytes) override;
  void close() override;

  const std::string& path() const { return path_; }

 private:
  struct device;
  std::string path_;
  serial_settings settings_;
  std::unique_ptr<device> device_;
};

// "AT\r\n" as "AT\\r\\n": control characters visible, for traces.
std::string escape_bytes(std::string_view bytes);

}  // namespace siaran::modem
