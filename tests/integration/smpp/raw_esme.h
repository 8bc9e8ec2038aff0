// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An ESME with nothing of ours but the SMPP codec, for testing the simulated SMSC (not our
// bind): PDUs in and out of a blocking socket on 127.0.0.1, each read bounded by poll() and a
// deadline, so a stuck SMSC fails the test instead of hanging it. PDUs read while waiting for
// another are kept, in order, for later calls.

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "smpp/pdu.h"

namespace siaran::test {

class raw_esme {
 public:
  explicit raw_esme(std::uint16_t port);  // connects (the SMSC's accept queue takes it at once)
  ~raw_esme();
  raw_esme(const raw_esme&) = delete;
  raw_esme& operator=(const raw_esme&) = delete;

  void send_octets(const std::vector<std::uint8_t>& octets);
  // Sends a PDU with the next sequence number (or the one given); returns the number used.
  std::uint32_t send(std::uint32_t command_id, smpp::pdu_body body = {},
                     std::uint32_t status = smpp::status::ok,
                     std::optional<std::uint32_t> sequence = std::nullopt);

  // The next PDU, or nothing at the deadline or when the SMSC closed the connection.
  std::optional<smpp::pdu> next(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // The answer to the request `sequence`; fails the test at the deadline.
  smpp::pdu response_to(std::uint32_t sequence,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));
  smpp::pdu request(std::uint32_t command_id, smpp::pdu_body body = {});
  smpp::pdu bind(std::uint32_t command_id, const std::string& system_id = "siaran",
                 const std::string& password = "rahasia");
  // The next deliver_sm, answered with `status`; fails the test at the deadline.
  smpp::short_message_body deliver(std::uint32_t status = smpp::status::ok,
                                   std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // True when the SMSC closed the connection before the deadline.
  bool sees_close(std::chrono::milliseconds timeout);
  // True when nothing at all arrives before the deadline.
  bool hears_nothing(std::chrono::milliseconds timeout);

 private:
  using deadline = std::chrono::steady_clock::time_point;
  std::optional<smpp::pdu> read_pdu(deadline until);
  std::optional<smpp::pdu> take_from_backlog(bool (*wanted)(const smpp::pdu&, std::uint32_t),
                                             std::uint32_t key);

  int fd_;
  std::uint32_t sequence_ = 0;
  std::vector<std::uint8_t> input_;
  std::deque<smpp::pdu> backlog_;
  bool closed_ = false;
};

}  // namespace siaran::test
