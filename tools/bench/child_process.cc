// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <tuple>
#include <utility>

extern char** environ;

namespace siaran::tools::bench {
namespace {

using clock_type = std::chrono::steady_clock;

std::string errno_text() { return std::strerror(errno); }

// poll() that resumes after a signal; the result is poll()'s.
int poll_one(int fd, std::chrono::milliseconds timeout) {
  pollfd readable{fd, POLLIN, 0};
  int ready = 0;
  do {
    ready = ::poll(&readable, 1, static_cast<int>(std::max<long long>(timeout.count(), 0)));
  } while (ready < 0 && errno == EINTR);
  return ready;
}

// stdin is /dev/null and the output goes to the log, so a child never writes into the bench's
// table or blocks on a pipe nobody reads; a stdin or stdout the bench asked for is its own.
void redirect(posix_spawn_file_actions_t& actions, const std::filesystem::path& log, int stdin_end, int stdout_pipe) {
  if (stdin_end >= 0) posix_spawn_file_actions_adddup2(&actions, stdin_end, STDIN_FILENO);
  else posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, stdout_pipe >= 0 ? stdout_pipe : STDERR_FILENO, STDOUT_FILENO);
}

pid_t spawn(const child_spec& spec, int stdin_end, int stdout_pipe) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  redirect(actions, spec.log, stdin_end, stdout_pipe);
  std::vector<std::string> args = spec.argv;
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    const std::string hint = spec.missing_hint.empty() ? "" : " (" + spec.missing_hint + ")";
    throw child_error("cannot start " + spec.argv[0] + ": " + std::strerror(error) + hint);
  }
  return pid;
}

// Both ends close on exec: each child gets only its own write end, as its stdout.
std::pair<int, int> make_pipe() {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) throw child_error("pipe2(): " + errno_text());
  return {ends[0], ends[1]};
}

// A stream socket rather than a pipe for the child's stdin: send() with MSG_NOSIGNAL then fails
// with EPIPE instead of raising SIGPIPE when the child has gone.
std::pair<int, int> make_socket_pair() {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
    throw child_error("socketpair(): " + errno_text());
  }
  return {ends[0], ends[1]};
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

child_process::child_process(const child_spec& spec)
    : name_(std::filesystem::path(spec.argv.at(0)).filename().string()), log_(spec.log) {
  int write_end = -1, read_end = -1;
  if (spec.pipe_stdout) std::tie(stdout_, write_end) = make_pipe();
  if (spec.pipe_stdin) std::tie(read_end, stdin_) = make_socket_pair();
  try {
    pid_ = spawn(spec, read_end, write_end);
  } catch (...) {
    for (int fd : {write_end, stdout_, read_end, stdin_}) {
      if (fd >= 0) ::close(fd);
    }
    throw;
  }
  // The child's ends are its own now; our copy of its stdout's would hide its end of file.
  for (int fd : {write_end, read_end}) {
    if (fd >= 0) ::close(fd);
  }
  pidfd_ = static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0));
  if (pidfd_ < 0) {
    const std::string why = errno_text();
    kill_and_reap();
    throw child_error("pidfd_open(" + name_ + "): " + why + " (Linux 5.3 or later is needed)");
  }
}

child_process::~child_process() {
  if (!status_) kill_and_reap();
  if (pidfd_ >= 0) ::close(pidfd_);
  if (stdout_ >= 0) ::close(stdout_);
  if (stdin_ >= 0) ::close(stdin_);
}

std::optional<int> child_process::exit_status() {
  if (status_) return status_;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) status_ = decode_status(status);
  return status_;
}

std::string child_process::read_line(clock_type::time_point deadline) {
  for (;;) {
    if (const auto end = buffered_.find('\n'); end != std::string::npos) {
      std::string line = buffered_.substr(0, end);
      buffered_.erase(0, end + 1);
      return line;
    }
    if (!fill_line_buffer(deadline)) throw child_error(name_ + " closed its output before a whole line");
  }
}

// Reads what the pipe has, waiting until `deadline`; false at end of file.
bool child_process::fill_line_buffer(clock_type::time_point deadline) {
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - clock_type::now());
  const int ready = poll_one(stdout_, left);
  if (ready < 0) throw child_error("poll(" + name_ + "'s output): " + errno_text());
  if (ready == 0) throw child_error(name_ + " wrote no whole line in time");
  char chunk[512];
  ssize_t got = 0;
  do {
    got = ::read(stdout_, chunk, sizeof chunk);
  } while (got < 0 && errno == EINTR);
  if (got < 0) throw child_error("read(" + name_ + "'s output): " + errno_text());
  buffered_.append(chunk, static_cast<std::size_t>(got));
  return got > 0;
}

void child_process::write_line(const std::string& line) {
  const std::string text = line + '\n';
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t wrote = ::send(stdin_, text.data() + done, text.size() - done, MSG_NOSIGNAL);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) throw child_error("send(" + name_ + "'s input): " + errno_text());
    done += static_cast<std::size_t>(wrote);
  }
}

void child_process::request_stop() {
  if (stop_requested_ || exit_status()) return;
  ::kill(pid_, SIGTERM);
  stop_requested_ = true;
}

int child_process::terminate(std::chrono::milliseconds grace) {
  request_stop();
  if (!exit_status() && !wait_for_exit(grace)) {
    kill_and_reap();
    throw child_error(name_ + " did not stop within " + std::to_string(grace.count()) +
                      " ms of SIGTERM; killed it (see " + log_.string() + ")");
  }
  return *exit_status();
}

bool child_process::wait_for_exit(std::chrono::milliseconds timeout) { return poll_one(pidfd_, timeout) > 0; }

void child_process::kill_and_reap() {
  ::kill(pid_, SIGKILL);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  status_ = decode_status(status);
}

}  // namespace siaran::tools::bench
