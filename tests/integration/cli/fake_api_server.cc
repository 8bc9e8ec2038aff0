// SPDX-License-Identifier: GPL-3.0-or-later
#include "fake_api_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace siaran::test {
namespace {

// Waits for `fd` or the stop pipe; false when the server is stopping.
bool wait_readable(int fd, int stop_fd) {
  pollfd fds[2] = {{fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
  while (::poll(fds, 2, -1) < 0) {
  }
  return (fds[1].revents & POLLIN) == 0;
}

std::size_t content_length(const std::string& head) {
  for (const std::string name : {"Content-Length: ", "content-length: "}) {
    const auto at = head.find(name);
    if (at != std::string::npos) return std::stoul(head.substr(at + name.size()));
  }
  return 0;
}

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::send(fd, text.data() + done, text.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

std::string response_text(const fake_reply& reply) {
  return "HTTP/1.1 " + std::to_string(reply.status) + " X\r\nContent-Type: application/json\r\n" +
         "Content-Length: " + std::to_string(reply.body.size()) + "\r\nConnection: keep-alive\r\n\r\n" +
         reply.body;
}

}  // namespace

fake_api_server::fake_api_server(std::function<fake_reply(const fake_request&)> respond, bool close_after_each)
    : respond_(std::move(respond)), close_after_each_(close_after_each) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listen_fd_, 8) != 0 || ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0 ||
      ::pipe(stop_pipe_) != 0) {
    throw std::runtime_error("fake_api_server: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

fake_api_server::~fake_api_server() {
  (void)::write(stop_pipe_[1], "x", 1);
  thread_.join();
  ::close(listen_fd_);
  ::close(stop_pipe_[0]);
  ::close(stop_pipe_[1]);
}

std::vector<fake_request> fake_api_server::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

void fake_api_server::serve() {
  while (wait_readable(listen_fd_, stop_pipe_[0])) {
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    ++connections_;
    serve_connection(fd);
    ::close(fd);
  }
}

void fake_api_server::serve_connection(int fd) {
  std::string pending;
  fake_request request;
  while (read_request(fd, pending, request)) {
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(request);
    }
    write_all(fd, response_text(respond_(request)));
    if (close_after_each_) return;
  }
}

bool fake_api_server::read_request(int fd, std::string& pending, fake_request& request) {
  const auto receive = [&] {
    if (!wait_readable(fd, stop_pipe_[0])) return false;
    char buffer[4096];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    pending.append(buffer, static_cast<std::size_t>(n));
    return true;
  };
  std::size_t end;
  while ((end = pending.find("\r\n\r\n")) == std::string::npos) {
    if (!receive()) return false;
  }
  request.head = pending.substr(0, end + 2);
  const std::size_t length = content_length(request.head);
  while (pending.size() < end + 4 + length) {
    if (!receive()) return false;
  }
  request.body = pending.substr(end + 4, length);
  pending.erase(0, end + 4 + length);
  const auto space = request.head.find(' ');
  request.method = request.head.substr(0, space);
  request.target = request.head.substr(space + 1, request.head.find(' ', space + 1) - space - 1);
  return true;
}

}  // namespace siaran::test
