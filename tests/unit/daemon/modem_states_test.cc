// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/modem_states.h"

using siaran::daemon::describe_state;
using siaran::daemon::state_changed;
using siaran::modem::modem_state;
using siaran::modem::modem_status;

namespace {

modem_status status(modem_state state, std::string reason = {}) {
  modem_status s;
  s.id = "m1";
  s.state = state;
  s.reason = std::move(reason);
  return s;
}

}  // namespace

TEST_CASE("modem state lines name the modem, what it is and why", "[daemon]") {
  modem_status ready = status(modem_state::ready);
  ready.identity.model = "E173";
  ready.identity.operator_name = "TELKOMSEL";
  ready.signal_dbm = -71;
  CHECK(describe_state(ready) == "modem m1: ready (E173, operator TELKOMSEL, signal -71 dBm)");
  ready.identity.operator_name.clear();
  ready.signal_dbm.reset();
  CHECK(describe_state(ready) == "modem m1: ready (E173)");

  modem_status wrong_pin = status(modem_state::failed, "wrong PIN");
  CHECK(describe_state(wrong_pin) == "modem m1: failed: wrong PIN");
  wrong_pin.final = true;
  CHECK(describe_state(wrong_pin) == "modem m1: failed: wrong PIN (for good)");
  CHECK(describe_state(status(modem_state::failed, "stopped")) == "modem m1: stopped");
  CHECK(describe_state(status(modem_state::initialising, "initialising")) == "modem m1: initialising");
  CHECK(describe_state(status(modem_state::initialising, "opening sim")) == "modem m1: initialising (opening sim)");
}

TEST_CASE("sending and ready are one state for the log; reasons and finality are not", "[daemon]") {
  CHECK_FALSE(state_changed(status(modem_state::ready), status(modem_state::sending)));
  CHECK(state_changed(status(modem_state::ready), status(modem_state::failed, "gone")));
  CHECK(state_changed(status(modem_state::failed, "a"), status(modem_state::failed, "b")));
  modem_status final = status(modem_state::failed, "a");
  final.final = true;
  CHECK(state_changed(status(modem_state::failed, "a"), final));
}
