// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/asio.h"
#include "modem/at/command.h"
#include "modem/at/timer.h"
#include "modem/initialisation.h"
#include "modem/lifecycle.h"
#include "modem/modem_options.h"
#include "modem/modem_setup.h"
#include "modem/modem_status.h"

namespace siaran::at {
struct urc;
}  // namespace siaran::at

namespace siaran::modem {

struct session;
class wakeable;

// A modem's life (DESIGN.md "Runtime model"): it opens the port, has the modem initialised,
// watches its health, initialises it again on the same port when it restarts or stops
// answering, probes one that hung, reopens the port with backoff, and fails. It owns the
// lifecycle and makes every move in it; the modem's status is written here, apart from what
// sending and the inbox count.
class supervisor {
 public:
  // What the rest of the modem is told.
  struct hooks {
    std::function<void(const std::shared_ptr<session>&)> ready;  // each initialisation that succeeds
    std::function<void()> poll_storage;  // on ready and every poll_interval
    std::function<void(session&, const at::urc&)> urc;  // every unsolicited code
  };

  supervisor(asio::io_context& io, const modem_options& options, stream_opener open, at::timer_factory timers,
             modem_status& status, hooks told);
  ~supervisor();
  supervisor(const supervisor&) = delete;
  supervisor& operator=(const supervisor&) = delete;

  void on_state(state_receiver receiver) { state_receiver_ = std::move(receiver); }
  void start();
  void stop();

  life_state state() const { return life_.state(); }
  bool running() const { return running_; }
  // The opened port, if any.
  std::shared_ptr<session> current() const { return session_; }

  // Every command to the modem goes through here: it notices a vanished device and a modem
  // that stops answering and wakes the supervisor.
  asio::awaitable<at::response> ask(session& current, at::command cmd);
  // Waits `duration` unless stopped or woken; false once stopped.
  asio::awaitable<bool> pause(std::chrono::milliseconds duration);
  // An initialisation waiting for `what` says so.
  void show_waiting(std::string_view what);

  // Ready -> sending; false when the modem is not ready.
  bool begin_send();
  // Sending -> ready, or initialising again when AT+CMGS got no answer.
  void end_send(bool answered);

 private:
  enum class ending { ready, stopped, unhealthy, gone, init_failed, final };

  asio::awaitable<void> run();
  std::shared_ptr<session> open_session();
  asio::awaitable<ending> serve(std::shared_ptr<session> current);
  asio::awaitable<void> teardown(std::shared_ptr<session> current);
  asio::awaitable<ending> initialise(session& current);
  modem_setup known_setup(const session& current) const;
  ending conclude(session& current, init_outcome outcome);
  asio::awaitable<bool> answers_again(session& current);
  asio::awaitable<ending> watch(session& current);
  asio::awaitable<void> check_health(session& current);
  void initialise_again(const std::string& why);
  void on_urc(session& current, const at::urc& code);
  void on_restart_announced(session& current, std::string_view line);
  void fail(std::string reason, bool final = false);
  void set_state(life_state state, std::string reason);

  asio::io_context& io_;
  const modem_options& options_;
  stream_opener open_;
  at::timer_factory timers_;
  modem_status& status_;  // status_.state is life_.shown()
  hooks told_;
  initialisation init_;
  std::unique_ptr<wakeable> wake_;
  std::shared_ptr<session> session_;
  lifecycle life_;
  state_receiver state_receiver_;
  bool running_ = false;
  bool stopping_ = false;
  std::string init_failure_;  // why the last initialisation failed, for a port that ends silently
  std::vector<std::shared_ptr<session>> retired_;  // ports whose reader never ended
};

}  // namespace siaran::modem
