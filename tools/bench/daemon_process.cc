#include "tools/bench/daemon_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace siaran::tools::bench {
namespace {

std::string errno_text() { return std::strerror(errno); }

// The child's stdin is /dev/null and both its output streams go to the log, so the daemon
// never writes into the bench's table or blocks on a pipe nobody reads.
void redirect_output(posix_spawn_file_actions_t& actions, const std::filesystem::path& log) {
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
}

pid_t spawn(const std::filesystem::path& siarand, const std::filesystem::path& config,
            const std::filesystem::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  redirect_output(actions, log);
  std::string program = siarand.string(), option = "--config", file = config.string();
  std::vector<char*> argv{program.data(), option.data(), file.data(), nullptr};
  pid_t pid = -1;
  const int error = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    throw daemon_error("cannot start " + program + ": " + std::strerror(error) +
                       " (build it, or give its path with --siarand)");
  }
  return pid;
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

daemon_process::daemon_process(const std::filesystem::path& siarand, const std::filesystem::path& config,
                               const std::filesystem::path& log)
    : log_(log), pid_(spawn(siarand, config, log)) {
  pidfd_ = static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0));
  if (pidfd_ < 0) {
    const std::string why = errno_text();
    kill_and_reap();
    throw daemon_error("pidfd_open(siarand): " + why + " (Linux 5.3 or later is needed)");
  }
}

daemon_process::~daemon_process() {
  if (!status_) kill_and_reap();
  if (pidfd_ >= 0) ::close(pidfd_);
}

std::optional<int> daemon_process::exit_status() {
  if (status_) return status_;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) status_ = decode_status(status);
  return status_;
}

int daemon_process::terminate(std::chrono::milliseconds grace) {
  if (exit_status()) return *status_;
  ::kill(pid_, SIGTERM);
  if (!wait_for_exit(grace)) {
    kill_and_reap();
    throw daemon_error("siarand did not stop within " + std::to_string(grace.count()) +
                       " ms of SIGTERM; killed it (see " + log_.string() + ")");
  }
  return *exit_status();
}

bool daemon_process::wait_for_exit(std::chrono::milliseconds timeout) {
  pollfd readable{pidfd_, POLLIN, 0};
  int ready = 0;
  do {
    ready = ::poll(&readable, 1, static_cast<int>(timeout.count()));
  } while (ready < 0 && errno == EINTR);
  return ready > 0;
}

void daemon_process::kill_and_reap() {
  ::kill(pid_, SIGKILL);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  status_ = decode_status(status);
}

}  // namespace siaran::tools::bench
