// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <memory>
#include <utility>

#include "common/asio.h"
#include "modem/at/timer.h"

namespace siaran::modem {

// Commands whose meaning depends on state the modem keeps between them run as one sequence:
// AT+CPMS chooses mem1 and the AT+CMGR after it reads there (27.005 §3.2.2), so an
// initialisation's AT+CPMS or ATZ between the two makes AT+CMGR read another storage. One
// holder at a time; the others wait in the order they asked.
class sequence_lock {
 public:
  class guard {
   public:
    explicit guard(sequence_lock* lock) : lock_(lock) {}
    guard(guard&& other) noexcept : lock_(std::exchange(other.lock_, nullptr)) {}
    guard(const guard&) = delete;
    guard& operator=(const guard&) = delete;
    guard& operator=(guard&&) = delete;
    ~guard() {
      if (lock_) lock_->release();
    }

   private:
    sequence_lock* lock_;
  };

  explicit sequence_lock(at::timer_factory timers) : timers_(std::move(timers)) {}

  asio::awaitable<guard> acquire() {
    if (held_ || !waiting_.empty()) {
      const std::unique_ptr<at::timer> wake = timers_();
      waiting_.push_back(wake.get());
      while (held_ || waiting_.front() != wake.get()) {
        wake->expires_after(std::chrono::hours(24 * 365));
        co_await wake->wait();
      }
      waiting_.pop_front();
    }
    held_ = true;
    co_return guard(this);
  }

 private:
  void release() {
    held_ = false;
    if (!waiting_.empty()) waiting_.front()->cancel();
  }

  at::timer_factory timers_;
  bool held_ = false;
  std::deque<at::timer*> waiting_;
};

}  // namespace siaran::modem
