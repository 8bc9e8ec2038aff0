// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/balance/balance_checks.h"

#include <utility>

#include <spdlog/spdlog.h>

#include "modem/ussd/balance_text.h"

namespace siaran::daemon {
namespace {

using steady = std::chrono::steady_clock;

// A check that finds the modem busy or not ready looks again this much later.
constexpr std::chrono::seconds retry_wait{2};
// What a handset waits for the network's answer; the operators' balance systems are slow.
constexpr std::chrono::seconds answer_wait{30};

}  // namespace

balance_checks::balance_checks(asio::io_context& io, modem::pool& pool, std::vector<modem::modem_entry> entries,
                               dispatcher& dispatch, clock now)
    : io_(io), pool_(pool), entries_(std::move(entries)), dispatch_(dispatch), now_(std::move(now)) {
  modems_.resize(entries_.size());
  for (per_modem& m : modems_) m.wake = std::make_unique<asio::steady_timer>(io_);
}

void balance_checks::start() {
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (checks(i)) asio::co_spawn(io_, run(i), asio::detached);
  }
}

void balance_checks::stop() {
  stopped_ = true;
  for (per_modem& m : modems_) m.wake->cancel();
}

bool balance_checks::check_now(std::size_t index) {
  if (!checks(index)) return false;
  modems_[index].requested = true;
  modems_[index].wake->cancel();
  return true;
}

// The first check as soon as the modem can take it, then one per balance_check.
asio::awaitable<void> balance_checks::run(std::size_t index) {
  per_modem& m = modems_[index];
  steady::time_point next_due = steady::now();
  while (!stopped_) {
    const bool due = m.requested || steady::now() >= next_due;
    if (due && can_dial(index)) {
      m.requested = false;
      co_await check(index);
      next_due = steady::now() + entries_[index].balance_check;
      continue;
    }
    m.wake->expires_at(due ? steady::now() + retry_wait : next_due);
    boost::system::error_code ignored;
    co_await m.wake->async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  }
}

bool balance_checks::can_dial(std::size_t index) const {
  return pool_.modems()[index]->state() == modem::modem_state::ready && !dispatch_.has_part_on(index);
}

asio::awaitable<void> balance_checks::check(std::size_t index) {
  modems_[index].reading.checking = true;
  const std::string code = entries_[index].balance_code;
  const modem::ussd_outcome outcome = co_await pool_.modems()[index]->ussd(code, answer_wait);
  modems_[index].reading.checking = false;
  record(index, outcome);
  dispatch_.wake();  // the modem is ready again
}

void balance_checks::record(std::size_t index, const modem::ussd_outcome& outcome) {
  balance_reading& reading = modems_[index].reading;
  const std::string& id = entries_[index].id;
  if (!outcome.ok()) {
    reading.error = outcome.error;
    spdlog::warn("modem {}: balance check {} failed: {}", id, entries_[index].balance_code, outcome.error);
    return;
  }
  reading.error.clear();
  reading.text = outcome.reply->text;
  reading.at = now_();
  reading.balance = modem::balance_in(outcome.reply->text);
  if (!reading.balance) {
    reading.error = "the answer names no balance";
    spdlog::warn("modem {}: balance check {}: the answer names no balance ({} characters kept)", id,
                 entries_[index].balance_code, reading.text.size());
    return;
  }
  spdlog::info("modem {}: balance Rp {}", id, *reading.balance);
  judge(index);
}

void balance_checks::judge(std::size_t index) {
  balance_reading& reading = modems_[index].reading;
  const modem::modem_entry& entry = entries_[index];
  const bool low = entry.balance_threshold > 0 && *reading.balance < entry.balance_threshold;
  if (low && !reading.low) {
    spdlog::warn("modem {}: balance Rp {} is below its threshold Rp {}{}", entry.id, *reading.balance,
                 entry.balance_threshold, entry.rest_when_low ? "; it rests until topped up" : "");
  }
  reading.low = low;
  reading.resting = low && entry.rest_when_low;
  dispatch_.hold_for_low_balance(index, reading.resting);
}

}  // namespace siaran::daemon
