// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The config's `modems:` as the modem pool takes them (modem/modem_entry.h): the daemon wires
// config/ to modem/, which knows nothing of the config.

#include <vector>

#include "config/config.h"
#include "modem/modem_entry.h"

namespace siaran::daemon {

// One entry per configured modem, in config order; the operator by its name ("telkomsel").
modem::modem_entry modem_entry_for(const config::modem_config& modem);
std::vector<modem::modem_entry> modem_entries(const config::daemon_config& config);

}  // namespace siaran::daemon
