// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "modem/sim/interpreter.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace siaran::modemsim {

// Puts an interpreter on a pseudo-terminal: the host opens the slave side as it would a USB
// modem's tty; we hold the master. Runs on the caller's io_context (siaran-modemsim, or the
// daemon for "port: sim"). Unplug closes the master so the host sees EIO/hang-up, as when a USB
// modem is pulled; re-plug opens a new pty (a new path, like a re-enumerated device) and moves
// the stable link to it.
class pty_server {
 public:
  struct options {
    std::optional<std::filesystem::path> link;  // a symlink kept pointing at the current pty
    // Called for every SUBMIT the modem accepted, before "+CMGS: n" is written to the host.
    std::function<void(const accepted_submit&)> on_accepted;
    // The raw dialogue ("<< " from the host, ">> " to it), escaped; none: no trace.
    std::function<void(std::string_view)> trace;
  };

  // `modem` must outlive the server; the server may be destroyed while `io` keeps running.
  pty_server(boost::asio::io_context& io, interpreter& modem, options opts);
  ~pty_server();
  pty_server(const pty_server&) = delete;
  pty_server& operator=(const pty_server&) = delete;

  // Opens the pty, powers the modem on. Throws std::system_error naming the call that failed.
  void start();
  void stop();

  void unplug();
  void replug();  // start() again after an unplug; throws as start()
  bool plugged() const;

  // The slave path ("/dev/pts/7") of the current pty; empty when unplugged.
  const std::string& slave_path() const;

  // Time since start(): the interpreter's clock.
  sim_time now() const;

  // After the modem was changed from outside (control: inject, faults...): send what is due
  // and re-arm the timer for what is scheduled.
  void poke();

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace siaran::modemsim
