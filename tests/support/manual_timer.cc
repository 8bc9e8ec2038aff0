// SPDX-License-Identifier: GPL-3.0-or-later
#include "manual_timer.h"

#include <algorithm>
#include <memory>

#include <boost/system/error_code.hpp>

namespace siaran::at::test {

// The waiting itself is an asio::steady_timer that never expires on its own: advance() and
// cancel() end the wait, so nothing depends on real time.
class manual_timer final : public timer {
 public:
  explicit manual_timer(manual_clock& clock) : clock_(clock), signal_(clock.io_) {
    clock_.timers_.push_back(this);
  }
  ~manual_timer() override { std::erase(clock_.timers_, this); }

  void expires_after(std::chrono::milliseconds after) override {
    deadline_ = clock_.now_ + after;
    expired_ = after.count() <= 0;
    armed_ = !expired_;
  }

  void cancel() override { signal_.cancel(); }

  asio::awaitable<bool> wait() override {
    if (expired_) co_return true;
    signal_.expires_at(asio::steady_timer::time_point::max());
    boost::system::error_code ignored;
    co_await signal_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    co_return expired_;
  }

  void reached(std::chrono::milliseconds now) {
    if (!armed_ || now < deadline_) return;
    armed_ = false;
    expired_ = true;
    signal_.cancel();
  }

 private:
  manual_clock& clock_;
  asio::steady_timer signal_;
  std::chrono::milliseconds deadline_{0};
  bool armed_ = false;
  bool expired_ = false;
};

timer_factory manual_clock::factory() {
  return [this] { return std::make_unique<manual_timer>(*this); };
}

void manual_clock::advance(std::chrono::milliseconds by) {
  now_ += by;
  const std::vector<manual_timer*> timers = timers_;
  for (manual_timer* each : timers) each->reached(now_);
}

}  // namespace siaran::at::test
