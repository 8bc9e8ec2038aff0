// SPDX-License-Identifier: GPL-3.0-or-later
// The rule that turns an answered request into an audit entry: who, what, and what is left out.

#include "daemon/audit/audit_trail.h"

#include <catch2/catch.hpp>

#include "daemon/http/bearer.h"

using namespace siaran::daemon;
namespace queue = siaran::queue;

namespace {

const queue::timestamp noon{std::chrono::hours(12)};

http::request request_to(std::string method, std::string route, std::string path) {
  http::request in;
  in.method = std::move(method);
  in.route = std::move(route);
  in.path = std::move(path);
  in.remote_address = "192.168.1.7";
  return in;
}

http::request by_siti(http::request in) {
  in.who.name = "siti";
  in.who.level = http::role::officer;
  in.who.user_id = 4;
  in.who.session = true;
  return in;
}

http::request login(const std::string& body) {
  http::request in = request_to("POST", "/api/v1/session", "/api/v1/session");
  in.content_type = "application/json";
  in.body = body;
  return in;
}

}  // namespace

TEST_CASE("a change keeps who made it, the route, the id in the path and the id made", "[audit]") {
  http::request in = by_siti(request_to("POST", "/api/v1/broadcasts/{id}/resend", "/api/v1/broadcasts/9/resend"));
  in.params["id"] = "9";
  in.body = R"({"text": "Rapat kader besok"})";
  const http::response made = http::json_response(201, R"({"id": 12, "text": "Rapat", "parts": 2})");
  const auto e = audit::audit_entry_of(in, made, noon);
  REQUIRE(e);
  CHECK(e->at == noon);
  CHECK(e->actor == "siti");
  CHECK(e->user_id == 4);
  CHECK(e->role == "officer");
  CHECK(e->address == "192.168.1.7");
  CHECK(e->route == "/api/v1/broadcasts/{id}/resend");
  CHECK(e->target == "9");
  CHECK(e->status == 201);
  CHECK(e->summary == "POST /api/v1/broadcasts/9/resend: id 12, parts 2");
}

TEST_CASE("a refused change keeps who tried it and no numbers of the answer", "[audit]") {
  const http::request in = by_siti(request_to("POST", "/api/v1/users", "/api/v1/users"));
  const auto e = audit::audit_entry_of(in, http::error_response(403, "this needs role admin"), noon);
  REQUIRE(e);
  CHECK(e->status == 403);
  CHECK(e->summary == "POST /api/v1/users");
}

TEST_CASE("a login keeps the user who logged in, never the password or the CSRF token", "[audit]") {
  const http::response ok = http::json_response(
      200, R"({"user": {"id": 4, "name": "Siti", "role": "officer", "officer_id": 2}, "csrf": "c5rf-t0ken"})");
  const auto e = audit::audit_entry_of(login(R"({"name": "SITI", "password": "rahasia-123"})"), ok, noon);
  REQUIRE(e);
  CHECK(e->actor == "Siti");
  CHECK(e->user_id == 4);
  CHECK(e->role == "officer");
  CHECK(e->summary == "login");
}

TEST_CASE("a refused login keeps the name tried and nobody's id", "[audit]") {
  const auto e = audit::audit_entry_of(login(R"({"name": "siti", "password": "tebakan"})"),
                                       http::error_response(401, "wrong name or password"), noon);
  REQUIRE(e);
  CHECK(e->actor == "siti");
  CHECK_FALSE(e->user_id);
  CHECK(e->role.empty());
  CHECK(e->summary == "login refused");
}

TEST_CASE("a login body too large to be a login is not parsed on the I/O thread", "[audit]") {
  const std::string padded = R"({"name": "siti", "password": ")" + std::string(8000, 'x') + "\"}";
  const auto e = audit::audit_entry_of(login(padded), http::error_response(401, "wrong name or password"), noon);
  REQUIRE(e);
  CHECK(e->actor.empty());
}

TEST_CASE("answers to nobody known, and logins refused before their password was checked, are not kept", "[audit]") {
  const http::request stranger = request_to("POST", "/api/v1/messages", "/api/v1/messages");
  CHECK_FALSE(audit::audit_entry_of(stranger, http::unauthorized(), noon));
  CHECK_FALSE(audit::audit_entry_of(stranger, http::error_response(413, "too large"), noon));
  const http::request guess = login(R"({"name": "siti", "password": "tebakan"})");
  CHECK_FALSE(audit::audit_entry_of(guess, http::error_response(429, "too many failed logins"), noon));
  CHECK_FALSE(audit::audit_entry_of(guess, http::error_response(400, "the body is not valid JSON"), noon));
}
