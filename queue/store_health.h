// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whether the store can take a write now, as /healthz reports it (DESIGN.md "Interfaces").

#include <string_view>

namespace siaran::queue {

enum class store_health {
  ok,          // a write transaction could start at once
  busy,        // another connection holds the write lock
  unwritable,  // the file or its directory refuses writes (permissions, read-only mount, I/O error)
  missing,     // the file the daemon opened was deleted or replaced: writes would go nowhere
};

std::string_view to_string(store_health health);  // "ok", "busy", "unwritable", "missing"

}  // namespace siaran::queue
