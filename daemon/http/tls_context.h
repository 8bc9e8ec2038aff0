// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the server needs to speak HTTPS (http.tls): the certificate and key named in the config,
// read and checked once at start, and the protocol floor (TLS 1.2). OpenSSL and Asio's ssl
// headers stay inside tls_context.cc and server.cc.

#include <memory>
#include <stdexcept>
#include <string>

namespace boost::asio::ssl {
class context;
}  // namespace boost::asio::ssl

namespace siaran::daemon::http {

// A certificate or key that cannot be used: the message names the file, why, and what to do.
class tls_setup_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A server context, TLS 1.2 or newer only, holding `certificate` (PEM: the server's certificate,
// then any intermediate ones) and `private_key` (PEM, unencrypted). Throws tls_setup_error when
// a file is missing or unreadable, is not PEM, or the key does not belong to the certificate.
std::shared_ptr<boost::asio::ssl::context> server_tls_context(const std::string& certificate,
                                                              const std::string& private_key);

}  // namespace siaran::daemon::http
