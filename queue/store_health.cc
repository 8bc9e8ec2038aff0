// SPDX-License-Identifier: GPL-3.0-or-later
// The names /healthz gives the store's health (maintenance::health probes it), and what the
// journal and /healthz's "reason" tell a person to do about it.

#include "queue/store_health.h"

namespace siaran::queue {

std::string_view to_string(store_health health) {
  switch (health) {
    case store_health::ok: return "ok";
    case store_health::busy: return "busy";
    case store_health::unwritable: return "unwritable";
    case store_health::missing: return "missing";
    case store_health::corrupt: return "corrupt";
    case store_health::full: return "unwritable";
  }
  return "unwritable";
}

// There is no restore command: a backup (`siaran db backup FILE`) is a whole SQLite file, and
// copying it over the database while siarand is stopped restores it.
std::string_view explain(store_health health) {
  switch (health) {
    case store_health::ok: return "";
    case store_health::busy:
      return "another program (a backup, a sqlite3 shell, siaran db prune) holds the database's write lock; "
             "changes are refused until it lets go";
    case store_health::unwritable:
      return "the database file or its folder refuses writes (permissions, a read-only mount, an I/O error); "
             "changes are refused until it can be written again";
    case store_health::missing:
      return "the database file was deleted or replaced while siarand ran; changes are refused. Stop siarand, "
             "copy the latest backup (made with `siaran db backup FILE`) to the database's path and start "
             "siarand again; `siarand --init` starts with an empty database instead";
    case store_health::corrupt:
      return "the database file is damaged (PRAGMA quick_check); changes are refused. Stop siarand, copy the "
             "latest backup (made with `siaran db backup FILE`) to the database's path and start siarand again";
    case store_health::full:
      return "the disk holding the database is full; free space on it: changes that do not fit are refused";
  }
  return "";
}

}  // namespace siaran::queue
