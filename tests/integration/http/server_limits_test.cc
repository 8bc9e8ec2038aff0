// SPDX-License-Identifier: GPL-3.0-or-later
// What one client on the office LAN cannot do to the others: make the server hold a stranger's
// body, take every connection, or keep every handler busy (server_harness.h).

#include "tests/integration/http/server_harness.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <fstream>
#include <memory>
#include <utility>
#include <vector>

using namespace siaran::test::http_harness;

namespace {

// The test process's resident memory, in KiB (/proc/self/status VmRSS).
long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  throw std::runtime_error("no VmRSS in /proc/self/status");
}

std::string batch_header(std::size_t length, const std::string& extra_headers = "") {
  return "POST /api/v1/messages/batch HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(length) + "\r\n" + extra_headers + "\r\n";
}

// Handlers on a pool of their own, as the daemon's run on its store threads; GET /api/v1/slow
// is held until release().
struct held_handlers {
  boost::asio::thread_pool pool{12};
  std::promise<void> gate;
  std::shared_future<void> released = gate.get_future().share();

  bool open = false;

  // A failed check must not leave the pool waiting for ever.
  ~held_handlers() {
    release();
    pool.join();
  }
  void release() {
    if (!std::exchange(open, true)) gate.set_value();
  }

  void offload_into(http::server_settings& settings) {
    settings.offload = [this](http::runs_on, std::function<void()> job) { boost::asio::post(pool, std::move(job)); };
  }
  http::router routes() const {
    http::router out = test_routes();
    out.add("GET", "/api/v1/slow", [released = released](const http::request&) {
      released.wait();
      return http::json_response(200, "{}");
    });
    return out;
  }
};

}  // namespace

TEST_CASE("a request without credentials is refused from its header, before its body is sent") {
  running_server s;
  client c(s.port());
  REQUIRE(c.send(batch_header(32 * 1024 * 1024)));
  const reply r = c.read_reply();  // would wait for 32 MiB that never come if the body were read first
  CHECK(r.status == 401);
  CHECK(c.closed_by_server());  // the unread body cannot be taken for the next request
}

TEST_CASE("a refused request without a body keeps its connection") {
  running_server s;
  client c(s.port());
  REQUIRE(c.send(get("/api/v1/messages/1")));
  CHECK(c.read_reply().status == 401);
  REQUIRE(c.send(get("/api/v1/messages/1", authorized())));
  CHECK(c.read_reply().status == 200);
}

TEST_CASE("a body that a client needs no credentials to send is never held: 16 of 32 MiB cost no memory") {
  running_server s;
  const long before = resident_kib();
  const std::string chunk(1024 * 1024, '[');
  std::vector<std::unique_ptr<client>> clients;
  for (int i = 0; i < 16; ++i) {
    clients.push_back(std::make_unique<client>(s.port()));
    REQUIRE(clients.back()->send(batch_header(32 * 1024 * 1024)));
  }
  // Each pushes on while the server drains and drops what it sends, until it is cut off.
  for (auto& c : clients) {
    CHECK(c->read_reply().status == 401);
    for (int mib = 0; mib < 32 && c->send(chunk); ++mib) {
    }
  }
  const long grown_kib = resident_kib() - before;
  INFO("resident memory grew by " << grown_kib << " KiB");
  CHECK(grown_kib < 16 * 1024);
}

TEST_CASE("an authorised body is read and handed to the handler") {
  running_server s;
  const std::string body(100 * 1024, 'x');
  const reply r = exchange(s.port(), batch_header(body.size(), authorized()) + body);
  REQUIRE(r.status == 200);
  CHECK(r.json().at("body").get<std::string>().size() == body.size());
}

TEST_CASE("a client that expects 100-continue without credentials is refused, not told to go on") {
  running_server s;
  client c(s.port());
  REQUIRE(c.send(batch_header(1024, "Expect: 100-continue\r\n")));
  CHECK(c.read_reply().status == 401);
}

TEST_CASE("300 slow connections from one address leave another address served at once") {
  running_server s;
  std::vector<std::unique_ptr<client>> slow;
  for (int i = 0; i < 300; ++i) {
    slow.push_back(std::make_unique<client>(s.port(), "127.0.0.1"));
    // A slow client: one header line, and the rest promised for later.
    REQUIRE(slow.back()->send("GET /api/v1/messages/1 HTTP/1.1\r\n"));
  }
  // The connections past the address's share are told so (the 101st is one; the last ones may
  // find even the places for telling taken, and are closed unanswered).
  const reply told = slow.at(100)->read_reply();
  CHECK(told.status == 429);
  CHECK(told.header("retry-after") == "1");
  const auto start = std::chrono::steady_clock::now();
  const reply r = exchange(s.port(), get("/api/v1/messages/7", authorized()), "127.0.0.2");
  const auto waited = std::chrono::steady_clock::now() - start;
  CHECK(r.status == 200);
  CHECK(waited < 1s);
}

TEST_CASE("one address may have only so many requests in progress; others are not held up") {
  held_handlers handlers;
  auto settings = test_settings();
  settings.max_requests_per_address = 3;
  handlers.offload_into(settings);
  running_server s(settings, handlers.routes());
  std::vector<std::unique_ptr<client>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(std::make_unique<client>(s.port()));
    REQUIRE(held.back()->send(get("/api/v1/slow", authorized())));
  }
  // A fourth from the same address is refused at once (its handlers are all held)...
  const reply refused = exchange(s.port(), get("/api/v1/messages/1", authorized()));
  CHECK(refused.status == 429);
  // ...while another address is served.
  CHECK(exchange(s.port(), get("/api/v1/messages/1", authorized()), "127.0.0.2").status == 200);
  handlers.release();
  for (auto& c : held) CHECK(c->read_reply().status == 200);
  CHECK(exchange(s.port(), get("/api/v1/messages/1", authorized())).status == 200);
}

TEST_CASE("X-Forwarded-For names the client only when a trusted proxy sent it") {
  const std::string forwarded = "X-Forwarded-For: 192.0.2.7\r\n" + authorized();
  SECTION("from a trusted proxy") {
    auto settings = test_settings();
    settings.trusted_proxies = {"127.0.0.1"};
    running_server s(settings);
    CHECK(exchange(s.port(), get("/api/v1/messages/1", forwarded)).json().at("remote_address") == "192.0.2.7");
  }
  SECTION("from anybody else") {
    running_server s;
    CHECK(exchange(s.port(), get("/api/v1/messages/1", forwarded)).json().at("remote_address") == "127.0.0.1");
  }
}

TEST_CASE("behind a trusted proxy, the per-address limits count each client, not the proxy") {
  held_handlers handlers;
  auto settings = test_settings();
  settings.max_requests_per_address = 1;
  settings.max_connections_per_address = 1;
  settings.trusted_proxies = {"127.0.0.1"};
  handlers.offload_into(settings);
  running_server s(settings, handlers.routes());
  client first(s.port());
  REQUIRE(first.send(get("/api/v1/slow", "X-Forwarded-For: 192.0.2.1\r\n" + authorized())));
  // A second connection from the proxy, for another PC: neither limit is the proxy's.
  CHECK(exchange(s.port(), get("/api/v1/messages/1", "X-Forwarded-For: 192.0.2.2\r\n" + authorized())).status == 200);
  CHECK(exchange(s.port(), get("/api/v1/messages/1", "X-Forwarded-For: 192.0.2.1\r\n" + authorized())).status ==
        429);
  handlers.release();
  CHECK(first.read_reply().status == 200);
}
