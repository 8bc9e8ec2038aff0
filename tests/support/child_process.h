// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs a real program (siarand, siaran) from a test and reads its output with deadlines:
// every wait ends by its deadline, so a stuck child fails the test instead of hanging it.
// No sleeps: waiting is poll() on the child's pipes.

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace siaran::test {

using deadline_time = std::chrono::steady_clock::time_point;

inline deadline_time deadline_in(std::chrono::milliseconds timeout) {
  return std::chrono::steady_clock::now() + timeout;
}

// What a finished program did.
struct program_result {
  int exit_code = -1;     // -1 when killed by a signal
  int term_signal = 0;    // the signal that ended it, or 0
  std::string out;        // all of stdout
  std::string err;        // all of stderr
};

class child_process {
 public:
  // Starts argv[0] (a path) with argv[1..]; `env` entries ("NAME=value", or "NAME" to
  // remove) change the test's own environment for the child.
  child_process(std::vector<std::string> argv, std::vector<std::string> env = {});
  ~child_process();  // kills (SIGKILL) and reaps a child still running
  child_process(const child_process&) = delete;
  child_process& operator=(const child_process&) = delete;

  pid_t pid() const { return pid_; }
  void send_signal(int signal);

  // Writes to the child's stdin (a pipe; the child never shares the test's own stdin).
  void write_stdin(std::string_view text);
  void close_stdin();

  // Reads stderr (stdout) until a line containing `text` arrives, after `from` (an offset
  // into err() or out()); returns the whole line, or nothing at the deadline or at end of
  // output.
  std::optional<std::string> wait_for_stderr_line(std::string_view text, deadline_time deadline,
                                                  std::size_t from = 0);
  std::optional<std::string> wait_for_stdout_line(std::string_view text, deadline_time deadline,
                                                  std::size_t from = 0);

  // Reads until both pipes close and reaps the child; nothing at the deadline (the child is
  // then killed).
  std::optional<program_result> wait_exit(deadline_time deadline);

  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }

 private:
  // Reads whatever is available within the deadline; false when nothing more can come.
  bool pump(deadline_time deadline);
  std::optional<std::string> wait_for_line(const std::string& output, std::string_view text,
                                           deadline_time deadline, std::size_t from);

  pid_t pid_ = -1;
  int in_fd_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::string out_;
  std::string err_;
  bool reaped_ = false;
};

// Runs a program to completion with an empty stdin: its exit, or nothing when it outlived
// the deadline.
std::optional<program_result> run_program(std::vector<std::string> argv, deadline_time deadline,
                                    std::vector<std::string> env = {});

}  // namespace siaran::test
