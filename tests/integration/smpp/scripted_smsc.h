// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small SMSC the bind tests script exactly: it accepts on 127.0.0.1 (ephemeral port), speaks
// SMPP 3.4 through our codec as the server side, records everything the ESME sends, and answers
// as each test sets it to (refuse the bind, throttle, hold answers, stay silent, drop the link).
// It runs on the test's io_context, the same thread as the bind.

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/asio.h"
#include "smpp/pdu.h"

namespace siaran::smpp::test {

class scripted_smsc {
 public:
  explicit scripted_smsc(asio::io_context& io);
  ~scripted_smsc();
  std::uint16_t port() const;

  // How it answers.
  std::uint32_t bind_status = status::ok;
  unsigned throttle_first = 0;  // answer ESME_RTHROTTLED to this many submits first
  bool hold_submits = false;    // keep submits unanswered until answer_held()
  bool answer_enquire_link = true;
  std::function<std::uint32_t(const short_message_body&)>
      submit_status;      // ok unless it says otherwise
  bool receipts = false;  // follow each accepted part asking for one with a DELIVRD receipt

  // What it saw.
  unsigned connections = 0;
  std::vector<pdu> binds;
  std::vector<short_message_body> submits;   // every submit_sm, throttled ones too
  std::vector<short_message_body> accepted;  // those answered ESME_ROK
  std::vector<pdu> responses;  // answers from the ESME (deliver_sm_resp, generic_nack, ...)
  unsigned enquire_links = 0;
  unsigned unbinds = 0;
  unsigned unanswered = 0;
  unsigned max_unanswered = 0;

  // Sends a PDU to the ESME on the newest connection (sequence number as given).
  void send(const pdu& message);
  void send_raw(const std::vector<std::uint8_t>& octets);
  // Answers the held submits, oldest first, with ESME_ROK (at most `count`).
  void answer_held(std::size_t count = SIZE_MAX);
  std::size_t held() const;
  // Closes the newest connection without a word.
  void drop();
  bool connected() const;

  struct session;

 private:
  struct state;
  std::shared_ptr<state> state_;
};

}  // namespace siaran::smpp::test
