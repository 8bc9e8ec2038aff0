// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "modem/modem.h"

namespace siaran::tools {

// What `siaran modem info|send|listen` need to reach a modem: the port and how to talk to it.
struct port_choice {
  std::string port;
  unsigned baud = 115200;
  std::optional<std::string> pin;
  bool trace = false;  // the raw AT dialogue on stderr
};

// One modem on a real port (or pty) for the tools, without the daemon: its own io_context,
// real timers, the same modem logic the daemon runs.
class attached_modem {
 public:
  attached_modem(const port_choice& choice, std::ostream& err, bool recover);
  ~attached_modem();
  attached_modem(const attached_modem&) = delete;
  attached_modem& operator=(const attached_modem&) = delete;

  // Opens and initialises within `limit`. On failure writes what was tried and why to `err`
  // and returns false (the caller exits 69).
  bool wait_ready(std::chrono::seconds limit);

  // Runs the io_context until `done()` or `deadline`; true when done.
  bool run_until(const std::function<bool()>& done, std::chrono::steady_clock::time_point deadline);

  modem::modem& driver() { return *driver_; }
  asio::io_context& io() { return io_; }

 private:
  port_choice choice_;
  std::ostream& err_;
  asio::io_context io_;
  std::unique_ptr<modem::modem> driver_;
};

// Logs to stderr (stdout is the tools' JSON): nothing, or everything with --trace.
void log_to_stderr(bool trace);

// Prints each chunk of the AT dialogue as `port -> bytes` / `port <- bytes` on stderr.
std::function<void(std::string_view, std::string_view)> stderr_tracer(std::string port);

}  // namespace siaran::tools
