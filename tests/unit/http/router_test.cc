// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/router.h"

#include <catch2/catch.hpp>

namespace http = siaran::daemon::http;

namespace {

http::handler answering(int status) {
  return [status](const http::request&) { return http::json_response(status, "{}"); };
}

int status_of(const http::router::match& m) { return (*m.h)(http::request{}).status; }

// POST 202 and GET 200 on /api/v1/messages, as the API has them.
http::router messages_router() {
  http::router r;
  r.add("POST", "/api/v1/messages", answering(202));
  r.add("GET", "/api/v1/messages", answering(200));
  return r;
}

}  // namespace

TEST_CASE("a literal route matches its own method and path only") {
  http::router r;
  r.add("GET", "/healthz", answering(200));
  const auto hit = r.find("GET", "/healthz");
  REQUIRE(hit.h != nullptr);
  CHECK(status_of(hit) == 200);
  CHECK(r.find("GET", "/healthz/x").h == nullptr);
  CHECK(r.find("GET", "/health").h == nullptr);
  CHECK(r.find("GET", "/").h == nullptr);
}

TEST_CASE("a {name} segment lands in params") {
  http::router r;
  r.add("GET", "/api/v1/messages/{id}", answering(200));
  const auto hit = r.find("GET", "/api/v1/messages/17");
  REQUIRE(hit.h != nullptr);
  CHECK(hit.params == std::map<std::string, std::string>{{"id", "17"}});
}

TEST_CASE("a match names the pattern of its route, not the path it matched") {
  http::router r;
  r.add("PUT", "/api/v1/contacts/{id}", answering(200));
  CHECK(r.find("PUT", "/api/v1/contacts/17").pattern == "/api/v1/contacts/{id}");
  CHECK(r.find("GET", "/api/v1/contacts/17").pattern.empty());
}

TEST_CASE("a {name} segment never matches an empty segment") {
  http::router r;
  r.add("GET", "/api/v1/messages/{id}", answering(200));
  const auto miss = r.find("GET", "/api/v1/messages/");
  CHECK(miss.h == nullptr);
  CHECK_FALSE(miss.path_known);
}

TEST_CASE("several {name} segments are all captured") {
  http::router r;
  r.add("GET", "/api/v1/modems/{modem}/parts/{part}", answering(200));
  const auto hit = r.find("GET", "/api/v1/modems/m1/parts/9");
  REQUIRE(hit.h != nullptr);
  CHECK(hit.params.at("modem") == "m1");
  CHECK(hit.params.at("part") == "9");
}

TEST_CASE("a trailing slash is a different path") {
  http::router r;
  r.add("GET", "/api/v1/modems", answering(200));
  CHECK(r.find("GET", "/api/v1/modems/").h == nullptr);
}

TEST_CASE("a path known for another method reports path_known and the allowed methods") {
  const auto miss = messages_router().find("DELETE", "/api/v1/messages");
  CHECK(miss.h == nullptr);
  CHECK(miss.path_known);
  CHECK(miss.allowed == std::vector<std::string>{"POST", "GET"});
}

TEST_CASE("an unknown path is not path_known") {
  const auto miss = messages_router().find("GET", "/api/v2/messages");
  CHECK(miss.h == nullptr);
  CHECK_FALSE(miss.path_known);
  CHECK(miss.allowed.empty());
}

TEST_CASE("the same path routes to a handler per method") {
  const http::router r = messages_router();
  CHECK(status_of(r.find("POST", "/api/v1/messages")) == 202);
  CHECK(status_of(r.find("GET", "/api/v1/messages")) == 200);
}

TEST_CASE("methods are matched case-sensitively, as HTTP defines them") {
  http::router r;
  r.add("GET", "/healthz", answering(200));
  CHECK(r.find("get", "/healthz").h == nullptr);
}

TEST_CASE("the route added first wins, so a literal added before a {name} takes precedence") {
  http::router r;
  r.add("GET", "/api/v1/messages/latest", answering(201));
  r.add("GET", "/api/v1/messages/{id}", answering(200));
  const auto latest = r.find("GET", "/api/v1/messages/latest");
  CHECK(status_of(latest) == 201);
  CHECK(latest.params.empty());
  CHECK(status_of(r.find("GET", "/api/v1/messages/5")) == 200);
}

TEST_CASE("route options come back with the match") {
  http::router r;
  http::route_options open;
  open.auth = false;
  open.max_body = 12;
  r.add("GET", "/healthz", answering(200), open);
  r.add("GET", "/api/v1/modems", answering(200));
  const auto health = r.find("GET", "/healthz");
  CHECK_FALSE(health.options.auth);
  CHECK(health.options.max_body == 12);
  CHECK(r.find("GET", "/api/v1/modems").options.auth);
}

TEST_CASE("the root path is routable") {
  http::router r;
  r.add("GET", "/", answering(200));
  CHECK(r.find("GET", "/").h != nullptr);
  CHECK(r.find("GET", "/x").h == nullptr);
}
