// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One SMPP 3.4 account at an SMSC, as an ESME (DESIGN.md "Channels"): connects and binds
// (transceiver, or a transmitter plus a receiver), keeps a window of unacknowledged submit_sm,
// paces them at the bind's own rate, sends enquire_link when the link is quiet, answers
// deliver_sm (receipts and incoming SMS) once the handlers have stored them, rebinds with
// exponential backoff after a drop or a refusal, and slows down on throttling answers without
// losing or doubling a part. Submits still unanswered when the link drops come back as
// maybe_sent (the part is uncertain, as on a modem that died mid-send). Runs on the io_context's
// thread; stop(), then run the io_context until running() is false before destroying it.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/asio.h"
#include "smpp/bind_settings.h"
#include "smpp/incoming.h"
#include "smpp/receipt.h"
#include "smpp/submission.h"

namespace siaran::smpp {

enum class bind_state {
  connecting,  // TCP connect or bind request under way (also while waiting to rebind)
  bound,       // submits accepted
  throttled,   // bound, backing off after a throttling answer
  refused,     // the SMSC refused the bind (wrong password, ...): waiting long before trying again
  stopped,
};
std::string_view bind_state_name(bind_state state);  // "connecting", "bound", ...

struct bind_counts {
  std::uint64_t submitted = 0;     // submit_sm written
  std::uint64_t accepted = 0;      // submit_sm_resp ok
  std::uint64_t rejected = 0;      // submit_sm_resp with an error (not throttling)
  std::uint64_t throttled = 0;     // throttling answers
  std::uint64_t uncertain = 0;     // unanswered when the link dropped
  std::uint64_t receipts = 0;      // receipts received
  std::uint64_t received = 0;      // incoming SMS received
  std::uint64_t binds = 0;         // successful binds
  std::uint64_t generic_nacks = 0; // generic_nack received
};

struct bind_status {
  std::string id;
  bind_state state = bind_state::connecting;
  std::string last_error;  // "" when none; never the password
  std::string smsc_system_id;  // the bind_resp's
  unsigned window = 0;     // the configured window
  unsigned in_window = 0;  // submits awaiting their answer now
  bind_counts counts;
};

struct bind_handlers {
  // Each returns whether it stored the event durably: only then is the deliver_sm answered
  // ESME_ROK; otherwise ESME_RX_T_APPN, and the SMSC delivers it again later.
  std::function<asio::awaitable<bool>(const incoming_sms&)> on_message;
  std::function<asio::awaitable<bool>(const receipt&)> on_receipt;
  // The state or the room changed: the dispatcher may give the bind more parts.
  std::function<void()> on_change;
};

class bind {
 public:
  bind(asio::io_context& io, bind_settings settings, bind_handlers handlers);
  ~bind();
  bind(const bind&) = delete;
  bind& operator=(const bind&) = delete;

  void start();
  // Unbinds politely (a short wait for unbind_resp), closes, and ends every coroutine.
  void stop();
  bool running() const;

  const std::string& id() const;
  bind_state state() const;
  bind_status status() const;
  // How many more submits may start now: 0 unless bound and not throttled; never more than the
  // window less the submits awaiting an answer or waiting for the bind's rate.
  std::size_t room() const;

  // Sends one part and waits for the SMSC's answer. On a throttling answer it waits and sends
  // again itself. Call only when room() > 0.
  asio::awaitable<submit_result> submit(submit_request request);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace siaran::smpp
