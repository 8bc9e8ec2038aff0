// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Each modem's SIM balance (pulsa), asked of the network by USSD on the modem's schedule, at
// start and on demand (POST /api/v1/modems/{id}/balance). A check waits for a moment the modem
// has no part on it (the modem runs one command sequence at a time, and a USSD session blocks
// it for seconds); meanwhile the modem shows "sending" and gets no part. A balance below the
// modem's threshold makes it low: Beranda warns, and with rest_when_low the dispatcher leaves
// it out until a check finds it topped up. Everything runs on the I/O thread.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/clock.h"
#include "daemon/dispatcher.h"
#include "common/asio.h"
#include "modem/modem_entry.h"
#include "modem/pool.h"

namespace siaran::daemon {

// What the last check of one modem found.
struct balance_reading {
  std::optional<std::int64_t> balance;  // rupiah; none when no answer said it
  std::optional<queue::timestamp> at;   // when that balance was read
  std::string text;                     // the answer it was read from, decoded and whole
  std::string error;                    // why the last check failed ("" when it did not)
  bool checking = false;
  bool low = false;      // the balance is below the modem's threshold
  bool resting = false;  // low, and rest_when_low: it sends nothing
};

class balance_checks {
 public:
  balance_checks(asio::io_context& io, modem::pool& pool, std::vector<modem::modem_entry> entries,
                 dispatcher& dispatch, clock now);

  void start();
  void stop();

  // Whether the modem at `index` has a balance code (its own or its operator's).
  bool checks(std::size_t index) const { return !entries_[index].balance_code.empty(); }
  // Asks for a check now, ahead of the schedule; false when the modem has no code.
  bool check_now(std::size_t index);
  const balance_reading& reading(std::size_t index) const { return modems_[index].reading; }
  const modem::modem_entry& entry(std::size_t index) const { return entries_[index]; }

 private:
  struct per_modem {
    balance_reading reading;
    std::unique_ptr<asio::steady_timer> wake;
    bool requested = false;
  };

  asio::awaitable<void> run(std::size_t index);
  bool can_dial(std::size_t index) const;
  asio::awaitable<void> check(std::size_t index);
  void record(std::size_t index, const modem::ussd_outcome& outcome);
  void judge(std::size_t index);

  asio::io_context& io_;
  modem::pool& pool_;
  std::vector<modem::modem_entry> entries_;
  dispatcher& dispatch_;
  clock now_;
  std::vector<per_modem> modems_;
  bool stopped_ = false;
};

}  // namespace siaran::daemon
