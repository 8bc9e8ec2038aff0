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
  corrupt,     // PRAGMA quick_check found the file damaged: writes are refused
  full,        // the disk holding the file is (nearly) full; /healthz says "unwritable"
};

// "ok", "busy", "unwritable", "missing", "corrupt": DESIGN.md's names, so `full` is "unwritable".
std::string_view to_string(store_health health);
// For people: what is wrong and what to do about it; empty for ok.
std::string_view explain(store_health health);

}  // namespace siaran::queue
