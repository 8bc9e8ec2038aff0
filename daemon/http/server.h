// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The daemon's HTTP/1.1 server (Boost.Beast inside server.cc only), on the daemon's one
// io_context: one coroutine per connection, keep-alive, limits on header and body size, header,
// request and idle timeouts, caps on connections overall and per client address, authentication
// from the header before a byte of the body is read, and a JSON 4xx for every request it cannot
// route or read. With settings.tls it speaks HTTPS only (TLS 1.2 or newer), through the same
// request handling.
// Authentication and handlers run where settings.offload puts them, never on the I/O thread
// when it is set: the server only reads, writes and waits.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "daemon/http/router.h"
#include "daemon/http/tls_context.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace siaran::daemon::http {

struct token_digest {
  std::string name;
  std::string sha256;  // 64 lowercase hex digits
};

// Who sent a request to a route with route_options::auth, or the response that refuses it
// (401 unknown, 403 missing CSRF token). The server checks roles itself afterwards.
using authenticator = std::function<std::variant<principal, response>(const request&)>;

// Runs `job` on the thread `where` names (runs_on::reader or runs_on::writer) and returns at
// once; the server goes on with the request on the I/O thread once the job has run.
using offloader = std::function<void(runs_on where, std::function<void()> job)>;

// Told of the answer to every request a route matched whose method may change something (not
// GET or HEAD), refused or not, on the I/O thread: it must return at once (an audit trail
// posts what it keeps to another thread). The request has its route, params and, where known,
// who sent it.
using answer_observer = std::function<void(const request&, const response&)>;

struct server_settings {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (see server::port())
  authenticator authenticate;  // empty: every route with auth answers 401; runs on the writer
  offloader offload;           // empty: handlers run on the I/O thread
  answer_observer on_answered;  // empty: nobody is told
  std::size_t max_header_bytes = 8 * 1024;
  std::chrono::seconds header_timeout{10};   // to read a request's header, from its first byte's wait
  std::chrono::seconds request_timeout{30};  // to read a whole request, and to write its answer
  std::chrono::seconds idle_timeout{60};     // between requests on a kept-alive connection
  std::size_t max_connections = 256;
  // One address (one PC) may hold this many of the connections, and have this many requests
  // being answered at once; a trusted proxy's connections count only against max_connections.
  std::size_t max_connections_per_address = 32;
  std::size_t max_requests_per_address = 8;
  std::vector<std::string> trusted_proxies;  // whose X-Forwarded-For is believed (client_address.h)
  // Set: HTTPS only, every cookie Secure, the handshake within header_timeout (server_tls_context).
  std::shared_ptr<boost::asio::ssl::context> tls;
};

class server {
 public:
  server(boost::asio::io_context& io, server_settings settings, router routes);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  // Binds and starts accepting. Throws std::runtime_error saying what address could not be
  // bound and why (in use, permission).
  void start();
  // Stops accepting and closes every connection.
  void stop();
  // The bound port (useful with port 0).
  std::uint16_t port() const;

 private:
  class impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace siaran::daemon::http
