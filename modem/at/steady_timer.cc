// SPDX-License-Identifier: GPL-3.0-or-later
#include <boost/system/error_code.hpp>

#include "modem/at/timer.h"

namespace siaran::at {
namespace {

class steady_timer final : public timer {
 public:
  explicit steady_timer(asio::io_context& io) : timer_(io) {}

  void expires_after(std::chrono::milliseconds after) override { timer_.expires_after(after); }
  void cancel() override { timer_.cancel(); }

  asio::awaitable<bool> wait() override {
    boost::system::error_code error;
    co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, error));
    co_return !error;
  }

 private:
  asio::steady_timer timer_;
};

}  // namespace

timer_factory steady_timer_factory(asio::io_context& io) {
  return [&io] { return std::make_unique<steady_timer>(io); };
}

}  // namespace siaran::at
