// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>

#include "modem/modem_entry.h"
#include "modem/sim/interpreter.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace siaran::modemsim {
class pty_server;
}  // namespace siaran::modemsim

namespace siaran::modem {

// What the simulated modem of a `port: sim` entry is: its PIN (so the PIN path runs), the
// operator's name, and an IMEI and IMSI of its own; `number` (1, 2, ...) tells the simulated
// modems of one pool apart.
modemsim::modem_settings simulated_settings(const modem_entry& entry, int number);

// The built-in simulated modem behind a `port: sim` entry: an interpreter served on a
// pseudo-terminal on the daemon's io_context. The pool opens port_path() with serial_port,
// exactly as it opens a real device. Accepted SUBMITs are logged at debug (number and text
// redacted), in full at trace.
class simulated_modem {
 public:
  simulated_modem(boost::asio::io_context& io, const modem_entry& entry, int number);
  ~simulated_modem();
  simulated_modem(const simulated_modem&) = delete;
  simulated_modem& operator=(const simulated_modem&) = delete;

  // Opens the pty and powers the modem on; a failure is logged and kept for port_path().
  void start();
  void stop();

  // The pty's slave path; throws std::runtime_error saying why when it is not serving.
  std::string port_path() const;

 private:
  std::string id_;
  std::unique_ptr<modemsim::interpreter> modem_;
  std::unique_ptr<modemsim::pty_server> server_;
  std::string failure_ = "not started";
};

}  // namespace siaran::modem
