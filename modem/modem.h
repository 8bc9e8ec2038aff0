// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/asio.h"
#include "modem/at/byte_stream.h"
#include "modem/at/command.h"
#include "modem/at/timer.h"
#include "modem/lifecycle.h"
#include "modem/modem_options.h"
#include "modem/modem_status.h"
#include "modem/send_outcome.h"
#include "modem/supervisor.h"
#include "modem/ussd/ussd_reply.h"
#include "sms/pdu_decoder.h"
#include "sms/submit_encoder.h"

namespace siaran::at {
struct urc;
}  // namespace siaran::at

namespace siaran::modem {

struct session;

// An SMS-DELIVER the modem received (one part of a possibly concatenated message), or a PDU
// it holds that cannot be decoded: real modems deliver corrupt ones, and one left on the SIM
// forever fills it. Such a PDU is handed up like a message (no decoded fields, the raw text
// and why) and deleted only once the receiver has stored it.
struct incoming_message {
  std::optional<sms::decoded_pdu> message;  // absent when the PDU cannot be decoded
  std::string pdu;              // hex as the modem gave it (for an undecodable one, the raw line)
  std::optional<int> index;     // storage index; none for a +CMT delivered inline
  std::string memory;           // "SM", "ME"...; empty for +CMT
  std::optional<std::string> decode_error;  // set exactly when `message` is absent

  bool decoded() const { return message.has_value(); }
};

// Handed up as the network gives it. The recipient (`report.number`) is often in another
// format than the one we sent to (national "0812..." for "+62812..."): match it to a sent part
// by `message_reference` and the number's trailing digits, never by string equality.
struct status_report {
  int message_reference = 0;
  sms::decoded_pdu report;
  std::string pdu;
};

// Returns whether the receiver stored the message durably; only then is it deleted from the
// SIM (or acknowledged with +CNMA). A receiver that says no sees it again on the next poll.
using message_receiver = std::function<asio::awaitable<bool>(const incoming_message&)>;
using report_receiver = std::function<void(const status_report&)>;

// One GSM modem: sends parts and hands up incoming messages and status reports, while its
// supervisor (supervisor.h) opens the port, has it initialised, checks its health and
// recovers (re-initialise, then reopen, with exponential backoff). Every coroutine runs on
// `io`; all waiting goes through `timers`, so tests drive it with a manual clock.
//
// stop() and then running the io_context until it is idle ends everything; destroy the modem
// only after that.
class modem {
 public:
  modem(asio::io_context& io, modem_options options, stream_opener open, at::timer_factory timers);
  ~modem();
  modem(const modem&) = delete;
  modem& operator=(const modem&) = delete;

  void on_message(message_receiver receiver) { message_receiver_ = std::move(receiver); }
  void on_report(report_receiver receiver) { report_receiver_ = std::move(receiver); }
  void on_state(state_receiver receiver) { supervisor_.on_state(std::move(receiver)); }

  void start() { supervisor_.start(); }
  void stop() { supervisor_.stop(); }

  // Sends one part (AT+CMGS in PDU mode). The PDU carries TP-SRR when a status report is
  // wanted; the modem routes the report back through on_report with this reference.
  asio::awaitable<send_result> send(const sms::encoded_part& part);

  // Any other command, on the same channel (for the tools: AT+CPMS? and friends).
  asio::awaitable<at::response> execute(at::command cmd);

  // Dials a USSD code (AT+CUSD=1,"*888#",15) and waits up to `wait` for the network's +CUSD
  // answer, which comes after OK, often seconds later. The modem is busy meanwhile as if
  // sending (the dispatcher gives it no part); a modem that is not ready, or is sending,
  // refuses. A session the network leaves open (a menu) or that gets no answer is ended
  // with AT+CUSD=2, so the next code is not taken as a menu choice.
  asio::awaitable<ussd_outcome> ussd(std::string code, std::chrono::milliseconds wait);

  // Asks for a storage scan (AT+CMGL=4) now instead of at the next poll.
  void poll_storage();

  modem_status status() const { return status_; }
  // Without copying the whole status: the dispatcher asks every modem several times a second.
  modem_state state() const { return status_.state; }
  bool idle() const { return supervisor_.state() == life_state::ready; }
  // False once the supervisor's run has ended: after stop(), or a final failure, or any
  // failure without `recover`.
  bool running() const { return supervisor_.running(); }
  const modem_options& options() const { return options_; }

 private:
  supervisor::hooks inbox_hooks();
  send_result not_ready() const;

  // The inbox (modem_inbox.cc).
  void on_urc(session& current, const at::urc& code);
  void on_ussd_line(session& current, const at::urc& code);
  asio::awaitable<ussd_outcome> await_ussd(session& current, std::chrono::milliseconds wait);
  asio::awaitable<void> end_ussd_session(session& current);
  void start_inbox(const std::shared_ptr<session>& current);
  asio::awaitable<void> inbox_loop(std::shared_ptr<session> current);
  asio::awaitable<void> scan_storage(session& current);
  asio::awaitable<void> refresh_storage(session& current);
  asio::awaitable<void> read_stored(session& current, std::string memory, int index);
  asio::awaitable<void> handle_stored(session& current, std::string memory, int index, std::string pdu);
  asio::awaitable<void> handle_inline(session& current, std::string pdu, bool report);
  asio::awaitable<std::optional<std::string>> reread(session& current, int index);
  asio::awaitable<bool> offer(const incoming_message& message);
  void note_answer(const incoming_message& message, bool stored);
  bool hand_up_report(const std::string& pdu);
  asio::awaitable<at::response> on(session& current, at::command cmd) { return supervisor_.ask(current, std::move(cmd)); }

  asio::io_context& io_;
  modem_options options_;
  modem_status status_;  // the supervisor writes all but the counts and the storage use
  supervisor supervisor_;
  message_receiver message_receiver_;
  report_receiver report_receiver_;
  // (memory, index) -> PDU of stored messages the receiver refused, so the warning is logged
  // once per message, not at every poll.
  std::map<std::pair<std::string, int>, std::string> refused_;
};

}  // namespace siaran::modem
