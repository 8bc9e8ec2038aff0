// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/modem_states.h"

#include <fmt/format.h>

namespace siaran::daemon {
namespace {

modem::modem_state shown(modem::modem_state state) {
  return state == modem::modem_state::sending ? modem::modem_state::ready : state;
}

}  // namespace

bool state_changed(const modem::modem_status& before, const modem::modem_status& after) {
  return shown(before.state) != shown(after.state) || before.reason != after.reason || before.final != after.final;
}

std::string describe_state(const modem::modem_status& status) {
  std::string line = "modem " + status.id + ": ";
  switch (shown(status.state)) {
    case modem::modem_state::ready: {
      line += "ready (" + status.identity.model;
      if (!status.identity.operator_name.empty()) line += ", operator " + status.identity.operator_name;
      if (status.signal_dbm) line += fmt::format(", signal {} dBm", *status.signal_dbm);
      return line + ")";
    }
    case modem::modem_state::failed:
      if (status.reason == "stopped") return line + "stopped";
      return line + "failed: " + status.reason + (status.final ? " (for good)" : "");
    default: {
      const std::string state(to_string(status.state));
      return line + state + (status.reason.empty() || status.reason == state ? "" : " (" + status.reason + ")");
    }
  }
}

}  // namespace siaran::daemon
