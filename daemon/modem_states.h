// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The lines siarand logs when a modem changes state ("modem m1: ready (...)").

#include <string>

#include "modem/modem_status.h"

namespace siaran::daemon {

// True when `after` is worth a log line: another state, reason or finality. Sending and
// ready count as one state (a modem switches between them for every part).
bool state_changed(const modem::modem_status& before, const modem::modem_status& after);

// "modem m1: ready (E173, operator TELKOMSEL, signal -71 dBm)", "modem m2: failed: wrong PIN".
std::string describe_state(const modem::modem_status& status);

}  // namespace siaran::daemon
