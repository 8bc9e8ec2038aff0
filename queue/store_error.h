// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace siaran::queue {

// Why the store failed, as far as whoever answers for it must tell: the API answers each with
// its own status and sentence (daemon/api/request_helpers.cc).
enum class store_fault {
  other,       // anything else (a constraint, a statement the schema refuses): a bug or a race
  busy,        // another connection holds the lock (store_busy)
  full,        // the disk (or the file's size limit) is full: SQLITE_FULL
  corrupt,     // the file is damaged or not a database: SQLITE_CORRUPT, SQLITE_NOTADB, a failed check
  missing,     // the file was deleted or replaced while open: a write would go into nothing
  unwritable,  // the file or its folder refuses writes: SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN
};

// Every failure of the store: says what was being done, to which file or part, and what SQLite
// answered.
class store_error : public std::runtime_error {
 public:
  explicit store_error(const std::string& what, store_fault fault = store_fault::other)
      : std::runtime_error(what), fault_(fault) {}

  store_fault fault() const { return fault_; }

 private:
  store_fault fault_;
};

// Another connection (a backup, a `sqlite3` shell, `siaran db prune`) holds the write lock
// longer than the store waits for it: nothing was written; the same write may succeed later.
class store_busy : public store_error {
 public:
  explicit store_busy(const std::string& what) : store_error(what, store_fault::busy) {}
};

}  // namespace siaran::queue
