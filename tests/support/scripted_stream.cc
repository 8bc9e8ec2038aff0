// SPDX-License-Identifier: GPL-3.0-or-later
#include "scripted_stream.h"

#include <algorithm>

namespace siaran::at::test {

scripted_stream::scripted_stream(asio::io_context& io) : data_ready_(io) {}

void scripted_stream::push(std::string_view bytes) {
  incoming_.append(bytes);
  data_ready_.cancel();
}

void scripted_stream::hang_up(boost::system::error_code error) {
  error_ = error;
  data_ready_.cancel();
}

asio::awaitable<read_result> scripted_stream::read_some(std::span<char> buffer) {
  while (incoming_.empty() && !error_) {
    data_ready_.expires_at(asio::steady_timer::time_point::max());
    boost::system::error_code ignored;
    co_await data_ready_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }
  if (incoming_.empty()) co_return read_result{error_, 0};
  const std::size_t count = std::min({buffer.size(), incoming_.size(), max_read});
  std::copy_n(incoming_.begin(), count, buffer.begin());
  incoming_.erase(0, count);
  co_return read_result{{}, count};
}

asio::awaitable<boost::system::error_code> scripted_stream::write(std::string_view bytes) {
  if (error_) co_return error_;
  writes.emplace_back(bytes);
  if (on_write) on_write(bytes);
  co_return boost::system::error_code{};
}

}  // namespace siaran::at::test
