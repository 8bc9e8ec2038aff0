// SPDX-License-Identifier: GPL-3.0-or-later
// The server with http.tls: a real TLS handshake from an OpenSSL client that trusts the
// certificate `siaran tls self-signed` makes (the same code, into a temporary directory), the
// protocol floor, what a plain HTTP client gets, Secure cookies, the caps and deadlines.

#include "tests/integration/http/server_harness.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <memory>

#include "daemon/http/tls_context.h"
#include "tests/support/temp_dir.h"
#include "tools/self_signed_certificate.h"

using namespace siaran::test::http_harness;

namespace {

struct certificate_files {
  siaran::test::temp_dir dir;
  std::string certificate;
  std::string private_key;
};

std::unique_ptr<certificate_files> self_signed_files() {
  auto files = std::make_unique<certificate_files>();
  const auto pair = siaran::tools::make_self_signed({{"localhost"}, {"127.0.0.1"}});
  files->certificate = files->dir.write("siaran.crt", pair.certificate_pem).string();
  files->private_key = files->dir.write("siaran.key", pair.private_key_pem).string();
  return files;
}

http::server_settings tls_settings(const certificate_files& files) {
  http::server_settings settings = test_settings();
  settings.tls = http::server_tls_context(files.certificate, files.private_key);
  return settings;
}

struct ssl_ctx_deleter {
  void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
};
struct ssl_deleter {
  void operator()(SSL* ssl) const { SSL_free(ssl); }
};

// An OpenSSL client over the harness's TCP client that trusts only `trusted` and checks that it
// names localhost, as a browser does; `version` pins the protocol (0: the library's range).
class tls_client {
 public:
  tls_client(std::uint16_t port, const std::string& trusted, int version = 0, const char* from = "127.0.0.1")
      : tcp_(port, from), context_(SSL_CTX_new(TLS_client_method())) {
    REQUIRE(context_);
    REQUIRE(SSL_CTX_load_verify_locations(context_.get(), trusted.c_str(), nullptr) == 1);
    SSL_CTX_set_verify(context_.get(), SSL_VERIFY_PEER, nullptr);
    if (version != 0) {
      // Security level 0: the client itself must be willing to speak an old protocol, so that
      // the refusal tested is the server's.
      SSL_CTX_set_security_level(context_.get(), 0);
      SSL_CTX_set_min_proto_version(context_.get(), version);
      SSL_CTX_set_max_proto_version(context_.get(), version);
    }
    ssl_.reset(SSL_new(context_.get()));
    REQUIRE(ssl_);
    SSL_set_fd(ssl_.get(), tcp_.fd());
    SSL_set_tlsext_host_name(ssl_.get(), "localhost");
    SSL_set1_host(ssl_.get(), "localhost");
  }

  bool handshake() {
    const bool ok = SSL_connect(ssl_.get()) == 1;
    ERR_clear_error();
    return ok;
  }
  int version() const { return SSL_version(ssl_.get()); }

  bool send(const std::string& bytes) {
    return SSL_write(ssl_.get(), bytes.data(), static_cast<int>(bytes.size())) == static_cast<int>(bytes.size());
  }

  reply read_reply() {
    return read_reply_from(buffer_, [this] {
      char scratch[4096];
      const int n = SSL_read(ssl_.get(), scratch, sizeof scratch);
      if (n <= 0) return false;
      buffer_.append(scratch, static_cast<std::size_t>(n));
      return true;
    });
  }

 private:
  client tcp_;
  std::unique_ptr<SSL_CTX, ssl_ctx_deleter> context_;
  std::unique_ptr<SSL, ssl_deleter> ssl_;
  std::string buffer_;
};

reply tls_exchange(std::uint16_t port, const std::string& trusted, const std::string& request, int version = 0) {
  tls_client c(port, trusted, version);
  REQUIRE(c.handshake());
  REQUIRE(c.send(request));
  return c.read_reply();
}

http::router routes_with_a_cookie() {
  http::router routes = test_routes();
  http::route_options open;
  open.auth = false;
  routes.add("POST", "/session", [](const http::request&) {
    http::response res = http::json_response(200, "{}");
    res.headers.emplace_back("Set-Cookie", "siaran_session=abc; Path=/; HttpOnly; SameSite=Strict");
    return res;
  }, open);
  return routes;
}

const std::string login = "POST /session HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n";

}  // namespace

TEST_CASE("over TLS 1.2 and 1.3 a client trusting the certificate for localhost gets /healthz", "[tls]") {
  const auto files = self_signed_files();
  running_server s(tls_settings(*files));
  for (const int version : {TLS1_2_VERSION, TLS1_3_VERSION}) {
    INFO("version " << version);
    tls_client c(s.port(), files->certificate, version);
    REQUIRE(c.handshake());
    CHECK(c.version() == version);
    REQUIRE(c.send(get("/healthz")));
    const reply r = c.read_reply();
    CHECK(r.status == 200);
    CHECK(r.json().at("ok") == true);
    // Kept alive: a second request on the same TLS session is answered too.
    REQUIRE(c.send(get("/api/v1/messages/3", authorized())));
    CHECK(c.read_reply().json().at("params") == nlohmann::json{{"id", "3"}});
  }
}

TEST_CASE("a client offering only TLS 1.1 (or 1.0) is refused in the handshake", "[tls]") {
  const auto files = self_signed_files();
  running_server s(tls_settings(*files));
  for (const int version : {TLS1_1_VERSION, TLS1_VERSION}) {
    INFO("version " << version);
    tls_client c(s.port(), files->certificate, version);
    CHECK_FALSE(c.handshake());
  }
  // The refusals took nothing away: a current client is still served.
  CHECK(tls_exchange(s.port(), files->certificate, get("/healthz")).status == 200);
}

TEST_CASE("plain HTTP to the HTTPS port gets no HTTP answer, only the connection closed", "[tls]") {
  const auto files = self_signed_files();
  running_server s(tls_settings(*files));
  client c(s.port());
  REQUIRE(c.send(get("/healthz")));
  CHECK_THROWS_WITH(c.read_reply(), Catch::Contains("connection ended"));
  CHECK(c.closed_by_server());
}

TEST_CASE("a cookie set over HTTPS is Secure; over plain HTTP on loopback it is not", "[tls]") {
  const auto files = self_signed_files();
  {
    running_server s(tls_settings(*files), routes_with_a_cookie());
    const reply r = tls_exchange(s.port(), files->certificate, login);
    CHECK(r.header("set-cookie") == "siaran_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure");
  }
  running_server plain(test_settings(), routes_with_a_cookie());
  CHECK(exchange(plain.port(), login).header("set-cookie") == "siaran_session=abc; Path=/; HttpOnly; SameSite=Strict");
}

TEST_CASE("a client that connects and never starts the handshake is closed after the header timeout", "[tls]") {
  const auto files = self_signed_files();
  http::server_settings settings = tls_settings(*files);
  settings.header_timeout = 1s;
  running_server s(std::move(settings));
  client silent(s.port());
  const auto start = std::chrono::steady_clock::now();
  CHECK(silent.closed_by_server());
  CHECK(std::chrono::steady_clock::now() - start < client_wait);
}

TEST_CASE("TLS connections count against the per-address cap and the refusal is said over TLS", "[tls]") {
  const auto files = self_signed_files();
  http::server_settings settings = tls_settings(*files);
  settings.max_connections_per_address = 1;
  running_server s(std::move(settings));
  tls_client first(s.port(), files->certificate);
  REQUIRE(first.handshake());
  REQUIRE(first.send(get("/healthz")));
  REQUIRE(first.read_reply().status == 200);  // the first connection is surely counted now
  const reply refused = tls_exchange(s.port(), files->certificate, get("/healthz"));
  CHECK(refused.status == 429);
  // Another PC is not held back by this one.
  tls_client other(s.port(), files->certificate, 0, "127.0.0.2");
  REQUIRE(other.handshake());
  REQUIRE(other.send(get("/healthz")));
  CHECK(other.read_reply().status == 200);
}

TEST_CASE("an unusable certificate or key is refused at start, naming the file", "[tls]") {
  const auto files = self_signed_files();
  const auto others = self_signed_files();
  CHECK_THROWS_WITH(http::server_tls_context(files->certificate, others->private_key),
                    Catch::Contains("does not belong to the certificate") && Catch::Contains(others->private_key));
  const std::string missing = files->dir.path().string() + "/none.key";
  CHECK_THROWS_WITH(http::server_tls_context(files->certificate, missing),
                    Catch::Contains(missing) && Catch::Contains("No such file"));
  CHECK_THROWS_WITH(http::server_tls_context(files->private_key, files->private_key),
                    Catch::Contains("http.tls.certificate") && Catch::Contains(files->private_key));
}
