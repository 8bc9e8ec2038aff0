// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

#include "modem/sim/interpreter.h"

namespace siaran::modemsim::test {

// An interpreter and the time the test says it is; no clock is read.
struct sim_rig {
  explicit sim_rig(modem_settings settings = {}, bool echo = false) : modem(std::move(settings)) {
    modem.power_on(now);
    modem.take_output(now);
    if (!echo) send("ATE0");
  }

  // Sends a command line and returns everything due at the current time.
  std::string send(std::string_view line) { return write(std::string(line) + "\r"); }

  std::string write(std::string_view bytes) {
    modem.receive(bytes, now);
    return modem.take_output(now);
  }

  std::string advance(sim_time by) {
    now += by;
    return modem.take_output(now);
  }

  interpreter modem;
  sim_time now{0};
};

inline constexpr std::string_view ok = "\r\nOK\r\n";

}  // namespace siaran::modemsim::test
