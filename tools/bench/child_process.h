// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A program the bench runs as its child: siarand, a siaran-modemsim per modem, siaran-smscsim.
// Its stdin is /dev/null unless the bench writes control lines to it, and its output goes to a
// log file (a broken run is then explained by that file), except a stdout the bench asked to
// read; it is stopped with SIGTERM and killed outright if the bench leaves early, so no child
// outlives a failed benchmark.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace siaran::tools::bench {

class child_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct child_spec {
  std::vector<std::string> argv;  // argv[0] is the program's path
  std::filesystem::path log;      // stderr, and stdout unless piped
  bool pipe_stdout = false;       // stdout to a pipe read with read_line()
  bool pipe_stdin = false;        // stdin from the bench, written with write_line()
  std::string missing_hint;       // added to the error when the program cannot be started
};

class child_process {
 public:
  // Throws child_error when it cannot be started.
  explicit child_process(const child_spec& spec);
  ~child_process();  // SIGKILL and reap, if still running
  child_process(const child_process&) = delete;
  child_process& operator=(const child_process&) = delete;

  pid_t pid() const { return pid_; }
  const std::string& name() const { return name_; }  // the program's file name, for messages
  const std::filesystem::path& log() const { return log_; }

  // The exit status once it has exited (a signal counts as 128 + its number), else nullopt.
  std::optional<int> exit_status();

  // The next line of the piped stdout, without its newline. Throws child_error at end of file
  // or when no whole line has come by `deadline`.
  std::string read_line(std::chrono::steady_clock::time_point deadline);

  // Writes `line` and a newline to the piped stdin. Throws child_error when the child is gone.
  void write_line(const std::string& line);

  // SIGTERM, once: a second one could reach a child after it stopped handling the first.
  void request_stop();

  // request_stop(), then waits up to `grace` for the exit status; after that SIGKILL and throws.
  int terminate(std::chrono::milliseconds grace);

 private:
  bool wait_for_exit(std::chrono::milliseconds timeout);
  bool fill_line_buffer(std::chrono::steady_clock::time_point deadline);
  void kill_and_reap();

  std::string name_;
  std::filesystem::path log_;
  int stdout_ = -1;  // our end of the stdout pipe, kept open until the child has gone
  int stdin_ = -1;   // our end of the child's stdin (a socket); closing it is end of file for the child
  pid_t pid_ = -1;
  int pidfd_ = -1;   // readable once the child has exited: a timed wait without sleeping
  bool stop_requested_ = false;
  std::string buffered_;  // read from stdout_, not yet returned by read_line()
  std::optional<int> status_;
};

}  // namespace siaran::tools::bench
