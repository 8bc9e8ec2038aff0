// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/store_watch.h"

#include <spdlog/spdlog.h>

namespace siaran::daemon {
namespace {

using namespace std::chrono_literals;

constexpr auto probe_every = 1s;
// DESIGN.md: a lock held elsewhere shows as busy within 2 s.
constexpr auto overdue = 1500ms;
// A file damaged by a disk or by a hand is rare and does not heal: a check every ten minutes
// bounds how long changes go into it. On two years' use (1M parts, 622 MB) a check costs about
// 1 s of CPU, 3 s with the file in the page cache on a busy machine, 11 s from a cold disk.
constexpr auto check_every = 10min;

// Lowers `flag` however the job that raised it ends.
struct lowered_at_exit {
  std::atomic<bool>& flag;
  ~lowered_at_exit() { flag = false; }
};

// Logs the store's health when it changes: what is wrong and what to do, once.
void log_change(queue::store_health was, queue::store_health now) {
  if (now == was) return;
  if (now == queue::store_health::ok) {
    spdlog::info("the store can be written again (it was {})", queue::to_string(was));
  } else if (now == queue::store_health::busy) {
    spdlog::warn("the store is busy: {}", queue::explain(now));
  } else {
    spdlog::error("the store is {}: {}", queue::to_string(now), queue::explain(now));
  }
}

}  // namespace

store_watch::store_watch(asio::io_context& io, store_thread& writes, queue::maintenance& maintenance,
                         queue::statistics& statistics, store_thread& checks, queue::maintenance& checked)
    : writes_(writes),
      maintenance_(maintenance),
      statistics_(statistics),
      checks_(checks),
      checked_(checked),
      timer_(io) {}

void store_watch::start() { asio::co_spawn(timer_.get_executor(), loop(), asio::detached); }

void store_watch::stop() {
  stopped_ = true;
  timer_.cancel();
}

queue::store_health store_watch::health() const {
  const queue::store_health last = health_;
  if (last != queue::store_health::missing && last != queue::store_health::corrupt && probing_ &&
      std::chrono::steady_clock::now() - probe_started_ > overdue) {
    return queue::store_health::busy;
  }
  return last;
}

asio::awaitable<void> store_watch::loop() {
  while (!stopped_) {
    if (!checking_ && std::chrono::steady_clock::now() >= next_check_) check();
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
    const lowered_at_exit done{probing_};
    maintenance_.refuse_writes(damaged_);
    const queue::store_health now = maintenance_.health();
    log_change(health_, now);
    health_ = now;
    if (now == queue::store_health::ok) queued_ = statistics_.queue_depth();
  });
}

void store_watch::check() {
  checking_ = true;
  next_check_ = std::chrono::steady_clock::now() + check_every;
  checks_.post("checking the store for damage", [this] {
    const lowered_at_exit done{checking_};
    const auto started = std::chrono::steady_clock::now();
    const std::optional<std::string> damage = checked_.damage();
    spdlog::debug("PRAGMA quick_check took {} ms",
                  std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                      .count());
    if (damage && !damaged_) spdlog::error("PRAGMA quick_check found the store damaged: {}", *damage);
    damaged_ = damage.has_value();
  });
}

}  // namespace siaran::daemon
