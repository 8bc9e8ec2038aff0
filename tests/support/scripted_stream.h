// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "common/asio.h"
#include "modem/at/byte_stream.h"

namespace siaran::at::test {

// An in-memory modem for channel tests: the test pushes the bytes the modem "sends", sees
// every write, and can answer writes from on_write. No threads, no sleeps.
class scripted_stream final : public byte_stream {
 public:
  explicit scripted_stream(asio::io_context& io);

  void push(std::string_view bytes);
  // The device vanishes: pending and later reads and writes fail with `error`.
  void hang_up(boost::system::error_code error = asio::error::eof);

  asio::awaitable<read_result> read_some(std::span<char> buffer) override;
  asio::awaitable<boost::system::error_code> write(std::string_view bytes) override;
  void close() override { hang_up(asio::error::operation_aborted); }

  std::function<void(std::string_view written)> on_write;
  std::vector<std::string> writes;
  // Largest read handed out, to split the modem's output into small chunks.
  std::size_t max_read = std::numeric_limits<std::size_t>::max();

 private:
  asio::steady_timer data_ready_;
  std::string incoming_;
  boost::system::error_code error_;
};

}  // namespace siaran::at::test
