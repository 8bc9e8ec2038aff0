// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/lifecycle.h"

#include <array>
#include <cstddef>
#include <initializer_list>

namespace siaran::modem {
namespace {

constexpr std::size_t state_count = 7;
using row = std::array<bool, state_count>;

constexpr std::size_t at(life_state state) { return static_cast<std::size_t>(state); }

constexpr row allowed(std::initializer_list<life_state> targets) {
  row result{};
  for (const life_state target : targets) result[at(target)] = true;
  return result;
}

using enum life_state;

// from -> the states it may move to. Every state may fail (stop(), an unplug, an internal
// error); only a failure leads to a rest, and only a rest (or start() after the run ended)
// opens the port again.
constexpr std::array<row, state_count> transitions = {
    /* absent       */ allowed({opening, failed}),
    /* opening      */ allowed({initialising, failed}),
    /* initialising */ allowed({ready, failed}),
    /* ready        */ allowed({sending, initialising, failed}),
    /* sending      */ allowed({ready, initialising, failed}),
    /* resting      */ allowed({opening, failed}),
    // A modem silent on an open port is probed: when it answers it is initialised on the
    // same port; otherwise it rests, then the port is reopened.
    /* failed       */ allowed({initialising, resting, opening}),
};

}  // namespace

std::string_view to_string(life_state state) {
  switch (state) {
    case absent:
      return "absent";
    case opening:
      return "opening";
    case initialising:
      return "initialising";
    case ready:
      return "ready";
    case sending:
      return "sending";
    case resting:
      return "resting";
    case failed:
      return "failed";
  }
  return "unknown";
}

bool lifecycle::legal(life_state from, life_state to) { return from == to || transitions[at(from)][at(to)]; }

bool lifecycle::move_to(life_state next) {
  if (!legal(state_, next)) return false;
  if (next == opening) ready_since_opened_ = false;
  if (next == ready) ready_since_opened_ = true;
  state_ = next;
  return true;
}

modem_state lifecycle::shown(life_state state) {
  switch (state) {
    case absent:
    case opening:
    case initialising:
      return modem_state::initialising;
    case ready:
      return modem_state::ready;
    case sending:
      return modem_state::sending;
    case resting:
    case failed:
      return modem_state::failed;
  }
  return modem_state::failed;
}

}  // namespace siaran::modem
