// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queue/connection.h"

namespace siaran::queue {

// The schema version this code writes (PRAGMA user_version after migrate()).
int schema_version();

// Brings the database to schema_version(), one transaction per numbered step, so a crash
// between steps leaves a database at a whole version. A database written by a newer Siaran
// (user_version above ours) is refused with a store_error rather than misread.
void migrate(connection& db);

}  // namespace siaran::queue
