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

using Deadline = std::chrono::steady_clock::time_point;

inline Deadline deadline_in(std::chrono::milliseconds timeout) {
  return std::chrono::steady_clock::now() + timeout;
}

// What a finished program did.
struct Finished {
  int exit_code = -1;     // -1 when killed by a signal
  int term_signal = 0;    // the signal that ended it, or 0
  std::string out;        // all of stdout
  std::string err;        // all of stderr
};

class ChildProcess {
 public:
  // Starts argv[0] (a path) with argv[1..]; `env` entries ("NAME=value", or "NAME" to
  // remove) change the test's own environment for the child.
  ChildProcess(std::vector<std::string> argv, std::vector<std::string> env = {});
  ~ChildProcess();  // kills (SIGKILL) and reaps a child still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  void send_signal(int signal);

  // Writes to the child's stdin (a pipe; the child never shares the test's own stdin).
  void write_stdin(std::string_view text);
  void close_stdin();

  // Reads stderr (stdout) until a line containing `text` arrives, after `from` (an offset
  // into err() or out()); returns the whole line, or nothing at the deadline or at end of
  // output.
  std::optional<std::string> wait_for_stderr_line(std::string_view text, Deadline deadline,
                                                  std::size_t from = 0);
  std::optional<std::string> wait_for_stdout_line(std::string_view text, Deadline deadline,
                                                  std::size_t from = 0);

  // Reads until both pipes close and reaps the child; nothing at the deadline (the child is
  // then killed).
  std::optional<Finished> wait_exit(Deadline deadline);

  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }

 private:
  // Reads whatever is available within the deadline; false when nothing more can come.
  bool pump(Deadline deadline);
  std::optional<std::string> wait_for_line(const std::string& output, std::string_view text,
                                           Deadline deadline, std::size_t from);

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
std::optional<Finished> run_program(std::vector<std::string> argv, Deadline deadline,
                                    std::vector<std::string> env = {});

}  // namespace siaran::test
