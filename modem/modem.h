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

#include "modem/asio.h"
#include "modem/at/byte_stream.h"
#include "modem/at/command.h"
#include "modem/at/timer.h"
#include "modem/init_sequence.h"
#include "modem/lifecycle.h"
#include "modem/modem_setup.h"
#include "modem/modem_status.h"
#include "modem/send_outcome.h"
#include "sms/pdu_decoder.h"
#include "sms/submit_encoder.h"

namespace siaran::at {
struct urc;
}  // namespace siaran::at

namespace siaran::modem {

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
// Told each time the modem's state or its reason changes (not for ready <-> sending, which
// happens with every part).
using state_receiver = std::function<void(const modem_status&)>;
// Opens the device (again, after an unplug: the configured path, so a /dev/serial/by-id link
// that reappears is found). Throws (open_error) when it cannot.
using stream_opener = std::function<std::unique_ptr<at::byte_stream>()>;

struct modem_options {
  std::string id = "modem";
  std::string port;  // for status and messages only; `stream_opener` opens it
  std::optional<std::string> pin;
  std::chrono::milliseconds register_timeout{std::chrono::seconds(60)};
  std::chrono::milliseconds register_poll{std::chrono::seconds(2)};
  std::chrono::milliseconds send_timeout{std::chrono::seconds(60)};
  // AT+CMGS without an answer this long: the modem is probed with "AT" meanwhile, so one that
  // hung and came back is noticed at once rather than at send_timeout. Real sends take 1-5 s,
  // slow networks several more; a probe is a character a busy modem may take as an abort.
  std::chrono::milliseconds send_probe_after{std::chrono::seconds(20)};
  // A modem that stops answering with its port open is asked "AT" this often, for up to
  // `probe_for`, and initialised the moment it answers; only then is the port reopened.
  std::chrono::milliseconds probe_interval{std::chrono::seconds(1)};
  std::chrono::milliseconds probe_for{std::chrono::minutes(10)};
  std::chrono::milliseconds health_interval{std::chrono::seconds(30)};
  std::chrono::milliseconds poll_interval{std::chrono::seconds(120)};
  int max_timeouts = 3;  // consecutive command timeouts that make the modem unhealthy
  std::chrono::milliseconds backoff_initial{std::chrono::seconds(1)};
  std::chrono::milliseconds backoff_max{std::chrono::seconds(60)};
  // false (the `siaran modem` tools): the first failure is final instead of retried.
  bool recover = true;
};

// One GSM modem: opens its port, initialises it (init_sequence.h), sends parts, hands up
// incoming messages and status reports, checks its health, and recovers (re-initialise,
// then reopen, with exponential backoff). Every coroutine runs on `io`; all waiting goes
// through `timers`, so tests drive it with a manual clock.
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
  void on_state(state_receiver receiver) { state_receiver_ = std::move(receiver); }

  void start();
  void stop();

  // Sends one part (AT+CMGS in PDU mode). The PDU carries TP-SRR when a status report is
  // wanted; the modem routes the report back through on_report with this reference.
  asio::awaitable<send_result> send(const sms::encoded_part& part);

  // Any other command, on the same channel (for the tools: AT+CPMS? and friends).
  asio::awaitable<at::response> execute(at::command cmd);

  // Asks for a storage scan (AT+CMGL=4) now instead of at the next poll.
  void poll_storage();

  modem_status status() const { return status_; }
  // Without copying the whole status: the dispatcher asks every modem several times a second.
  modem_state state() const { return status_.state; }
  bool idle() const { return life_.state() == life_state::ready; }
  // False once run() has ended: after stop(), or a final failure, or any failure without
  // `recover`.
  bool running() const { return running_; }
  const modem_options& options() const { return options_; }

 private:
  struct session;
  class wakeable;
  enum class ending { ready, stopped, unhealthy, gone, init_failed, final };

  asio::awaitable<void> run();
  asio::awaitable<ending> serve(std::shared_ptr<session> current);
  asio::awaitable<void> teardown(std::shared_ptr<session> current);
  asio::awaitable<ending> initialise(session& current);
  modem_setup known_setup(const session& current) const;
  ending conclude(session& current, init_outcome outcome);
  asio::awaitable<init_outcome> initialise_sequence(session& current, modem_setup known);
  asio::awaitable<bool> answers_again(session& current);
  asio::awaitable<std::optional<init_failure>> run_steps(session& current, std::span<const init_step> steps);
  asio::awaitable<std::optional<init_failure>> unlock_sim(session& current);
  asio::awaitable<std::optional<init_failure>> wait_for_registration(session& current,
                                                                     std::optional<int>& registration);
  asio::awaitable<void> choose_storage(session& current, modem_setup& setup);
  asio::awaitable<std::optional<std::vector<storage_slot>>> read_storage(session& current);
  asio::awaitable<void> refresh_storage(session& current);
  asio::awaitable<std::optional<report_routing>> choose_indications(session& current,
                                                                    std::optional<report_routing> known);
  asio::awaitable<void> read_identity(session& current, std::span<const identity_query> queries,
                                      modem_identity& identity);
  asio::awaitable<void> read_network_identity(session& current, modem_setup& setup);
  asio::awaitable<void> check_health(session& current);
  void initialise_again(const std::string& why);
  void on_restart_announced(session& current, std::string_view line);
  asio::awaitable<ending> supervise(session& current);
  asio::awaitable<void> inbox_loop(std::shared_ptr<session> current);
  asio::awaitable<void> scan_storage(session& current);
  asio::awaitable<void> read_stored(session& current, std::string memory, int index);
  asio::awaitable<void> handle_stored(session& current, std::string memory, int index, std::string pdu);
  asio::awaitable<void> handle_inline(session& current, std::string pdu, bool report);
  asio::awaitable<std::optional<std::string>> reread(session& current, int index);
  asio::awaitable<bool> offer(const incoming_message& message);
  void note_answer(const incoming_message& message, bool stored);
  asio::awaitable<at::response> on(session& current, at::command cmd);
  asio::awaitable<bool> pause(std::chrono::milliseconds duration);

  void on_urc(session& current, const at::urc& code);
  void fail(std::string reason, bool final = false);
  void set_state(life_state state, std::string reason);
  bool hand_up_report(const std::string& pdu);

  asio::io_context& io_;
  modem_options options_;
  stream_opener open_;
  at::timer_factory timers_;
  std::unique_ptr<wakeable> run_wake_;
  std::shared_ptr<session> session_;
  lifecycle life_;
  modem_status status_;  // status_.state is life_.shown()
  message_receiver message_receiver_;
  report_receiver report_receiver_;
  state_receiver state_receiver_;
  bool running_ = false;
  bool stopping_ = false;
  bool pin_rejected_ = false;
  std::string init_failure_;
  std::vector<std::shared_ptr<session>> retired_;  // ports whose reader never ended
  // (memory, index) -> PDU of stored messages the receiver refused, so the warning is logged
  // once per message, not at every poll.
  std::map<std::pair<std::string, int>, std::string> refused_;
};

}  // namespace siaran::modem
