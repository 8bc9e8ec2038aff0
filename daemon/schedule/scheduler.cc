// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/scheduler.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace siaran::daemon::schedule {
namespace {

using namespace std::chrono_literals;

// The longest sleep: a clock set forward, or a birthday setting changed, is noticed within it.
constexpr auto longest_sleep = std::chrono::milliseconds(60s);

}  // namespace

scheduler::scheduler(asio::io_context& io, schedule_runner& runner, clock now)
    : io_(io), runner_(runner), now_(std::move(now)), timer_(io) {}

void scheduler::start() {
  asio::co_spawn(io_, loop(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
}

void scheduler::stop() {
  stopped_ = true;
  timer_.cancel();
}

void scheduler::wake() { timer_.cancel(); }

asio::awaitable<void> scheduler::loop() {
  while (!stopped_) {
    timer_.expires_after(check_and_wait_time());
    boost::system::error_code ec;
    co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

std::chrono::milliseconds scheduler::check_and_wait_time() {
  const queue::timestamp now = now_();
  std::optional<queue::timestamp> next;
  try {
    next = runner_.check(now);
  } catch (const std::exception& e) {
    spdlog::error("schedule: checking what is due: {}", e.what());
  }
  if (!next) return longest_sleep;
  return std::clamp(std::chrono::duration_cast<std::chrono::milliseconds>(*next - now), 1ms, longest_sleep);
}

}  // namespace siaran::daemon::schedule
