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

scheduler::scheduler(asio::io_context& io, store_thread& writes, store_thread& reads, schedule_runner& runner,
                     create_broadcast create, sweep swept, clock now, std::uint64_t& checks)
    : io_(io),
      writes_(writes),
      reads_(reads),
      runner_(runner),
      create_(std::move(create)),
      sweep_(std::move(swept)),
      now_(std::move(now)),
      timer_(io),
      checks_(checks) {}

void scheduler::start() {
  asio::co_spawn(io_, loop(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
}

void scheduler::stop() {
  stopped_ = true;
  timer_.cancel();
}

void scheduler::wake() {
  woken_ = true;
  timer_.cancel();
}

asio::awaitable<void> scheduler::loop() {
  while (!stopped_) {
    woken_ = false;
    const auto wait = co_await check_and_wait_time();
    // Stopped while the check ran on the writer: no sleep of up to a minute after the stop,
    // which would keep siarand from exiting until it ends.
    if (woken_ || stopped_) continue;
    timer_.expires_after(wait);
    boost::system::error_code ec;
    co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

asio::awaitable<std::chrono::milliseconds> scheduler::check_and_wait_time() {
  const queue::timestamp now = now_();
  std::optional<queue::timestamp> next;
  try {
    const auto check = [this, now] { return runner_.check(now); };
    const schedule_check found = co_await writes_.run(check);
    next = found.next;
    for (const claimed_occurrence& claimed : found.claimed) co_await run(claimed, now);
  } catch (const std::exception& e) {
    spdlog::error("schedule: checking what is due: {}", e.what());
  }
  const std::optional<queue::timestamp> swept = co_await run_sweep(now);
  if (swept) next = next ? std::min(*next, *swept) : *swept;
  ++checks_;
  if (!next) co_return longest_sleep;
  co_return std::clamp(std::chrono::duration_cast<std::chrono::milliseconds>(*next - now), 1ms, longest_sleep);
}

asio::awaitable<std::optional<queue::timestamp>> scheduler::run_sweep(queue::timestamp now) {
  try {
    const auto swept = [this, now] { return sweep_(now); };
    co_return co_await writes_.run(swept);
  } catch (const std::exception& e) {
    spdlog::error("schedule: closing what ended: {}", e.what());
  }
  co_return std::nullopt;
}

asio::awaitable<void> scheduler::run(const claimed_occurrence& claimed, queue::timestamp now) {
  const auto create = [this, &claimed, now] { return create_occurrence(claimed, create_, now); };
  const occurrence_outcome outcome = co_await reads_.run(create);
  const auto conclude = [this, &claimed, &outcome] { runner_.conclude(claimed, outcome); };
  co_await writes_.run(conclude);
}

}  // namespace siaran::daemon::schedule
