// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP server on a real socket, spoken to by a plain POSIX client, so what is tested is
// what curl and the siaran CLI see on the wire. Every wait is bounded by SO_RCVTIMEO.

#include "daemon/http/server.h"

#include "common/asio.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <future>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>

#include "common/ascii.h"
#include "daemon/http/api_token.h"
#include "daemon/http/bearer.h"

namespace siaran::test::http_harness {

namespace common = siaran::common;
namespace http = siaran::daemon::http;
using namespace std::chrono_literals;


inline constexpr std::chrono::seconds client_wait{10};
inline constexpr const char* good_token = "siaran_test_token";

struct reply {
  std::string status_line;
  int status = 0;
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;

  std::string header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
  }
  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

// One response's status line and headers, without the blank line that ends them.
inline reply parse_reply_head(const std::string& text) {
  reply r;
  std::size_t line_end = text.find("\r\n");
  r.status_line = text.substr(0, line_end);
  r.status = std::stoi(r.status_line.substr(9, 3));
  while (line_end != std::string::npos) {
    const std::size_t start = line_end + 2;
    line_end = text.find("\r\n", start);
    const std::string line = text.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::size_t value = line.find_first_not_of(' ', colon + 1);
    r.headers[common::lowercase(line.substr(0, colon))] = value == std::string::npos ? "" : line.substr(value);
  }
  return r;
}

// One response from `buffer`, which `receive_more` tops up (false once the connection ended).
template <class Receive>
reply read_reply_from(std::string& buffer, Receive receive_more) {
  std::size_t header_end;
  while ((header_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    if (!receive_more()) throw std::runtime_error("connection ended before a whole response header");
  }
  reply r = parse_reply_head(buffer.substr(0, header_end));
  buffer.erase(0, header_end + 4);
  const std::size_t length = std::stoul(r.header("content-length").empty() ? "0" : r.header("content-length"));
  while (buffer.size() < length) {
    if (!receive_more()) throw std::runtime_error("connection ended before the whole response body");
  }
  r.body = buffer.substr(0, length);
  buffer.erase(0, length);
  return r;
}

// A blocking TCP client whose every receive gives up after client_wait. `from` is the address
// it connects from: every 127.x.y.z is this machine, so tests can play several office PCs.
class client {
 public:
  explicit client(std::uint16_t port, const char* from = "127.0.0.1") : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    if (fd_ < 0) throw std::runtime_error("socket() failed");
    timeval timeout{};
    timeout.tv_sec = client_wait.count();
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in source{};
    source.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &source.sin_addr);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&source), sizeof source) != 0) {
      ::close(fd_);
      throw std::runtime_error(std::string("cannot bind the test client to ") + from);
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd_);
      throw std::runtime_error("cannot connect to the test server");
    }
  }
  ~client() { ::close(fd_); }
  client(const client&) = delete;
  client& operator=(const client&) = delete;

  // False when the server has already closed (EPIPE/ECONNRESET): some tests expect that.
  bool send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  reply read_reply() {
    return read_reply_from(buffer_, [this] { return receive_more(); });
  }

  // The connected socket, for a TLS client layered over it.
  int fd() const { return fd_; }

  // Whether the server closes the connection (end of stream or reset) within client_wait,
  // discarding whatever it still sends before that.
  bool closed_by_server() {
    for (;;) {
      char scratch[4096];
      const ssize_t n = ::recv(fd_, scratch, sizeof scratch, 0);
      if (n == 0) return true;
      if (n < 0) return errno == ECONNRESET;
    }
  }

 private:
  bool receive_more() {
    char scratch[4096];
    const ssize_t n = ::recv(fd_, scratch, sizeof scratch, 0);
    if (n <= 0) return false;
    buffer_.append(scratch, static_cast<std::size_t>(n));
    return true;
  }

  int fd_;
  std::string buffer_;
};

inline std::string echo_body(const http::request& req) {
  nlohmann::json out;
  out["method"] = req.method;
  out["path"] = req.path;
  out["params"] = req.params;
  out["query"] = req.query;
  out["content_type"] = req.content_type;
  out["body"] = req.body;
  out["token_name"] = req.who.name;
  out["remote_address"] = req.remote_address;
  return out.dump();
}

inline http::router test_routes() {
  http::router routes;
  http::route_options open;
  open.auth = false;
  routes.add("GET", "/healthz", [](const http::request&) { return http::json_response(200, R"({"ok":true})"); }, open);
  const auto echo = [](const http::request& req) { return http::json_response(200, echo_body(req)); };
  routes.add("GET", "/api/v1/messages/{id}", echo);
  http::route_options small;
  small.max_body = 1024;
  routes.add("POST", "/api/v1/messages", echo, small);
  routes.add("GET", "/api/v1/messages", echo);
  http::route_options large;
  large.max_body = 64 * 1024 * 1024;
  routes.add("POST", "/api/v1/messages/batch", echo, large);
  routes.add("GET", "/api/v1/boom", [](const http::request&) -> http::response {
    throw std::runtime_error("the store is on fire");
  });
  return routes;
}

// Bearer tokens only, as an admin named after the token (the daemon's own authenticator, which
// also knows sessions, is tested in tests/unit/accounts).
inline http::authenticator bearer_tokens(std::vector<http::token_digest> tokens) {
  return [tokens = std::move(tokens)](const http::request& req) -> std::variant<http::principal, http::response> {
    auto name = http::bearer_token_name(req.header("authorization"), tokens);
    if (!name) return http::unauthorized();
    http::principal who;
    who.name = std::move(*name);
    who.level = http::role::admin;
    return who;
  };
}

inline http::server_settings test_settings() {
  http::server_settings settings;
  settings.port = 0;
  settings.authenticate =
      bearer_tokens({{"other", http::sha256_hex("siaran_other_token")}, {"sekretariat", http::sha256_hex(good_token)}});
  settings.max_header_bytes = 4096;
  return settings;
}

// The server on its own io_context thread, as in the daemon; stopped on destruction, and the
// stop itself checked: the io_context must run out of work once stop() has closed everything.
class running_server {
 public:
  explicit running_server(http::server_settings settings = test_settings(), http::router routes = test_routes())
      : server_(io_, std::move(settings), std::move(routes)) {
    server_.start();
    std::packaged_task<void()> run([this] { io_.run(); });
    ran_out_ = run.get_future();
    thread_ = std::thread(std::move(run));
  }
  ~running_server() {
    stop();
    thread_.join();
  }
  running_server(const running_server&) = delete;
  running_server& operator=(const running_server&) = delete;

  std::uint16_t port() const { return server_.port(); }

  // Whether the io_context ran out of work within client_wait of stop().
  bool stop() {
    if (stopped_) return true;
    stopped_ = true;
    server_.stop();
    const bool ran_out = ran_out_.wait_for(client_wait) == std::future_status::ready;
    if (!ran_out) io_.stop();  // so the destructor's join is bounded too
    return ran_out;
  }

 private:
  siaran::asio::io_context io_;
  http::server server_;
  std::future<void> ran_out_;
  std::thread thread_;
  bool stopped_ = false;
};

inline std::string get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extra_headers + "\r\n";
}

inline std::string authorized(const std::string& token = good_token) { return "Authorization: Bearer " + token + "\r\n"; }

inline reply exchange(std::uint16_t port, const std::string& request, const char* from = "127.0.0.1") {
  client c(port, from);
  REQUIRE(c.send(request));
  return c.read_reply();
}

}  // namespace siaran::test::http_harness
