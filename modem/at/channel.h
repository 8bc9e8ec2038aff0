// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <string>

#include "common/asio.h"
#include "modem/at/byte_stream.h"
#include "modem/at/command.h"
#include "modem/at/framer.h"
#include "modem/at/timer.h"
#include "modem/at/urc_registry.h"

namespace siaran::at {

// An unsolicited result code peeled off the stream.
struct urc {
  std::string line;                // trimmed header line
  std::optional<std::string> pdu;  // the PDU line, for +CMT / +CDS
  std::string prefix;              // the registered prefix; empty when not recognised
  bool known() const { return !prefix.empty(); }
};

struct channel_options {
  std::string name = "modem";  // for the log
  // After a timeout: how long the "AT" of the resync may take.
  std::chrono::milliseconds resync_timeout{std::chrono::seconds(2)};
};

// The "chat" half of ofono's gatchat over one byte stream: one command in flight, the others
// queued in order; each command's own prefixes, timeout and final result; echo dropped; the
// AT+CMGS prompt; URCs delivered at any moment; a resync after every timeout; a vanished
// device fails everything with channel_error::device_gone.
//
// Everything runs on one io_context thread. The channel must outlive the coroutine started by
// start(); it ends when the stream reports an error (close() the stream, then let the
// io_context run).
class channel {
 public:
  using urc_handler = std::function<void(const urc&)>;

  channel(byte_stream& stream, timer_factory timers, channel_options options = {},
          urc_registry urcs = urc_registry::standard());
  channel(const channel&) = delete;
  channel& operator=(const channel&) = delete;

  // Called for every URC, including ones that arrive inside another command's response.
  void on_urc(urc_handler handler) { urc_handler_ = std::move(handler); }

  // Starts reading the stream.
  void start(asio::io_context& io);

  // Sends `cmd` when the commands queued before it are done, and completes with its response.
  asio::awaitable<response> execute(command cmd);

  // Commands that ended in a timeout since the last one that got a final result code; the
  // modem above decides when this means "unhealthy".
  int consecutive_timeouts() const { return consecutive_timeouts_; }

  // Ends the command in flight now with channel_error::interrupted and `reason` (a modem that
  // announced a restart will never answer it); the next command resyncs first.
  void interrupt(std::string reason);
  bool device_gone() const { return gone_; }

 private:
  struct in_flight;
  struct waiter;

  asio::awaitable<void> read_loop();
  asio::awaitable<response> run(command cmd);
  asio::awaitable<void> resync();
  asio::awaitable<response> exchange(command cmd);
  asio::awaitable<void> send_pdu(in_flight& flight);
  asio::awaitable<bool> wait_until(in_flight& flight, std::chrono::milliseconds limit,
                                   bool (*ready)(const in_flight&));
  asio::awaitable<bool> wait_for_final(in_flight& flight);
  asio::awaitable<bool> write(std::string bytes);

  void on_frame(frame&& next);
  void on_line(std::string_view line);
  bool on_command_line(in_flight& flight, std::string_view line);
  void deliver(urc&& code);
  // `closed_here`: our own close ended the read (logged at debug, not as an error).
  void mark_gone(std::string reason, bool closed_here = false);
  response gone_response() const;

  byte_stream& stream_;
  timer_factory timers_;
  channel_options options_;
  urc_registry urcs_;
  framer framer_;
  urc_handler urc_handler_;

  in_flight* active_ = nullptr;
  std::deque<waiter*> queue_;
  bool busy_ = false;
  std::optional<urc> awaiting_pdu_;  // a +CMT/+CDS header whose PDU line is next
  bool need_resync_ = false;
  int consecutive_timeouts_ = 0;
  bool gone_ = false;
  std::string gone_reason_;
};

}  // namespace siaran::at
