// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Sends queued parts across the modem pool and the SMPP binds (DESIGN.md "Throughput",
// "Channels"): a global token bucket over parts, one part in flight per modem and up to its
// window per bind, an optional per-minute cap per modem, priorities, sticky and operator-aware
// modem choice, the channel kind each message allows (dispatch/channel_choice.h), retries with exponential backoff
// for temporary errors, none for permanent ones. Every part is claimed in the store before it
// is written to a modem; its outcome is recorded with the next claim, or within 100 ms. Every
// store call runs on the store's writer thread (store_thread.h), awaited: a lock held by
// another process pauses sending, never the daemon.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "daemon/clock.h"
#include "daemon/concat_references.h"
#include "daemon/dispatch/channel_choice.h"
#include "daemon/dispatch/modem_rest.h"
#include "daemon/dispatch/price_list.h"
#include "daemon/dispatch/token_bucket.h"
#include "daemon/send_metrics.h"
#include "daemon/store_thread.h"
#include "common/asio.h"
#include "modem/modem_entry.h"
#include "modem/pool.h"
#include "queue/message_queue.h"
#include "smpp/bind.h"

namespace siaran::daemon {

struct dispatch_settings {
  double rate_per_second = 35;  // 0: no global limit
  unsigned burst = 5;
  unsigned max_attempts = 5;
  std::chrono::seconds retry_delay{30};
  std::chrono::seconds retry_max_delay{3600};
  queue::uncertain_policy on_uncertain = queue::uncertain_policy::resend;
  price_list prices;  // what each part sent cost, recorded with it
  bool auto_prefers_modems = false;  // `via: auto` goes by modem while one is up (default: by a bind)
};

// An SMPP bind as the dispatcher sends through it: the bind, and the names it may send from.
struct bind_channel {
  smpp::bind* bind = nullptr;
  std::vector<std::string> senders;
  unsigned window = 10;  // the configured window: messages it may be sending at once
};

class dispatcher {
 public:
  // `entries` are the pool's, in the same order (operator, per-minute cap). `messages` is used
  // only in jobs on `writes`.
  // `references` gives a long message sent again whole its new concatenation reference. `now`
  // says when parts are due, expire and were claimed, sent or failed; the throttle, the caps
  // and the rounds run on the steady clock.
  // `binds` come after the modems in the dispatcher's channel indexes.
  dispatcher(asio::io_context& io, store_thread& writes, queue::message_queue& messages,
             modem::pool& pool, std::vector<modem::modem_entry> entries, std::vector<bind_channel> binds,
             dispatch_settings settings, send_metrics& metrics, concat_reference_allocator& references,
             clock now);

  void start();
  // Something changed: a modem became ready or finished a send.
  void wake();
  // New work was queued: it may overtake what the dispatcher last read of the queue.
  void queued();
  // No new claims from now on; returns once no part is in flight, or at `limit`.
  asio::awaitable<void> drain(std::chrono::milliseconds limit);

  // Parts on a modem, and parts sent whose outcome the store has not recorded yet: a client
  // that waits for none in flight before a kill -9 must find every sent part recorded.
  std::size_t in_flight() const {
    return in_flight_count_ + noted_.size() + unrecorded_sends_.load();
  }
  bool draining() const { return draining_; }
  // Hands the sends noted so far to the store, in a job of the writer that runs before any job
  // posted after this call: an SMPP receipt can come before its send is recorded, and its
  // handler calls this first so that the receipt finds its part.
  void record_noted_sends();
  const dispatch_settings& settings() const { return settings_; }
  // The configured operator of the modem at `index` ("" when none).
  const std::string& modem_operator(std::size_t index) const {
    return entries_[index].operator_name;
  }
  // How much longer the modem at `index` rests after failing sends in a row (zero when not).
  std::chrono::seconds rests_for(std::size_t index) const;
  // A modem whose balance is below its threshold rests until `held` is false again
  // (balance/balance_checks.h); its pinned parts move to another modem, as a resting one's do.
  void hold_for_low_balance(std::size_t index, bool held);
  // Whether the modem at `index` has a part claimed for it or on it: a USSD code must wait.
  bool has_part_on(std::size_t index) const { return load_[index].in_flight > 0; }
  // Messages a bind is sending now (each has at most one part awaiting the SMSC's answer).
  unsigned in_flight_on_bind(std::size_t bind_index) const { return load_[entries_.size() + bind_index].in_flight; }

 private:
  // The head of the queue as last read: at 40 parts/s, reading it once per part cost more
  // than the claim. Stale entries are harmless (a claim of a part no longer queued fails).
  struct queue_head {
    std::vector<candidate> parts;
    std::chrono::steady_clock::time_point read_at{};
    bool outdated = true;
  };

  // A part sent, to be handed to the store with the dispatcher's next job
  // (message_queue::note_sent).
  struct noted_send {
    std::int64_t part_id;
    std::string modem;
    int reference;
    queue::timestamp at;
    unsigned price;
    std::optional<std::string> smsc_message_id;
  };

  // What one attempt on a channel achieved, whichever kind of channel it was.
  struct attempt_outcome {
    std::optional<int> reference;               // a modem's TP-MR
    std::optional<std::string> smsc_message_id;  // a bind's submit_sm_resp
    bool ok = false;
    bool permanent = false;     // the message's own fault: no channel can send it
    bool of_channel = false;    // the channel's fault: it rests (a modem) and another may send
    bool maybe_sent = false;    // written, no answer: uncertain
    std::optional<int> code;    // +CMS ERROR or SMPP command_status
    std::string what;           // "modem m1: error 42, ..." for logs and last_error
  };

  struct modem_load {
    unsigned in_flight = 0;  // a modem: 0 or 1; a bind: messages it is sending
    std::deque<std::chrono::steady_clock::time_point> recent;  // sends within the last minute
    modem_rest rest;
    bool low_balance = false;
  };

  asio::awaitable<void> run();
  asio::awaitable<void> round();
  asio::awaitable<void> sleep_until(std::chrono::steady_clock::time_point until);
  template <typename Job>
  asio::awaitable<std::invoke_result_t<Job&, queue::message_queue&>> in_store(const Job& job);
  template <typename Job>
  auto with_noted_sends(Job job);
  asio::awaitable<bool> read_head_if_outdated(std::chrono::steady_clock::time_point now,
                                              std::size_t can_send);
  asio::awaitable<void> read_head(std::chrono::steady_clock::time_point now, std::size_t can_send);
  std::optional<queue::claimed_part> claim_moved(queue::message_queue& s, std::int64_t part_id,
                                                 const std::string& modem, const std::string& from,
                                                 queue::timestamp at);
  asio::awaitable<void> claim_chosen(const std::vector<assignment>& chosen,
                                     std::chrono::steady_clock::time_point now);
  asio::awaitable<void> expire_now_and_then(std::chrono::steady_clock::time_point now);
  const std::vector<channel_slot>& slots(std::chrono::steady_clock::time_point now);
  std::chrono::steady_clock::time_point next_cap_release() const;
  std::vector<std::string> busy_modems() const;
  void launch(std::size_t modem_index, queue::claimed_part part);
  asio::awaitable<void> send(std::size_t modem_index, queue::claimed_part part);
  asio::awaitable<bool> send_one(std::size_t modem_index, const queue::claimed_part& part);
  asio::awaitable<attempt_outcome> attempt_on_modem(std::size_t modem_index, const queue::claimed_part& part);
  asio::awaitable<attempt_outcome> attempt_on_bind(std::size_t channel_index, const queue::claimed_part& part);
  bool is_bind(std::size_t channel_index) const { return channel_index >= entries_.size(); }
  const std::string& channel_id(std::size_t channel_index) const;
  asio::awaitable<std::optional<queue::claimed_part>> next_part_of(std::size_t modem_index,
                                                                   const queue::claimed_part& sent);
  bool claim_follows_soon(const queue::claimed_part& part) const;
  asio::awaitable<void> record(std::size_t modem_index, const queue::claimed_part& part,
                               const attempt_outcome& outcome);
  asio::awaitable<void> record_failure(std::size_t modem_index, const queue::claimed_part& part,
                                       const attempt_outcome& outcome);
  template <typename Job>
  asio::awaitable<void> until_recorded(const queue::claimed_part& part, const Job& job);
  std::chrono::seconds backoff(int attempts) const;
  void rest_after_failure(std::size_t modem_index, const std::string& what);

  asio::io_context& io_;
  store_thread& writes_;
  queue::message_queue& queue_;
  concat_reference_allocator& references_;
  clock now_;
  modem::pool& pool_;
  std::vector<modem::modem_entry> entries_;
  std::vector<bind_channel> binds_;
  dispatch_settings settings_;
  send_metrics& metrics_;
  token_bucket bucket_;
  std::chrono::nanoseconds round_interval_;  // the least time between throttled rounds
  std::chrono::steady_clock::time_point last_claims_at_{};  // the last round that claimed
  asio::steady_timer wake_timer_;
  asio::steady_timer drain_timer_;  // cancelled when the last part in flight ends
  bool woken_ = false;
  bool awaiting_token_ = false;  // the run loop sleeps until the throttle's next token
  // When the sleeping run loop wakes; min() while it runs.
  std::chrono::steady_clock::time_point wakes_at_ = std::chrono::steady_clock::time_point::min();
  bool draining_ = false;
  bool store_failing_ = false;  // the last round failed on a store error other than a lock
  std::vector<modem_load> load_;      // one per channel: the modems, then the binds
  std::vector<channel_slot> slots_;  // one per channel; flags refreshed each round
  queue_head head_;
  std::size_t in_flight_count_ = 0;
  // Sends not yet handed to the store: awaiting a hop to the writer thread for each one cost
  // a fifth of the daemon's CPU at 40 parts/s.
  std::vector<noted_send> noted_;
  // Sends handed to the store and not yet recorded there, as of its last job, plus those on
  // their way to it in a job (written on the writer thread, read on the I/O thread).
  std::atomic<std::size_t> unrecorded_sends_ = 0;
  std::size_t rotation_ = 0;
  std::chrono::steady_clock::time_point next_expiry_sweep_{};
  sticky_modems sticky_;
};

}  // namespace siaran::daemon
