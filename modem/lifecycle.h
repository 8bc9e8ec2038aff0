// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

#include "modem/modem_status.h"

// A modem's life as one state machine (DESIGN.md "Runtime model"): the states, the legal
// moves between them in one table, and how each state is shown to the rest of the gateway.
// Pure: no I/O, no clock; the supervisor (supervisor.h) drives it.
namespace siaran::modem {

enum class life_state {
  absent,        // not started: no port opened yet
  opening,       // opening the port
  initialising,  // the init sequence runs (also again on the same port, after a restart or a hang)
  ready,         // idle, can send
  sending,       // an AT+CMGS is in flight
  resting,       // waiting out the backoff before the port is opened again
  failed,        // see the reason; left by a probe that is answered, a rest, or start() again
};

std::string_view to_string(life_state state);

class lifecycle {
 public:
  life_state state() const { return state_; }

  // Whether `from` -> `to` is in the table. Staying in a state is always allowed (a new reason).
  static bool legal(life_state from, life_state to);

  // Moves to `next` when legal; otherwise changes nothing and returns false.
  bool move_to(life_state next);

  // What the pool, the API and the metrics see: opening and initialising are both
  // "initialising", a rest between attempts is "failed" (with a reason saying it retries).
  modem_state shown() const { return shown(state_); }
  static modem_state shown(life_state state);

  // Ready at least once since the port was last opened: the reopen backoff starts again.
  bool ready_since_opened() const { return ready_since_opened_; }

 private:
  life_state state_ = life_state::absent;
  bool ready_since_opened_ = false;
};

}  // namespace siaran::modem
