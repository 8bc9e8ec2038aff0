// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A start with no database where one existed before refuses to create an empty one (all
// users, contacts and queued messages would silently be gone): a marker next to the database,
// written once it has opened, says that one existed. `siarand --init` creates it anyway.
//
// The marker is `.NAME.created` beside the database NAME (/var/lib/siaran/.siaran.db.created):
// hidden, so neither `rm siaran.db*` nor `rm *` in the folder takes it along with the database.

#include <filesystem>
#include <stdexcept>

namespace siaran::daemon {

// The database is missing but the marker says siarand created it before: main() exits 66
// (EX_NOINPUT) with this, which says how to restore it.
class database_gone : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::filesystem::path marker_of(const std::filesystem::path& database);

// Before the store opens: throws database_gone when `database` does not exist but its marker
// does, unless `init`.
void check_database_present(const std::filesystem::path& database, bool init);

// Once the store has opened (and so exists): writes the marker if it is not there. A marker
// that cannot be written is logged, not fatal: the gateway works without it.
void mark_database_created(const std::filesystem::path& database);

}  // namespace siaran::daemon
