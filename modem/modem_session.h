// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The pieces of one modem shared by its supervisor, its initialisation and its inbox.

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "common/asio.h"
#include "modem/at/channel.h"
#include "modem/at/timer.h"
#include "modem/at/ussd_parsers.h"
#include "modem/sequence_lock.h"

namespace siaran::modem {

inline constexpr std::chrono::milliseconds forever = std::chrono::hours(24 * 365);

// A wait that something else can end early (a "condition" for one waiter on one thread).
class wakeable {
 public:
  explicit wakeable(const at::timer_factory& timers) : timer_(timers()) {}

  // True when woken (now or before), false when `limit` passed.
  asio::awaitable<bool> wait(std::chrono::milliseconds limit) {
    if (std::exchange(woken_, false)) co_return true;
    timer_->expires_after(limit);
    const bool expired = co_await timer_->wait();
    if (std::exchange(woken_, false)) co_return true;
    co_return !expired;
  }

  void wake() {
    woken_ = true;
    timer_->cancel();
  }

  // Forgets a wake nobody waited for.
  void clear() { woken_ = false; }

 private:
  std::unique_ptr<at::timer> timer_;
  bool woken_ = false;
};

// Tells the modem the moment a read fails (unplug), instead of at the next command.
class watched_stream final : public at::byte_stream {
 public:
  explicit watched_stream(at::byte_stream& inner) : inner_(inner) {}

  asio::awaitable<at::read_result> read_some(std::span<char> buffer) override {
    at::read_result got = co_await inner_.read_some(buffer);
    if (got.error && on_end) on_end();
    co_return got;
  }
  asio::awaitable<boost::system::error_code> write(std::string_view bytes) override {
    return inner_.write(bytes);
  }
  void close() override { inner_.close(); }

  std::function<void()> on_end;

 private:
  at::byte_stream& inner_;
};

struct inbox_work {
  std::optional<std::string> pdu;  // +CMT / +CDS inline
  bool report = false;
  std::string memory;
  int index = -1;
};

// One opened port: the device, the channel over it, and the inbox work found on it.
struct session {
  session(std::unique_ptr<at::byte_stream> device, const at::timer_factory& timers, const std::string& name)
      : raw(std::move(device)),
        watched(*raw),
        chat(watched, timers, at::channel_options{name, std::chrono::seconds(1)}),
        inbox_wake(timers),
        ussd_wake(timers),
        sequence(timers) {}

  std::unique_ptr<at::byte_stream> raw;
  watched_stream watched;
  at::channel chat;
  wakeable inbox_wake;
  // The +CUSD answer of the USSD code in progress (modem_ussd.cc), woken when it is complete.
  wakeable ussd_wake;
  at::cusd_lines ussd_lines;
  std::optional<std::string> ussd_answer;
  // Held by an initialisation as a whole and by each inbox step (storage choice, then reads
  // and deletes there).
  sequence_lock sequence;
  std::deque<inbox_work> work;
  bool scan_requested = false;
  bool ended = false;
  bool read_ended = false;
  bool inbox_running = false;
  // From the last initialisation (modem_setup.h).
  bool needs_ack = false;
  std::string memory = "SM";
};

}  // namespace siaran::modem
