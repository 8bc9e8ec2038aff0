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

}  // namespace siaran::queue
