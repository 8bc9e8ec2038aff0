// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>

namespace siaran::queue {

// Every failure of the store: says what was being done, to which file or part, and what SQLite
// answered.
class store_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Another connection (a backup, a `sqlite3` shell, `siaran db prune`) holds the write lock
// longer than the store waits for it: nothing was written; the same write may succeed later.
class store_busy : public store_error {
 public:
  using store_error::store_error;
};

}  // namespace siaran::queue
