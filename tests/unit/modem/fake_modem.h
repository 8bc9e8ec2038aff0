// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manual_timer.h"
#include "common/asio.h"
#include "modem/modem.h"
#include "scripted_stream.h"

namespace siaran::modem::test {

// A Huawei E173 as a table: command -> what it answers (the bytes, line ends included).
// Unknown commands answer ERROR; `silent` answers nothing (a hung modem).
struct fake_modem {
  fake_modem();

  std::map<std::string, std::string, std::less<>> answers;
  std::string pdu_answer = "\r\n+CMGS: 42\r\n\r\nOK\r\n";  // after the PDU and Ctrl-Z
  std::deque<std::string> next_pdu_answers;  // used up, one per PDU, before pdu_answer
  bool silent = false;
  // Sees each command before it is answered, and may change the answers (a SIM that becomes
  // ready once its PIN is entered).
  std::function<void(fake_modem&, std::string_view command)> observe;

  void respond(at::test::scripted_stream& device, std::string_view written);
  void set(std::string command, std::string_view info_lines, std::string_view final = "OK");
};

// A modem over scripted streams (one per open) and a manual clock, driven by settle().
struct modem_rig {
  explicit modem_rig(modem_options options = default_options(),
                     const std::function<void(fake_modem&)>& prepare = {});
  ~modem_rig();

  static modem_options default_options();

  void settle();
  void advance(std::chrono::milliseconds by);
  // Advances in steps of `step` until `done()` or `limit`; true when done.
  template <typename Predicate>
  bool advance_until(Predicate done, std::chrono::milliseconds limit,
                     std::chrono::milliseconds step = std::chrono::milliseconds(500)) {
    for (std::chrono::milliseconds spent{0}; !done() && spent < limit; spent += step) advance(step);
    return done();
  }

  // Every command written to the current and earlier streams, "\r" removed, in order.
  std::vector<std::string> commands() const;
  int count(std::string_view command) const;

  std::shared_ptr<std::optional<send_result>> send(const sms::encoded_part& part);

  asio::io_context io;
  at::test::manual_clock clock{io};
  fake_modem fake;
  int opens = 0;
  std::vector<std::chrono::milliseconds> open_times;  // the manual clock at each open
  int failing_opens = 0;  // the next this many opens throw (device not there)
  at::test::scripted_stream* device = nullptr;
  std::vector<std::string> written;
  std::unique_ptr<modem> driver;
};

}  // namespace siaran::modem::test
