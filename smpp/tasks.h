// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The coroutines a bind spawns, counted so that running() can say when every one has ended (the
// io_context must run until then before the bind is destroyed).

#include <cstddef>
#include <string>

#include "common/asio.h"

namespace siaran::smpp {

class task_count {
 public:
  explicit task_count(std::string owner) : owner_(std::move(owner)) {}
  // Runs `task` detached on `io`; an exception escaping it is logged, never rethrown.
  void spawn(asio::io_context& io, asio::awaitable<void> task);
  std::size_t live() const { return live_; }

 private:
  std::string owner_;
  std::size_t live_ = 0;
};

}  // namespace siaran::smpp
