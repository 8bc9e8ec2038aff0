// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where siarand's logs go: the journal when systemd connected stderr to it, else stderr.

#include <spdlog/common.h>

#include "config/config.h"

namespace siaran::daemon {

// Makes the default spdlog logger write to the journal or stderr, at `level`.
void setup_logging(config::log_severity level);

// True when stderr is the journal stream systemd gave us (JOURNAL_STREAM names its
// device:inode; systemd.exec(5) says to compare, since children inherit the variable).
bool stderr_is_journal();

spdlog::level::level_enum to_spdlog(config::log_severity level);

// Changes the level, logging the change so it is visible under the old or the new level.
void apply_log_level(config::log_severity from, config::log_severity to);

}  // namespace siaran::daemon
