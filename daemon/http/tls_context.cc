// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/tls_context.h"

#include "common/asio.h"

#include <boost/asio/ssl/context.hpp>
#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace siaran::daemon::http {
namespace {

namespace ssl = boost::asio::ssl;

// TLS 1.2 suites with forward secrecy and authenticated encryption only; TLS 1.3's are all
// of that already and keep OpenSSL's defaults. The security level stays OpenSSL's default.
constexpr const char* tls12_ciphers = "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL:!EXPORT:!MD5:!RC4:!3DES";

// A PEM file is a few kB; anything far larger is not one.
constexpr std::size_t max_pem_bytes = 1024 * 1024;

std::string read_pem(const std::string& file, const char* key) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw tls_setup_error(fmt::format("http.tls.{}: cannot read {}: {} (make a pair with `siaran tls self-signed`)",
                                      key, file, std::strerror(errno)));
  }
  std::string text;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad() || text.size() > max_pem_bytes) {
    throw tls_setup_error(fmt::format("http.tls.{}: cannot read {} as a PEM file", key, file));
  }
  return text;
}

void use_certificate(ssl::context& context, const std::string& file) {
  const std::string pem = read_pem(file, "certificate");
  boost::system::error_code ec;
  context.use_certificate_chain(boost::asio::buffer(pem), ec);
  if (ec) {
    throw tls_setup_error(
        fmt::format("http.tls.certificate: {} holds no PEM certificate OpenSSL accepts: {}", file, ec.message()));
  }
}

// After the certificate: OpenSSL then also checks that the key is the certificate's.
void use_private_key(ssl::context& context, const std::string& file, const std::string& certificate_file) {
  std::string pem = read_pem(file, "private_key");
  boost::system::error_code ec;
  context.use_private_key(boost::asio::buffer(pem), ssl::context::pem, ec);
  OPENSSL_cleanse(pem.data(), pem.size());  // the key lives on only inside OpenSSL
  if (!ec) return;
  if (ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == X509_R_KEY_VALUES_MISMATCH) {
    throw tls_setup_error(fmt::format("http.tls: the key in {} does not belong to the certificate in {}; give the "
                                      "pair made together",
                                      file, certificate_file));
  }
  throw tls_setup_error(
      fmt::format("http.tls.private_key: {} holds no unencrypted PEM private key: {}", file, ec.message()));
}

}  // namespace

std::shared_ptr<ssl::context> server_tls_context(const std::string& certificate, const std::string& private_key) {
  auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                       ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
  SSL_CTX* native = context->native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
  SSL_CTX_set_cipher_list(native, tls12_ciphers);
  use_certificate(*context, certificate);
  use_private_key(*context, private_key, certificate);
  return context;
}

}  // namespace siaran::daemon::http
