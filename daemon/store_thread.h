// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A thread that owns store connections (DESIGN.md "Runtime model"): the jobs given to it run
// there one at a time, in the order given, so that the I/O thread never waits on the disk, a
// lock or a long query. The daemon has two: the writer, which owns the one connection that
// writes, and the reader, whose connection answers the API's reads.

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <spdlog/spdlog.h>

#include <exception>
#include <string>
#include <type_traits>

#include "common/asio.h"

namespace siaran::daemon {

class store_thread {
 public:
  store_thread() = default;
  ~store_thread() { join(); }
  store_thread(const store_thread&) = delete;
  store_thread& operator=(const store_thread&) = delete;

  // Runs a copy of `job` on this thread; the awaiting coroutine resumes on its own executor with
  // the job's result, or the exception it threw. Give it a named job: GCC 12 destroys a
  // temporary argument inside a co_await expression twice.
  template <typename Job>
  asio::awaitable<std::invoke_result_t<Job&>> run(const Job& job) {
    using result = std::invoke_result_t<Job&>;
    return asio::co_spawn(
        pool_.get_executor(), [job = Job(job)]() mutable -> asio::awaitable<result> { co_return job(); },
        asio::use_awaitable);
  }

  // Runs `job` on this thread, after every job given before it, and waits for nobody: what it
  // throws is logged as failing to do `what`.
  template <typename Job>
  void post(std::string what, Job job) {
    asio::post(pool_, [what = std::move(what), job = std::move(job)]() mutable {
      try {
        job();
      } catch (const std::exception& e) {
        spdlog::error("{}: {}", what, e.what());
      }
    });
  }

  // Lets the jobs given so far finish, then ends the thread.
  void join() { pool_.join(); }

 private:
  asio::thread_pool pool_{1};
};

}  // namespace siaran::daemon
