// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small synchronous HTTP/1.1 client for siarand's API (the `siaran` CLI, siaran-bench):
// one kept-alive connection, plain or HTTPS, JSON in and out, bearer token. Beast and OpenSSL
// stay inside api_client.cc.

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace siaran::tools {

struct api_endpoint {
  std::string host = "127.0.0.1";
  std::string port = "8080";
  std::string token;  // sent as "Authorization: Bearer TOKEN" when not empty
  std::chrono::seconds timeout{30};
  // HTTPS (TLS 1.2 or newer): the daemon's certificate must name `host` and be signed by the
  // system's CAs or be `trusted_certificate` (a PEM file: http.tls.certificate, self-signed).
  bool https = false;
  std::string trusted_certificate{};  // {}: `{host, port, token}` need not name it (-Wmissing-field-initializers)
};

// "http://HOST:PORT", "https://HOST:PORT" or "HOST:PORT" ("[::1]:8080" for IPv6); throws
// std::invalid_argument saying what is wrong.
api_endpoint parse_url(std::string_view url);

struct api_reply {
  int status = 0;
  std::string body;
  std::string retry_after;  // the Retry-After header of a 503, empty when absent
};

// The daemon cannot be reached (refused, timed out, connection lost): the message says which
// address and what to check.
class api_unreachable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class api_client {
 public:
  explicit api_client(api_endpoint endpoint);
  ~api_client();
  api_client(const api_client&) = delete;
  api_client& operator=(const api_client&) = delete;

  // `target` is the path with its query ("/api/v1/messages?state=sent"). Reconnects once when a
  // kept-alive connection was closed by the server. Throws api_unreachable.
  api_reply get(std::string_view target);
  api_reply post(std::string_view target, std::string_view body,
                 std::string_view content_type = "application/json");
  api_reply put(std::string_view target, std::string_view body,
                std::string_view content_type = "application/json");

 private:
  class impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace siaran::tools
