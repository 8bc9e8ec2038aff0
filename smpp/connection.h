// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One TCP connection to an SMSC speaking SMPP 3.4: a reader that frames PDUs by command_length,
// a writer that sends them one after another, requests matched to their answers by sequence
// number, enquire_link when the link is quiet. It answers what needs no decision (enquire_link,
// unbind, unknown commands, undecodable PDUs) and hands deliver_sm and data_sm to its owner.
// Once closed it stays closed: the owner opens a new one.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "common/asio.h"
#include "smpp/pdu.h"
#include "smpp/tasks.h"

namespace siaran::smpp {

struct connection_options {
  std::string name;  // for logs: "<bind id> transceiver"
  std::chrono::seconds enquire_link{30};
  std::chrono::seconds response_timeout{10};
};

// What became of a request.
struct request_outcome {
  std::optional<pdu> response;  // the answer (or a generic_nack with the request's sequence number)
  bool timed_out = false;       // none came within the timeout; the connection is still open
  bool dropped = false;         // the connection closed first
  bool written = false;         // its octets were handed to the socket: the SMSC may have it
};

class connection : public std::enable_shared_from_this<connection> {
 public:
  // deliver_sm and data_sm from the SMSC; the owner answers them with send().
  using request_handler = std::function<void(const pdu&)>;

  // Resolves and connects within the response timeout; throws std::runtime_error saying why not.
  static asio::awaitable<std::shared_ptr<connection>> open(asio::io_context& io, task_count& tasks,
                                                           std::string host, std::uint16_t port,
                                                           connection_options options);
  ~connection();

  // Starts the reader, the writer and enquire_link; `on_close` runs once when the connection
  // closes.
  void start(request_handler on_request, std::function<void()> on_close);
  // Assigns the sequence number, sends, and waits for the answer at most `timeout`.
  asio::awaitable<request_outcome> request(pdu message,
                                           std::chrono::steady_clock::duration timeout);
  // An answer to the SMSC's request (sequence number already set).
  void send(const pdu& message);
  void close(const std::string& reason);
  // Returns once the connection has closed.
  asio::awaitable<void> closed();

  bool is_open() const;
  const std::string& close_reason() const;
  const std::string& name() const;

  struct state;
  explicit connection(std::unique_ptr<state> own);

 private:
  asio::awaitable<void> read_loop();
  asio::awaitable<void> write_loop();
  asio::awaitable<void> enquire_loop();
  void dispatch(const pdu& message);
  void answer_undecodable(std::span<const std::uint8_t> octets, const pdu_error& error);

  std::unique_ptr<state> state_;
};

}  // namespace siaran::smpp
