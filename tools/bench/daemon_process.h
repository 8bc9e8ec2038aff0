#pragma once

// siarand as a child process of the bench: spawned with its own config, its stdout and stderr
// in a log file (a broken run is then explained by that file), stopped with SIGTERM and
// killed outright if the bench leaves early, so no daemon outlives a failed benchmark.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>

namespace siaran::tools::bench {

class daemon_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class daemon_process {
 public:
  // Runs `siarand --config CONFIG`. Throws daemon_error when it cannot be started.
  daemon_process(const std::filesystem::path& siarand, const std::filesystem::path& config,
                 const std::filesystem::path& log);
  ~daemon_process();  // SIGKILL and reap, if still running
  daemon_process(const daemon_process&) = delete;
  daemon_process& operator=(const daemon_process&) = delete;

  pid_t pid() const { return pid_; }
  const std::filesystem::path& log() const { return log_; }

  // The exit status once it has exited (a signal counts as 128 + its number), else nullopt.
  std::optional<int> exit_status();

  // SIGTERM, then waits up to `grace` for the exit status; after that SIGKILL and throws.
  int terminate(std::chrono::milliseconds grace);

 private:
  bool wait_for_exit(std::chrono::milliseconds timeout);
  void kill_and_reap();

  std::filesystem::path log_;
  pid_t pid_ = -1;
  int pidfd_ = -1;  // readable once the child has exited: a timed wait without sleeping
  std::optional<int> status_;
};

}  // namespace siaran::tools::bench
