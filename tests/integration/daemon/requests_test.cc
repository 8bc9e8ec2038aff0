// SPDX-License-Identifier: GPL-3.0-or-later
// What siarand's API refuses, and what it stores once only. These daemons have no modems, so
// whatever a request stored stays queued where the test can count it.

#include <catch2/catch.hpp>

#include "tests/integration/daemon/daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

daemon_settings without_modems() {
  daemon_settings settings;
  settings.sims.clear();
  return settings;
}

// The reply's "error", which every refusal must carry.
std::string error_of(const siaran::tools::api_reply& reply) {
  INFO("body: " << reply.body);
  const json body = json::parse(reply.body);
  REQUIRE(body.contains("error"));
  REQUIRE(body.at("error").is_string());
  return body.at("error");
}

}  // namespace

TEST_CASE("a body that is not JSON is refused with 400 and an error", "[daemon][api]") {
  daemon_fixture d(without_modems());
  const auto reply = d.api().post("/api/v1/messages", R"({"to": "081234567890", "text": )");
  CHECK(reply.status == 400);
  CHECK(error_of(reply).find("JSON") != std::string::npos);
  CHECK(d.get("/api/v1/queue").at("queued") == 0);
}

TEST_CASE("a message with an unknown field is refused with 400 naming the field", "[daemon][api]") {
  daemon_fixture d(without_modems());
  const json body{{"to", "081234567890"}, {"text", "Rapat"}, {"prioritas", 5}};
  const auto reply = d.api().post("/api/v1/messages", body.dump());
  CHECK(reply.status == 400);
  CHECK(error_of(reply).find("prioritas") != std::string::npos);
  CHECK(d.get("/api/v1/queue").at("queued") == 0);
}

TEST_CASE("a message to a number that is not a phone number is refused with 400 naming to", "[daemon][api]") {
  daemon_fixture d(without_modems());
  const json body{{"to", "08-bukan-nomor"}, {"text", "Rapat"}};
  const auto reply = d.api().post("/api/v1/messages", body.dump());
  CHECK(reply.status == 400);
  CHECK(error_of(reply).starts_with("to"));
  CHECK(d.get("/api/v1/queue").at("queued") == 0);
}

TEST_CASE("a batch with one bad message is refused whole, naming its index, and stores nothing",
          "[daemon][api][batch]") {
  daemon_fixture d(without_modems());
  const json batch{{"messages",
                    {{{"to", "081234567890"}, {"text", "Rapat satu"}},
                     {{"to", "081234567891"}, {"text", "Rapat dua"}},
                     {{"to", "081234567892"}, {"text", "Rapat tiga"}, {"priority", "tinggi"}},
                     {{"to", "081234567893"}, {"text", "Rapat empat"}}}}};
  const auto reply = d.api().post("/api/v1/messages/batch", batch.dump());
  CHECK(reply.status == 400);
  CHECK(error_of(reply).find("messages[2].priority") != std::string::npos);
  CHECK(json::parse(reply.body).value("index", -1) == 2);

  CHECK(d.get("/api/v1/queue").at("queued") == 0);
  d.get("/api/v1/messages/1", 404);  // not even the good messages before the bad one
}

TEST_CASE("a request without a token, or with a wrong one, is refused with 401", "[daemon][api][auth]") {
  daemon_fixture d(without_modems());
  const json body{{"to", "081234567890"}, {"text", "Rapat"}};
  for (const std::string token : {"", "siaran_not_the_token"}) {
    INFO("token '" << token << "'");
    siaran::tools::api_client stranger({"127.0.0.1", d.port(), token, 30s});
    const auto posted = stranger.post("/api/v1/messages", body.dump());
    CHECK(posted.status == 401);
    CHECK_FALSE(error_of(posted).empty());
    CHECK(stranger.get("/api/v1/queue").status == 401);
  }
  CHECK(d.get("/api/v1/queue").at("queued") == 0);
}

TEST_CASE("the same client_ref twice stores one message and answers the second with its id",
          "[daemon][api][idempotency]") {
  daemon_fixture d(without_modems());
  const json body{{"to", "081234567890"}, {"text", "Rapat kader"}, {"client_ref", "rapat-2026-11-26-siti"}};
  const json first = d.post("/api/v1/messages", body);
  const json second = d.post("/api/v1/messages", body);
  CHECK(first.at("duplicate") == false);
  CHECK(second.at("duplicate") == true);
  CHECK(second.at("id") == first.at("id"));
  CHECK(d.get("/api/v1/queue").at("queued") == 1);
  CHECK(d.message(first.at("id")).at("client_ref") == "rapat-2026-11-26-siti");
}

TEST_CASE("a number too large to read or outside its range is refused with 400 naming the field, and nothing is made",
          "[daemon][api][fields]") {
  daemon_fixture d(without_modems());
  const std::string message = R"({"to": "081234567890", "text": "Rapat", "priority": )";
  const std::string recurring =
      R"({"audience": {"contacts": [1]}, "template": "Posyandu buka", "cron": "0 7 * * 1", "priority": )";
  for (const std::string number : {"1e400", "99999999999", "-101"}) {
    INFO("priority " << number);
    const auto to_messages = d.api().post("/api/v1/messages", message + number + "}");
    CHECK(to_messages.status == 400);
    CHECK(error_of(to_messages).starts_with("priority: "));
    CHECK(error_of(to_messages).find(number) != std::string::npos);
    const auto to_recurring = d.api().post("/api/v1/recurring", recurring + number + "}");
    CHECK(to_recurring.status == 400);
    CHECK(error_of(to_recurring).starts_with("priority: "));
  }
  CHECK(error_of(d.api().post("/api/v1/recurring", recurring + "99999999999}")) ==
        "priority: 99999999999 is not a whole number from -100 to 100");
  CHECK(d.get("/api/v1/queue").at("queued") == 0);
  CHECK(d.get("/api/v1/recurring").empty());
}

TEST_CASE("a field of the wrong type is refused with 400 naming the field, and nothing is made",
          "[daemon][api][fields]") {
  daemon_fixture d(without_modems());
  const auto to_messages = d.api().post("/api/v1/messages", json{{"to", 81234567890}, {"text", "Rapat"}}.dump());
  CHECK(to_messages.status == 400);
  CHECK(error_of(to_messages) == "to: must be a string");
  const auto to_recurring = d.api().post(
      "/api/v1/recurring",
      json{{"audience", {{"contacts", {1}}}}, {"template", "x"}, {"cron", "0 7 * * 1"}, {"officer_id", "satu"}}.dump());
  CHECK(to_recurring.status == 400);
  CHECK(error_of(to_recurring).starts_with("officer_id: \"satu\" is not a whole number"));
  const auto to_birthdays = d.api().put("/api/v1/birthdays", json{{"enabled", true}, {"officer_id", 0}}.dump());
  CHECK(to_birthdays.status == 400);
  CHECK(error_of(to_birthdays) == "officer_id: 0 is not a whole number from 1 to 9007199254740991");
  CHECK(error_of(d.api().put("/api/v1/birthdays", json{{"enabled", "ya"}}.dump())) == "enabled: must be true or false");
  CHECK(d.get("/api/v1/birthdays").at("enabled") == false);
  CHECK(d.get("/api/v1/queue").at("queued") == 0);
  CHECK(d.get("/api/v1/recurring").empty());
}

TEST_CASE("a login whose name is a number too large to read is refused with 400 naming the field",
          "[daemon][api][fields][auth]") {
  daemon_fixture d(without_modems());
  siaran::tools::api_client stranger({"127.0.0.1", d.port(), "", 30s});
  const auto reply = stranger.post("/api/v1/session", R"({"name": 1e400, "password": "rahasia"})");
  CHECK(reply.status == 400);
  CHECK(error_of(reply).starts_with("name: "));
}
