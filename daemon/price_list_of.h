// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The config's `prices:` and each modem's own price as the dispatcher and the broadcaster price
// parts (dispatch/price_list.h), which knows nothing of the config.

#include "config/config.h"
#include "daemon/dispatch/price_list.h"

namespace siaran::daemon {

// Every configured modem is a priced channel, with its operator by name ("telkomsel").
price_list price_list_of(const config::daemon_config& config);

}  // namespace siaran::daemon
