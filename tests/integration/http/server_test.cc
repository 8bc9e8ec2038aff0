// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP server on a real socket, spoken to by a plain POSIX client, so what is tested is
// what curl and the siaran CLI see on the wire. Every wait is bounded by SO_RCVTIMEO.

#include "daemon/http/server.h"

#include "modem/asio.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>

#include "common/ascii.h"
#include "daemon/http/api_token.h"
#include "daemon/http/bearer.h"
#include "daemon/http/static_files.h"
#include "tests/support/temp_dir.h"

namespace common = siaran::common;
namespace http = siaran::daemon::http;
using namespace std::chrono_literals;

namespace {

constexpr std::chrono::seconds client_wait{10};
constexpr const char* good_token = "siaran_test_token";

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

// A blocking TCP client whose every receive gives up after client_wait.
class client {
 public:
  explicit client(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    if (fd_ < 0) throw std::runtime_error("socket() failed");
    timeval timeout{};
    timeout.tv_sec = client_wait.count();
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
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
    std::size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!receive_more()) throw std::runtime_error("connection ended before a whole response header");
    }
    reply r = parse_header(buffer_.substr(0, header_end));
    buffer_.erase(0, header_end + 4);
    const std::size_t length = std::stoul(r.header("content-length").empty() ? "0" : r.header("content-length"));
    while (buffer_.size() < length) {
      if (!receive_more()) throw std::runtime_error("connection ended before the whole response body");
    }
    r.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return r;
  }

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

  static reply parse_header(const std::string& text) {
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

  int fd_;
  std::string buffer_;
};

std::string echo_body(const http::request& req) {
  nlohmann::json out;
  out["method"] = req.method;
  out["path"] = req.path;
  out["params"] = req.params;
  out["query"] = req.query;
  out["content_type"] = req.content_type;
  out["body"] = req.body;
  out["token_name"] = req.who.name;
  return out.dump();
}

http::router test_routes() {
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
  routes.add("GET", "/api/v1/boom", [](const http::request&) -> http::response {
    throw std::runtime_error("the store is on fire");
  });
  return routes;
}

// Bearer tokens only, as an admin named after the token (the daemon's own authenticator, which
// also knows sessions, is tested in tests/unit/accounts).
http::authenticator bearer_tokens(std::vector<http::token_digest> tokens) {
  return [tokens = std::move(tokens)](const http::request& req) -> std::variant<http::principal, http::response> {
    auto name = http::bearer_token_name(req.header("authorization"), tokens);
    if (!name) return http::unauthorized();
    http::principal who;
    who.name = std::move(*name);
    who.level = http::role::admin;
    return who;
  };
}

http::server_settings test_settings() {
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

std::string get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extra_headers + "\r\n";
}

std::string authorized(const std::string& token = good_token) { return "Authorization: Bearer " + token + "\r\n"; }

reply exchange(std::uint16_t port, const std::string& request) {
  client c(port);
  REQUIRE(c.send(request));
  return c.read_reply();
}

}  // namespace

TEST_CASE("a route with a {name} segment answers 200 with the param and the token's name") {
  running_server s;
  const reply r = exchange(s.port(), get("/api/v1/messages/17", authorized()));
  REQUIRE(r.status == 200);
  CHECK(r.json().at("params") == nlohmann::json{{"id", "17"}});
  CHECK(r.json().at("token_name") == "sekretariat");
}

TEST_CASE("every response carries the content type, no-store, nosniff and the server's name") {
  running_server s;
  for (const std::string& request : {get("/healthz"), get("/nowhere")}) {
    const reply r = exchange(s.port(), request);
    CHECK(r.header("content-type") == "application/json");
    CHECK(r.header("cache-control") == "no-store");
    CHECK(r.header("x-content-type-options") == "nosniff");
    CHECK(r.header("server") == "siarand");
  }
}

TEST_CASE("the handler sees the decoded path and query, the media type and the body") {
  running_server s;
  const std::string body = R"({"to":"0812","text":"rapat"})";
  const reply r = exchange(s.port(), "POST /api/v1/%6Dessages?ref=a%20b&x=1+2 HTTP/1.1\r\nHost: h\r\n" + authorized() +
                                         "Content-Type: Application/JSON; charset=utf-8\r\nContent-Length: " +
                                         std::to_string(body.size()) + "\r\n\r\n" + body);
  INFO(r.body);
  REQUIRE(r.status == 200);
  const auto seen = r.json();
  CHECK(seen.at("method") == "POST");
  CHECK(seen.at("path") == "/api/v1/messages");
  CHECK(seen.at("query") == nlohmann::json{{"ref", "a b"}, {"x", "1 2"}});
  CHECK(seen.at("content_type") == "application/json");
  CHECK(seen.at("body") == body);
}

TEST_CASE("a route that needs a token answers 401 with WWW-Authenticate when it is missing") {
  running_server s;
  const reply r = exchange(s.port(), get("/api/v1/messages/1"));
  CHECK(r.status == 401);
  CHECK(r.header("www-authenticate") == "Bearer");
  CHECK(r.json().at("error").get<std::string>().find("siaran token new") != std::string::npos);
}

TEST_CASE("an unknown token, or another scheme, is refused with 401") {
  running_server s;
  CHECK(exchange(s.port(), get("/api/v1/messages/1", authorized("siaran_wrong"))).status == 401);
  CHECK(exchange(s.port(), get("/api/v1/messages/1", "Authorization: Basic c2lhcmFu\r\n")).status == 401);
  CHECK(exchange(s.port(), get("/api/v1/messages/1", "Authorization: Bearer \r\n")).status == 401);
}

TEST_CASE("any configured token is accepted, and names itself") {
  running_server s;
  const reply r = exchange(s.port(), get("/api/v1/messages/1", "Authorization: bearer siaran_other_token\r\n"));
  REQUIRE(r.status == 200);
  CHECK(r.json().at("token_name") == "other");
}

TEST_CASE("a route without auth answers without a token") {
  running_server s;
  const reply r = exchange(s.port(), get("/healthz"));
  CHECK(r.status == 200);
  CHECK(r.json().at("ok") == true);
}

TEST_CASE("an unknown path answers 404 with a JSON error") {
  running_server s;
  const reply r = exchange(s.port(), get("/api/v1/nothing", authorized()));
  CHECK(r.status == 404);
  CHECK(r.json().at("error").get<std::string>().find("/api/v1/nothing") != std::string::npos);
}

TEST_CASE("a known path with another method answers 405 and lists the allowed methods") {
  running_server s;
  const reply r = exchange(s.port(), "DELETE /api/v1/messages HTTP/1.1\r\nHost: h\r\n" + authorized() + "\r\n");
  CHECK(r.status == 405);
  CHECK(r.header("allow") == "POST, GET");
  CHECK(r.json().contains("error"));
}

TEST_CASE("a body announced larger than the route's max_body is refused with 413 before it is sent") {
  running_server s;
  client c(s.port());
  // Only the header is sent: the answer must come from Content-Length alone.
  REQUIRE(c.send("POST /api/v1/messages HTTP/1.1\r\nHost: h\r\n" + authorized() +
                 "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n"));
  const reply r = c.read_reply();
  CHECK(r.status == 413);
  CHECK(r.json().at("error").get<std::string>().find("1024 bytes") != std::string::npos);
  CHECK(c.closed_by_server());
}

TEST_CASE("a client that expects 100-continue is told to go on, then answered") {
  running_server s;
  client c(s.port());
  const std::string body = R"({"text":"rapat"})";
  REQUIRE(c.send("POST /api/v1/messages HTTP/1.1\r\nHost: h\r\n" + authorized() + "Expect: 100-continue\r\n" +
                 "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n"));
  CHECK(c.read_reply().status == 100);
  REQUIRE(c.send(body));
  const reply r = c.read_reply();
  REQUIRE(r.status == 200);
  CHECK(r.json().at("body") == body);
}

TEST_CASE("a chunked body that grows past max_body is refused with 413") {
  running_server s;
  const std::string chunk(2000, 'x');
  const reply r = exchange(s.port(), "POST /api/v1/messages HTTP/1.1\r\nHost: h\r\n" + authorized() +
                                         "Transfer-Encoding: chunked\r\n\r\n7d0\r\n" + chunk + "\r\n0\r\n\r\n");
  CHECK(r.status == 413);
}

TEST_CASE("a header larger than max_header_bytes is refused with 431") {
  running_server s;
  const reply r = exchange(s.port(), get("/healthz", "X-Padding: " + std::string(20000, 'a') + "\r\n"));
  CHECK(r.status == 431);
  CHECK(r.json().at("error").get<std::string>().find("4096 bytes") != std::string::npos);
}

TEST_CASE("garbage bytes get 400 and the connection is closed") {
  running_server s;
  client c(s.port());
  REQUIRE(c.send("\x01\x02\x03 not http at all\r\n\r\n"));
  const reply r = c.read_reply();
  CHECK(r.status == 400);
  CHECK(r.json().contains("error"));
  CHECK(c.closed_by_server());
}

TEST_CASE("a path that climbs out with '..', plain or percent-encoded, gets 400") {
  running_server s;
  CHECK(exchange(s.port(), get("/api/../etc/passwd", authorized())).status == 400);
  CHECK(exchange(s.port(), get("/api/%2e%2e/etc/passwd", authorized())).status == 400);
  CHECK(exchange(s.port(), get("/api/v1/messages/a%00b", authorized())).status == 400);
}

TEST_CASE("a client that sends half a request is disconnected after request_timeout") {
  auto settings = test_settings();
  settings.request_timeout = 1s;
  running_server s(settings);
  client c(s.port());
  REQUIRE(c.send("GET /healthz HTTP/1.1\r\nHost: h\r\n"));
  const auto start = std::chrono::steady_clock::now();
  CHECK(c.closed_by_server());
  const auto waited = std::chrono::steady_clock::now() - start;
  CHECK(waited > 500ms);  // closed by the timeout, not at once
  CHECK(waited < client_wait);
}

TEST_CASE("a kept-alive connection left idle is closed after idle_timeout") {
  auto settings = test_settings();
  settings.idle_timeout = 1s;
  running_server s(settings);
  client c(s.port());
  REQUIRE(c.send(get("/healthz")));
  CHECK(c.read_reply().status == 200);
  CHECK(c.closed_by_server());
}

TEST_CASE("two requests on one kept-alive connection both get answers") {
  running_server s;
  client c(s.port());
  REQUIRE(c.send(get("/healthz")));
  const reply first = c.read_reply();
  CHECK(first.status == 200);
  CHECK(common::lowercase(first.header("connection")) != "close");
  REQUIRE(c.send(get("/api/v1/messages/2", authorized())));
  const reply second = c.read_reply();
  REQUIRE(second.status == 200);
  CHECK(second.json().at("params").at("id") == "2");
}

TEST_CASE("pipelined requests are answered in order") {
  running_server s;
  client c(s.port());
  REQUIRE(c.send(get("/api/v1/messages/1", authorized()) + get("/api/v1/messages/2", authorized())));
  CHECK(c.read_reply().json().at("params").at("id") == "1");
  CHECK(c.read_reply().json().at("params").at("id") == "2");
}

TEST_CASE("an HTTP/1.0 request is answered in 1.0 and the connection closed") {
  running_server s;
  client c(s.port());
  REQUIRE(c.send("GET /healthz HTTP/1.0\r\n\r\n"));
  const reply r = c.read_reply();
  CHECK(r.status_line.rfind("HTTP/1.0 200", 0) == 0);
  CHECK(c.closed_by_server());
}

TEST_CASE("an HTTP/1.0 request asking for keep-alive keeps the connection") {
  running_server s;
  client c(s.port());
  REQUIRE(c.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
  CHECK(c.read_reply().status == 200);
  REQUIRE(c.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
  CHECK(c.read_reply().status == 200);
}

TEST_CASE("beyond max_connections a connection is answered 503 and closed") {
  auto settings = test_settings();
  settings.max_connections = 1;
  running_server s(settings);
  client first(s.port());
  // An answered request proves the server holds the first connection before the second comes.
  REQUIRE(first.send(get("/healthz")));
  REQUIRE(first.read_reply().status == 200);
  client second(s.port());
  const reply r = second.read_reply();
  CHECK(r.status == 503);
  CHECK(r.json().contains("error"));
  CHECK(second.closed_by_server());
  // The first connection is still served.
  REQUIRE(first.send(get("/healthz")));
  CHECK(first.read_reply().status == 200);
}

TEST_CASE("a handler that throws gives 500 and the server keeps serving") {
  running_server s;
  client c(s.port());
  REQUIRE(c.send(get("/api/v1/boom", authorized())));
  const reply r = c.read_reply();
  CHECK(r.status == 500);
  CHECK(r.json().contains("error"));
  CHECK(r.body.find("on fire") == std::string::npos);  // internals stay in the log
  REQUIRE(c.send(get("/healthz")));
  CHECK(c.read_reply().status == 200);
  CHECK(exchange(s.port(), get("/healthz")).status == 200);
}

TEST_CASE("stop closes open connections and lets the io_context run out") {
  running_server s;
  client idle(s.port());
  REQUIRE(idle.send(get("/healthz")));
  REQUIRE(idle.read_reply().status == 200);
  CHECK(s.stop());
  CHECK(idle.closed_by_server());
}

TEST_CASE("start on a port already in use throws, naming the address") {
  running_server s;
  siaran::asio::io_context io;
  auto settings = test_settings();
  settings.port = s.port();
  http::server second(io, settings, test_routes());
  try {
    second.start();
    FAIL("start() did not throw");
  } catch (const std::runtime_error& e) {
    CHECK_THAT(e.what(), Catch::Matchers::StartsWith("cannot listen on 127.0.0.1:" + std::to_string(s.port()) + ": "));
  }
}

TEST_CASE("a client that sends the header and half the body is disconnected after request_timeout") {
  auto settings = test_settings();
  settings.request_timeout = 1s;
  running_server s(settings);
  client c(s.port());
  REQUIRE(c.send("POST /api/v1/messages HTTP/1.1\r\nHost: h\r\n" + authorized() +
                 "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"to\": \"08"));
  const auto start = std::chrono::steady_clock::now();
  CHECK(c.closed_by_server());
  const auto waited = std::chrono::steady_clock::now() - start;
  CHECK(waited > 500ms);
  CHECK(waited < client_wait);
}

TEST_CASE("a request line longer than max_header_bytes is refused with 431") {
  running_server s;
  CHECK(exchange(s.port(), get("/api/v1/messages/" + std::string(8000, '7'), authorized())).status == 431);
}

TEST_CASE("many small header fields adding up past max_header_bytes are refused with 431") {
  running_server s;
  std::string fields;
  for (int i = 0; i < 200; ++i) fields += "X-Field-" + std::to_string(i) + ": abcdefghijklmnop\r\n";
  CHECK(exchange(s.port(), get("/healthz", fields)).status == 431);
}

namespace {

// The web UI's fallback over a temporary tree: web/ served at "/", a secret beside it.
struct static_site {
  siaran::test::temp_dir dir;
  static_site() {
    std::filesystem::create_directories(dir.path() / "web" / "js");
    dir.write("web/index.html", "<!doctype html><title>Siaran</title>");
    dir.write("web/js/app.js", "export const ok = true;");
    dir.write("web/.hidden", "HIDDEN-CONTENT");
    dir.write("secret", "not for the web");
  }
  http::router routes() const {
    http::router r = test_routes();
    r.set_fallback([roots = std::vector<http::static_root>{{"/", dir.path() / "web"}}](const http::request& req) {
      return http::serve_static(roots, req);
    });
    return r;
  }
};

}  // namespace

TEST_CASE("the web UI's files are served, and /api/ paths never fall back to them") {
  static_site site;
  running_server s(test_settings(), site.routes());
  const reply index = exchange(s.port(), get("/"));
  CHECK(index.status == 200);
  CHECK(index.header("content-type") == "text/html; charset=utf-8");
  CHECK(index.body == "<!doctype html><title>Siaran</title>");
  CHECK(exchange(s.port(), get("/js/app.js")).header("content-type") == "text/javascript; charset=utf-8");
  const reply api = exchange(s.port(), get("/api/index.html"));
  CHECK(api.status == 404);
  CHECK(api.header("content-type") == "application/json");
}

TEST_CASE("every attempt to leave the web directory, raw on the wire, is refused") {
  static_site site;
  running_server s(test_settings(), site.routes());
  for (const char* target : {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/js/%2e%2e/%2e%2e/secret", "/js/../../secret",
                             "/%2E%2E/secret", "/js%2f..%2f..%2fsecret", "/.hidden", "/%2ehidden", "/vendor/x/../../",
                             "//etc/passwd", "//secret", "/..%5c..%5csecret", "/js/..%5c..%5csecret", "/js/", "/js",
                             "/secret%00.html", "/./secret"}) {
    INFO(target);
    const reply r = exchange(s.port(), get(target));
    CHECK((r.status == 400 || r.status == 404));
    CHECK(r.header("content-type") == "application/json");
    CHECK(r.body.find("not for the web") == std::string::npos);
    CHECK(r.body.find("HIDDEN-CONTENT") == std::string::npos);
  }
}

TEST_CASE("JSON and static answers alike carry a strict CSP, nosniff and no framing") {
  static_site site;
  running_server s(test_settings(), site.routes());
  for (const std::string& request : {get("/healthz"), get("/api/v1/messages/1", authorized()), get("/"),
                                     get("/js/app.js"), get("/nothing")}) {
    INFO(request);
    const reply r = exchange(s.port(), request);
    const std::string csp = r.header("content-security-policy");
    CHECK(csp.find("default-src 'self'") != std::string::npos);
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(csp.find("unsafe-eval") == std::string::npos);
    CHECK(r.header("x-content-type-options") == "nosniff");
    CHECK(r.header("x-frame-options") == "DENY");
    CHECK(r.header("referrer-policy") == "no-referrer");
  }
}
