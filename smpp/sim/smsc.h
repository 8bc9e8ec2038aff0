// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A simulated SMPP 3.4 SMSC on the caller's io_context, for tests, the demo and the benchmark
// (siaran-smscsim runs one; the daemon may run one built in). It binds ESMEs by account,
// validates and accepts submit_sm at a rate over all binds (throttling answers beyond it),
// writes each accepted submit to a send log, sends receipts after a delay or as the rules by
// the destination's last digits say, hands incoming SMS to receiving binds, and delivers again
// what an ESME does not acknowledge. Faults can be switched on at run time: drop every
// connection, drop after N more submits, silence, error answers, refused binds.
// Runs on the io_context's thread: call everything from there.

#include <cstdint>
#include <memory>
#include <vector>

#include "smpp/sim/mo_message.h"
#include "smpp/sim/receipt_rules.h"
#include "smpp/sim/smsc_settings.h"
#include "smpp/sim/smsc_status.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace siaran::smscsim {

class smsc_core;
class esme_listener;

class smsc {
 public:
  smsc(boost::asio::io_context& io, smsc_settings settings);
  ~smsc();  // stop()
  smsc(const smsc&) = delete;
  smsc& operator=(const smsc&) = delete;

  // Listens; std::system_error when the address cannot be bound.
  void start();
  std::uint16_t port() const;  // the one listened on (an ephemeral one when settings said 0)
  // Stops listening and closes every connection; the coroutines end when the io_context runs
  // on (or is destroyed).
  void stop();

  smsc_status status() const;

  // Queues an incoming SMS for a receiving bind (kept until one is up): how many parts it
  // became; std::invalid_argument for one it cannot deliver.
  std::size_t inject(const mo_message& message);

  // Faults.
  // Every connection, now.
  void drop_connections();
  // Reads that many more submits, answers none, then drops every connection; 0 cancels.
  void drop_after(unsigned submits);
  // Reads everything, answers nothing (not even enquire_link), delivers nothing.
  void set_silent(bool silent);
  // Answers the next `count` submits with `command_status` (ESME_RSYSERR, ESME_RINVDSTADR...).
  void fail_next(unsigned count, std::uint32_t command_status);
  // Submits accepted per sliding second over all binds; 0: no limit.
  void set_throttle(unsigned per_second);
  // The answer beyond the throttle: ESME_RTHROTTLED or ESME_RMSGQFUL.
  void set_throttle_status(std::uint32_t command_status);
  void set_receipt_rules(std::vector<receipt_rule> rules);
  // Answers every bind ESME_RBINDFAIL.
  void refuse_binds(bool refuse);

 private:
  std::shared_ptr<smsc_core> core_;
  std::unique_ptr<esme_listener> listener_;
};

}  // namespace siaran::smscsim
