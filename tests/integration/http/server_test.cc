// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP server's protocol: routing, headers, bodies, timeouts, keep-alive, static files
// (server_harness.h has the client and the running server).

#include "tests/integration/http/server_harness.h"

#include "daemon/http/static_files.h"
#include "tests/support/temp_dir.h"

#include <mutex>
#include <vector>

using namespace siaran::test::http_harness;

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

TEST_CASE("a client that sends half a header is disconnected after header_timeout") {
  auto settings = test_settings();
  settings.header_timeout = 1s;
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

TEST_CASE("on_answered hears every routed answer but a GET's, with its route, params and sender") {
  struct heard {
    std::string method, route, id, who;
    int status;
  };
  std::mutex lock;
  std::vector<heard> told;
  http::server_settings settings = test_settings();
  // Told before the answer is written: once a reply is read, its call has happened.
  settings.on_answered = [&](const http::request& in, const http::response& res) {
    const auto id = in.params.find("id");
    const std::lock_guard held(lock);
    told.push_back({in.method, in.route, id == in.params.end() ? "" : id->second, in.who.name, res.status});
  };
  http::router routes = test_routes();
  routes.add("DELETE", "/api/v1/messages/{id}", [](const http::request&) { return http::json_response(204, ""); });
  running_server s(std::move(settings), std::move(routes));
  const std::string post = "POST /api/v1/messages HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n";
  CHECK(exchange(s.port(), get("/api/v1/messages/17", authorized())).status == 200);
  CHECK(exchange(s.port(), post + authorized() + "\r\n{}").status == 200);
  CHECK(exchange(s.port(), post + "\r\n{}").status == 401);
  CHECK(exchange(s.port(), "DELETE /api/v1/messages/9 HTTP/1.1\r\nHost: h\r\n" + authorized() + "\r\n").status == 204);
  CHECK(exchange(s.port(), "POST /api/v1/nowhere HTTP/1.1\r\nHost: h\r\n" + authorized() + "\r\n").status == 404);
  const std::lock_guard held(lock);
  REQUIRE(told.size() == 3);
  CHECK((told[0].method == "POST" && told[0].route == "/api/v1/messages" && told[0].who == "sekretariat"));
  CHECK(told[0].status == 200);
  CHECK((told[1].route == "/api/v1/messages" && told[1].who.empty() && told[1].status == 401));
  CHECK((told[2].route == "/api/v1/messages/{id}" && told[2].id == "9" && told[2].status == 204));
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
