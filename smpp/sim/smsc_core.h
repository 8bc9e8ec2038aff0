// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The simulated SMSC's shared state, behind its connections: accounts and bind checks, the
// rate window, the faults, message ids, receipts and incoming SMS waiting for a receiving bind,
// and the counts. Shared (shared_ptr) by every coroutine of the SMSC so that none outlives it.
// Runs on the io_context's thread only.

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/asio.h"
#include "smpp/pdu.h"
#include "smpp/sim/delivery.h"
#include "smpp/sim/esme_session.h"
#include "smpp/sim/mo_message.h"
#include "smpp/sim/smsc_settings.h"
#include "smpp/sim/smsc_status.h"
#include "smpp/sim/throttle_window.h"

namespace siaran::smscsim {

// How to treat one submit_sm.
struct submit_outcome {
  enum class action { answer, ignore, ignore_and_drop_all } what = action::answer;
  std::uint32_t command_status = smpp::status::ok;
  std::string message_id;  // when accepted

  static submit_outcome answer(std::uint32_t command_status, std::string message_id = "") {
    return {action::answer, command_status, std::move(message_id)};
  }
  static submit_outcome unanswered(action what) { return {what, smpp::status::ok, ""}; }
};

class smsc_core : public std::enable_shared_from_this<smsc_core> {
 public:
  smsc_core(asio::io_context& io, smsc_settings settings);

  asio::io_context& io() { return io_; }
  const smsc_settings& settings() const { return settings_; }
  smsc_counts& counts() { return counts_; }
  smsc_status status() const;

  void start();  // the delivery pump
  void stop();   // closes every session and ends the pump

  void add(std::shared_ptr<esme_session> session);
  void remove(const esme_session* session);
  void drop_connections();

  // ESME_ROK, or why the bind is refused.
  std::uint32_t check_bind(const smpp::bind_body& bind) const;
  void bound();  // a session just bound: what waits for it may go now
  // Silent: connections read every PDU and answer none (a hung SMSC); no deliver_sm goes out.
  bool silent() const { return silent_; }
  // Never called while silent.
  submit_outcome submit(const std::string& system_id, const smpp::short_message_body& submit);

  // The ESME's deliver_sm_resp status, or none when it did not answer in time: anything but
  // ESME_ROK makes the deliver_sm wait for the redelivery delay and go again.
  void delivery_answered(delivery item, std::optional<std::uint32_t> command_status);
  void delivery_lost(delivery item);  // its connection closed: to the next receiving bind at once
  // Queues an incoming SMS for a receiving bind: how many parts; std::invalid_argument for
  // a message it cannot deliver.
  std::size_t inject(const mo_message& message);

  // Faults and rules, changed at run time.
  void drop_after(unsigned submits);
  void set_silent(bool silent);
  void fail_next(unsigned count, std::uint32_t command_status);
  void set_throttle(unsigned per_second);
  void set_throttle_status(std::uint32_t command_status);
  void set_receipt_rules(std::vector<receipt_rule> rules);
  void refuse_binds(bool refuse);

 private:
  std::optional<submit_outcome> fault_for_submit();
  std::string next_message_id();
  void queue_receipt(const std::string& system_id, const std::string& message_id,
                     const smpp::short_message_body& submit, const std::string& text);
  void queue(delivery item);
  esme_session* receiving_bind_for(const std::string& account) const;  // none when all are busy
  void deliver_due();
  asio::awaitable<void> pump();

  asio::io_context& io_;
  smsc_settings settings_;
  smsc_counts counts_;
  throttle_window throttle_;
  std::vector<std::shared_ptr<esme_session>> sessions_;
  std::deque<delivery> pending_;
  asio::steady_timer wake_;
  bool stopped_ = false;
  std::uint64_t next_id_;
  std::uint8_t next_reference_ = 0;
  bool silent_ = false;
  bool refusing_binds_ = false;
  std::optional<unsigned> drop_after_;
  unsigned failing_ = 0;
  std::uint32_t failing_status_ = smpp::status::system_error;
};

}  // namespace siaran::smscsim
