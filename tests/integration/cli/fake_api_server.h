// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A minimal HTTP/1.1 server on 127.0.0.1 that the test plays siarand with: it answers each
// request from a function of the request and records what it received. One connection at a
// time, as the CLI makes them; optionally closes each connection after one answer (while
// still saying keep-alive), the way an idle connection gets closed under a client.

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace siaran::test {

struct fake_request {
  std::string method;
  std::string target;
  std::string head;  // request line and headers
  std::string body;
};

struct fake_reply {
  int status = 200;
  std::string body;
};

class fake_api_server {
 public:
  explicit fake_api_server(std::function<fake_reply(const fake_request&)> respond,
                           bool close_after_each = false);
  ~fake_api_server();
  fake_api_server(const fake_api_server&) = delete;
  fake_api_server& operator=(const fake_api_server&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<fake_request> requests() const;
  int connections() const { return connections_; }

 private:
  void serve();
  void serve_connection(int fd);
  bool read_request(int fd, std::string& pending, fake_request& request);

  std::function<fake_reply(const fake_request&)> respond_;
  bool close_after_each_;
  int listen_fd_ = -1;
  int stop_pipe_[2] = {-1, -1};
  std::uint16_t port_ = 0;
  std::atomic<int> connections_{0};
  mutable std::mutex mutex_;
  std::vector<fake_request> requests_;
  std::thread thread_;
};

}  // namespace siaran::test
