// SPDX-License-Identifier: GPL-3.0-or-later
// Probing whether the store can take a write, without writing.

#include "queue/store_health.h"

#include <sys/stat.h>

#include <sqlite3.h>

#include "queue/store.h"
#include "queue/store_impl.h"

namespace siaran::queue {
namespace {

// The file at the store's path is still the one the connection has open. After `rm`, SQLite
// keeps writing to the unlinked inode and every write "succeeds" into a file nobody will see.
bool still_there(const database& db) {
  struct stat now {};
  return ::stat(db.file().c_str(), &now) == 0 && db.opened_as(now.st_dev, now.st_ino);
}

}  // namespace

std::string_view to_string(store_health health) {
  switch (health) {
    case store_health::ok: return "ok";
    case store_health::busy: return "busy";
    case store_health::unwritable: return "unwritable";
    case store_health::missing: return "missing";
  }
  return "unwritable";
}

// BEGIN IMMEDIATE takes the write lock without writing a page: it fails at once when another
// connection holds it (busy) or the file cannot be written (read-only, I/O error).
store_health store::health() {
  database& db = impl_->db;
  if (!still_there(db)) return store_health::missing;
  const int rc = sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    db.note_lock_outcome(false);
    return store_health::ok;
  }
  const int primary = sqlite3_extended_errcode(db.handle()) & 0xff;
  const bool busy = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
  if (busy) db.note_lock_outcome(true);
  return busy ? store_health::busy : store_health::unwritable;
}

void store::set_lock_wait(std::chrono::milliseconds wait) { impl_->db.set_lock_wait(wait); }

}  // namespace siaran::queue
