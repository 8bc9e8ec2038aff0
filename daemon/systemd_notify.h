// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The service manager protocol (sd_notify(3)); every call is a no-op outside systemd.

#include <chrono>
#include <optional>

namespace siaran::daemon::systemd {

void notify_ready();
void notify_stopping();
void notify_reloading();
void notify_watchdog();

// How often to ping the watchdog (half of WatchdogSec=), when systemd asked for pings.
std::optional<std::chrono::microseconds> watchdog_interval();

}  // namespace siaran::daemon::systemd
