// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include <boost/system/error_code.hpp>

#include "common/asio.h"

namespace siaran::at {

struct read_result {
  boost::system::error_code error;  // set when the device is gone (EOF, EIO, ENXIO, hang-up)
  std::size_t bytes = 0;
};

// The seam between the AT channel and a device: a serial port or pty in production, a
// scripted in-memory stream in unit tests. All calls happen on the channel's io_context.
class byte_stream {
 public:
  virtual ~byte_stream() = default;

  // Completes with at least one byte, or with an error.
  virtual asio::awaitable<read_result> read_some(std::span<char> buffer) = 0;
  // Completes when all of `bytes` is written (the caller keeps them alive meanwhile).
  virtual asio::awaitable<boost::system::error_code> write(std::string_view bytes) = 0;
  // Ends pending reads and writes with an error.
  virtual void close() = 0;
};

}  // namespace siaran::at
