// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/supervisor.h"

#include <algorithm>
#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

#include "common/log_text.h"
#include "modem/answers.h"
#include "modem/at/response_parsers.h"
#include "modem/modem_session.h"

namespace siaran::modem {

using namespace std::chrono_literals;
using namespace answers;

supervisor::supervisor(asio::io_context& io, const modem_options& options, stream_opener open,
                       at::timer_factory timers, modem_status& status, hooks told)
    : io_(io),
      options_(options),
      open_(std::move(open)),
      timers_(std::move(timers)),
      status_(status),
      told_(std::move(told)),
      init_(*this, options_),
      wake_(std::make_unique<wakeable>(timers_)) {}

supervisor::~supervisor() = default;

void supervisor::start() {
  if (running_) return;
  running_ = true;
  stopping_ = false;
  asio::co_spawn(io_, run(), [this](std::exception_ptr error) {
    running_ = false;
    if (!error) return;
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& what) {
      spdlog::error("{}: stopped by an internal error: {}", options_.id, what.what());
      fail(std::string("internal error: ") + what.what(), true);
    }
  });
}

void supervisor::stop() {
  stopping_ = true;
  wake_->wake();
  if (session_) {
    session_->ended = true;
    session_->inbox_wake.wake();
    session_->ussd_wake.wake();
    session_->raw->close();
  }
}

void supervisor::fail(std::string reason, bool final) {
  spdlog::warn("{}: failed: {}", options_.id, reason);
  status_.final = final;
  set_state(life_state::failed, std::move(reason));
}

void supervisor::set_state(life_state next, std::string reason) {
  const life_state before = life_.state();
  if (!life_.move_to(next)) {
    spdlog::error("{}: no move from {} to {} in the modem's life; staying {}", options_.id, to_string(before),
                  to_string(next), to_string(before));
    return;
  }
  if (life_.shown() == status_.state && reason == status_.reason) return;  // e.g. each registration poll
  status_.state = life_.shown();
  status_.reason = std::move(reason);
  // Ready <-> sending happens with every part, and a rest only adds to the failure's reason
  // when it retries: neither is news for on_state.
  const bool every_part = (before == life_state::ready && next == life_state::sending) ||
                          (before == life_state::sending && next == life_state::ready);
  if (every_part || next == life_state::resting) return;
  if (state_receiver_) state_receiver_(status_);
}

asio::awaitable<bool> supervisor::pause(std::chrono::milliseconds duration) {
  co_await wake_->wait(duration);
  co_return !stopping_;
}

void supervisor::show_waiting(std::string_view what) {
  set_state(life_state::initialising, "waiting for " + std::string(what));
}

asio::awaitable<void> supervisor::run() {
  std::chrono::milliseconds backoff = options_.backoff_initial;
  while (!stopping_) {
    set_state(life_state::opening, "opening " + options_.port);
    const std::shared_ptr<session> current = open_session();
    ending why = ending::init_failed;
    if (current) {
      why = co_await serve(current);
      co_await teardown(current);
      if (why == ending::stopped) break;
      // The ladder restarts once the modem was ready: its next reopen waits the shortest.
      if (life_.ready_since_opened()) backoff = options_.backoff_initial;
      if (life_.state() != life_state::failed) {
        fail(current->chat.device_gone() ? "device gone (unplugged?); reopening " + options_.port
             : init_failure_.empty()      ? "stopped answering"
                                          : init_failure_);
      }
    }
    if (why == ending::final || !options_.recover || stopping_) break;
    spdlog::info("{}: trying again in {} ms", options_.id, backoff.count());
    set_state(life_state::resting, status_.reason + "; retrying in " + std::to_string(backoff.count() / 1000) + " s");
    if (!co_await pause(backoff)) break;
    backoff = std::min(backoff * 2, options_.backoff_max);
  }
  if (life_.state() == life_state::resting) {
    set_state(life_state::failed, status_.reason);  // stopped while resting: the failure stands
  } else if (life_.state() != life_state::failed) {
    set_state(life_state::failed, "stopped");
  }
}

// The port opened, its reader watched and its channel started; none when it cannot be opened.
std::shared_ptr<session> supervisor::open_session() {
  std::shared_ptr<session> current;
  try {
    auto device = open_();
    current = std::make_shared<session>(std::move(device), timers_, options_.id);
  } catch (const std::exception& error) {
    fail(error.what());
    return nullptr;
  }
  current->watched.on_end = [this, raw = current.get()] {
    raw->read_ended = true;
    wake_->wake();
  };
  session_ = current;
  current->chat.on_urc([this, raw = current.get()](const at::urc& code) { on_urc(*raw, code); });
  current->chat.start(io_);
  return current;
}

// Initialise, then watch. The recovery ladder, per unresponsive spell: a modem that stops
// answering is initialised again on the same port; only when that fails is the port reopened
// (run(), with backoff). A successful initialisation starts the ladder again.
asio::awaitable<supervisor::ending> supervisor::serve(std::shared_ptr<session> current) {
  while (true) {
    const ending init = co_await initialise(*current);
    if (init == ending::init_failed && co_await answers_again(*current)) continue;
    if (init != ending::ready) co_return init;
    init_failure_.clear();
    spdlog::info("{}: ready ({} {}, {})", options_.id, common::log_text(status_.identity.manufacturer),
                 common::log_text(status_.identity.model), common::log_text(status_.identity.operator_name));
    set_state(life_state::ready, "");
    if (told_.ready) told_.ready(current);
    // Messages that arrived while nobody listened (DESIGN.md: never URCs alone).
    if (told_.poll_storage) told_.poll_storage();
    const ending why = co_await watch(*current);
    if (why != ending::unhealthy || stopping_) co_return why;
    if (life_.state() != life_state::initialising) {  // initialise_again has said why
      spdlog::warn("{}: not answering; initialising again", options_.id);
      set_state(life_state::initialising, "not answering; initialising again");
    }
  }
}

// A modem that stopped answering with its port open (firmware hung, or restarting) is asked
// "AT" every probe_interval and initialised the moment it answers: reopening the port with a
// growing backoff left one that was back after a 20 s hang idle for up to a minute. A port
// that vanished, or a modem silent for longer than probe_for, is reopened as before.
asio::awaitable<bool> supervisor::answers_again(session& current) {
  if (!options_.recover || stopping_ || current.chat.consecutive_timeouts() == 0) co_return false;
  std::chrono::milliseconds waited{0};
  while (waited < options_.probe_for) {
    if (stopping_ || current.chat.device_gone() || current.read_ended) co_return false;
    const at::response answer = co_await current.chat.execute(make_command("AT", "", options_.probe_interval));
    if (answer.error == at::channel_error::none) {
      spdlog::info("{}: answering again; initialising", options_.id);
      co_return true;
    }
    waited += options_.probe_interval;
  }
  co_return false;
}

asio::awaitable<void> supervisor::teardown(std::shared_ptr<session> current) {
  current->ended = true;
  current->inbox_wake.wake();
  current->ussd_wake.wake();
  current->raw->close();
  // The channel's reader must see the close before the channel goes; it always does promptly,
  // the bound only guards against a stream that never completes its read.
  for (int round = 0; round < 50 && !current->read_ended; ++round) co_await wake_->wait(100ms);
  if (!current->read_ended) {
    spdlog::error("{}: the old port did not close; keeping it", options_.id);
    retired_.push_back(current);
  }
  if (session_ == current) session_.reset();
}

// A command of a session already torn down (the inbox's, caught by the unplug) wakes nobody:
// run() is then waiting out its backoff, which such a late wake would cut short.
asio::awaitable<at::response> supervisor::ask(session& current, at::command cmd) {
  at::response answer = co_await current.chat.execute(std::move(cmd));
  if (!current.ended && (answer.error == at::channel_error::device_gone ||
                         current.chat.consecutive_timeouts() >= options_.max_timeouts)) {
    wake_->wake();
  }
  co_return answer;
}

// ---- initialisation ------------------------------------------------------------------------

// The inbox may be half-way through reading another storage: it finishes first, since the
// initialisation's ATZ and AT+CPMS would move mem1 under its AT+CMGR.
asio::awaitable<supervisor::ending> supervisor::initialise(session& current) {
  set_state(life_state::initialising, "initialising");
  const sequence_lock::guard alone = co_await current.sequence.acquire();
  init_outcome outcome = co_await init_.run(current, known_setup(current));
  if (outcome.ready() && (current.chat.device_gone() || stopping_)) outcome.failure = init_failure{};
  co_return conclude(current, std::move(outcome));
}

// What the last initialisation found.
modem_setup supervisor::known_setup(const session& current) const {
  modem_setup known;
  known.identity = status_.identity;
  known.registration = status_.registration;
  known.signal_dbm = status_.signal_dbm;
  known.storage = status_.storage;
  known.routing = status_.routing;
  known.needs_ack = current.needs_ack;
  known.memory = current.memory;
  return known;
}

// The one place an initialisation's findings reach the status and the session.
supervisor::ending supervisor::conclude(session& current, init_outcome outcome) {
  modem_setup& setup = outcome.setup;
  status_.identity = std::move(setup.identity);
  status_.registration = setup.registration;
  status_.signal_dbm = setup.signal_dbm;
  status_.storage = std::move(setup.storage);
  status_.routing = setup.routing;
  current.needs_ack = setup.needs_ack;
  current.memory = std::move(setup.memory);
  if (outcome.ready()) return ending::ready;
  const init_failure& failure = *outcome.failure;
  if (!failure.reason.empty()) {
    init_failure_ = failure.reason;
    fail(failure.reason, failure.final);
  }
  return failure.final ? ending::final : ending::init_failed;
}

// ---- health --------------------------------------------------------------------------------

asio::awaitable<supervisor::ending> supervisor::watch(session& current) {
  std::chrono::milliseconds since_poll{0};
  while (true) {
    const bool woken = co_await wake_->wait(options_.health_interval);
    if (stopping_) co_return ending::stopped;
    if (current.chat.device_gone() || current.read_ended) {
      fail("device gone (unplugged?); reopening " + options_.port);
      co_return ending::gone;
    }
    if (current.chat.consecutive_timeouts() >= options_.max_timeouts) {
      init_failure_ = "stopped answering (" + std::to_string(current.chat.consecutive_timeouts()) +
                      " commands without an answer)";
      co_return ending::unhealthy;
    }
    if (life_.state() == life_state::initialising) co_return ending::unhealthy;  // initialise_again
    if (woken) continue;
    co_await check_health(current);
    since_poll += options_.health_interval;
    if (since_poll >= options_.poll_interval) {
      since_poll = {};
      if (told_.poll_storage) told_.poll_storage();
    }
  }
}

asio::awaitable<void> supervisor::check_health(session& current) {
  const at::response csq = co_await ask(current, make_command("AT+CSQ", "+CSQ:"));
  if (const auto quality = first_parsed(csq, at::parse_csq)) status_.signal_dbm = quality->dbm;
  const at::response creg = co_await ask(current, make_command("AT+CREG?", "+CREG:"));
  if (const auto registration = first_parsed(creg, solicited_registration)) {
    if (status_.registration != registration->stat) {
      spdlog::info("{}: registration {} -> {}", options_.id, status_.registration ? *status_.registration : -1,
                   registration->stat);
    }
    status_.registration = registration->stat;
  }
}

// Not ready from now: the supervisor initialises it again on the same port.
void supervisor::initialise_again(const std::string& why) {
  spdlog::warn("{}: {}; initialising again", options_.id, why);
  set_state(life_state::initialising, why + "; initialising again");
  wake_->wake();
}

void supervisor::on_urc(session& current, const at::urc& code) {
  if (code.prefix == "+CREG:") {
    if (const auto registration = at::parse_registration(code.line, false)) status_.registration = registration->stat;
    return;
  }
  on_restart_announced(current, code.line);
  if (told_.urc) told_.urc(current, code);
}

// A modem that restarted by itself (power dip, firmware watchdog) has forgotten ATE0, AT+CNMI
// and its PIN, while its port stayed open: it says so at power-up, and only then.
void supervisor::on_restart_announced(session& current, std::string_view line) {
  const std::optional<std::string> sim = at::parse_cpin(line);
  const bool announces_restart = line == "RDY" || line == "^SYSSTART" || (sim && *sim != "READY");
  if (life_.state() == life_state::initialising && sim) {
    wake_->wake();  // unlock_sim may be waiting for a busy SIM: it has an answer now
    return;
  }
  if (!announces_restart) return;
  if (life_.state() != life_state::ready && life_.state() != life_state::sending) return;
  const std::string why = "it restarted (\"" + std::string(line.substr(0, 16)) + "\")";
  // A restarted modem forgot the AT+CMGS in flight: waiting out its timeout kept it idle.
  if (life_.state() == life_state::sending) current.chat.interrupt(why);
  initialise_again(why);
}

// ---- sending -------------------------------------------------------------------------------

bool supervisor::begin_send() {
  if (!session_ || life_.state() != life_state::ready) return false;
  set_state(life_state::sending, status_.reason);
  return true;
}

void supervisor::end_send(bool answered) {
  if (!answered) {
    // It may hang: no other part until an initialisation has shown it answers again (a second
    // when it does). Waiting for max_timeouts cost the parts given to it meanwhile an attempt
    // and a retry delay each.
    initialise_again("no answer to AT+CMGS");
  } else if (life_.state() == life_state::sending) {
    set_state(life_state::ready, status_.reason);
  }
}

}  // namespace siaran::modem
