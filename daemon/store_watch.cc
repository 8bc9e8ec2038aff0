// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/store_watch.h"

#include <spdlog/spdlog.h>

namespace siaran::daemon {
namespace {

using namespace std::chrono_literals;

constexpr auto probe_every = 1s;
// DESIGN.md: a lock held elsewhere shows as busy within 2 s.
constexpr auto overdue = 1500ms;

}  // namespace

store_watch::store_watch(asio::io_context& io, store_thread& writes, queue::maintenance& maintenance,
                         queue::statistics& statistics)
    : writes_(writes), maintenance_(maintenance), statistics_(statistics), timer_(io) {}

void store_watch::start() { asio::co_spawn(timer_.get_executor(), loop(), asio::detached); }

void store_watch::stop() {
  stopped_ = true;
  timer_.cancel();
}

queue::store_health store_watch::health() const {
  if (probing_ && std::chrono::steady_clock::now() - probe_started_ > overdue) return queue::store_health::busy;
  return health_;
}

asio::awaitable<void> store_watch::loop() {
  while (!stopped_) {
    if (!probing_) probe();
    timer_.expires_after(probe_every);
    boost::system::error_code ignored;
    co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }
}

void store_watch::probe() {
  probing_ = true;
  probe_started_ = std::chrono::steady_clock::now();
  writes_.post("probing the store", [this] {
    struct finished {
      std::atomic<bool>& probing;
      ~finished() { probing = false; }
    } done{probing_};
    const queue::store_health was = health_;
    const queue::store_health now = maintenance_.health();
    if (now != was) {
      spdlog::log(now == queue::store_health::ok ? spdlog::level::info : spdlog::level::warn, "the store is {}",
                  now == queue::store_health::busy ? "locked by another program" : queue::to_string(now));
    }
    health_ = now;
    if (now == queue::store_health::ok) queued_ = statistics_.queue_depth();
  });
}

}  // namespace siaran::daemon
