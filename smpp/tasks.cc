// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/tasks.h"

#include <spdlog/spdlog.h>

#include <exception>

namespace siaran::smpp {

void task_count::spawn(asio::io_context& io, asio::awaitable<void> task) {
  ++live_;
  asio::co_spawn(io, std::move(task), [this](std::exception_ptr failure) {
    --live_;
    if (!failure) return;
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      spdlog::error("smpp {}: internal error: {}", owner_, e.what());
    }
  });
}

}  // namespace siaran::smpp
