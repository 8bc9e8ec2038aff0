// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace siaran::test {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

std::vector<std::string> child_environment(const std::vector<std::string>& changes) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
  for (const std::string& change : changes) {
    std::string name = change.substr(0, change.find('='));
    std::erase_if(env, [&](const std::string& e) { return e.rfind(name + "=", 0) == 0; });
    if (change.find('=') != std::string::npos) env.push_back(change);
  }
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

int remaining_ms(deadline_time deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

}  // namespace

child_process::child_process(std::vector<std::string> argv, std::vector<std::string> env) {
  std::array<int, 2> in_pipe{};
  std::array<int, 2> out_pipe{};
  std::array<int, 2> err_pipe{};
  if (pipe2(in_pipe.data(), O_CLOEXEC) != 0 || pipe2(out_pipe.data(), O_CLOEXEC) != 0 ||
      pipe2(err_pipe.data(), O_CLOEXEC) != 0) {
    fail("pipe2");
  }
  std::vector<std::string> environment = child_environment(env);
  std::vector<char*> argv_p = pointers(argv);
  std::vector<char*> env_p = pointers(environment);
  pid_ = fork();
  if (pid_ < 0) fail("fork");
  if (pid_ == 0) {
    // Only async-signal-safe calls between fork and exec.
    dup2(in_pipe[0], STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    execve(argv_p[0], argv_p.data(), env_p.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  in_fd_ = in_pipe[1];
  out_fd_ = out_pipe[0];
  err_fd_ = err_pipe[0];
}

child_process::~child_process() {
  if (!reaped_ && pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  close_stdin();
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
}

void child_process::write_stdin(std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = write(in_fd_, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("write to the child's stdin");
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

void child_process::close_stdin() {
  if (in_fd_ >= 0) close(in_fd_);
  in_fd_ = -1;
}

void child_process::send_signal(int signal) {
  if (kill(pid_, signal) != 0) fail("kill");
}

bool child_process::pump(deadline_time deadline) {
  std::array<pollfd, 2> fds{pollfd{out_fd_, POLLIN, 0}, pollfd{err_fd_, POLLIN, 0}};
  if (out_fd_ < 0 && err_fd_ < 0) return false;
  int ready = poll(fds.data(), fds.size(), remaining_ms(deadline));
  if (ready < 0 && errno != EINTR) fail("poll");
  std::array<int*, 2> fd_of{&out_fd_, &err_fd_};
  std::array<std::string*, 2> text_of{&out_, &err_};
  for (std::size_t i = 0; i < fds.size(); ++i) {
    if (fds[i].fd < 0 || fds[i].revents == 0) continue;
    std::array<char, 4096> buffer{};
    ssize_t n = read(fds[i].fd, buffer.data(), buffer.size());
    if (n > 0) {
      text_of[i]->append(buffer.data(), static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      close(*fd_of[i]);
      *fd_of[i] = -1;
    }
  }
  return out_fd_ >= 0 || err_fd_ >= 0;
}

std::optional<std::string> child_process::wait_for_stderr_line(std::string_view text,
                                                              deadline_time deadline,
                                                              std::size_t from) {
  return wait_for_line(err_, text, deadline, from);
}

std::optional<std::string> child_process::wait_for_stdout_line(std::string_view text,
                                                              deadline_time deadline,
                                                              std::size_t from) {
  return wait_for_line(out_, text, deadline, from);
}

std::optional<std::string> child_process::wait_for_line(const std::string& output,
                                                       std::string_view text, deadline_time deadline,
                                                       std::size_t from) {
  for (;;) {
    // Complete lines only: a line being written may not yet hold all of `text`.
    std::size_t at = output.find(text, from);
    std::size_t end = at == std::string::npos ? at : output.find('\n', at);
    if (end != std::string::npos) {
      std::size_t begin = output.rfind('\n', at);
      begin = begin == std::string::npos ? 0 : begin + 1;
      return output.substr(begin, end - begin);
    }
    if (std::chrono::steady_clock::now() >= deadline || !pump(deadline)) return std::nullopt;
  }
}

std::optional<program_result> child_process::wait_exit(deadline_time deadline) {
  while (pump(deadline)) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
  }
  // Both pipes closed, so the child is exiting; pidfd lets us wait for that with the deadline.
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid_, 0));
  if (pidfd >= 0) {
    pollfd exited{pidfd, POLLIN, 0};
    int ready = poll(&exited, 1, remaining_ms(deadline));
    close(pidfd);
    if (ready == 0) return std::nullopt;
  }
  int status = 0;
  if (waitpid(pid_, &status, 0) != pid_) fail("waitpid");
  reaped_ = true;
  program_result finished;
  finished.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  finished.term_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  finished.out = out_;
  finished.err = err_;
  return finished;
}

std::optional<program_result> run_program(std::vector<std::string> argv, deadline_time deadline,
                                    std::vector<std::string> env) {
  child_process child(std::move(argv), std::move(env));
  child.close_stdin();
  return child.wait_exit(deadline);
}

}  // namespace siaran::test
