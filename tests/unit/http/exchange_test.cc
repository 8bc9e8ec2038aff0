// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/exchange.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace http = siaran::daemon::http;

TEST_CASE("json_response keeps status and body and is JSON") {
  const auto res = http::json_response(202, R"({"id": 17})");
  CHECK(res.status == 202);
  CHECK(res.body == R"({"id": 17})");
  CHECK(res.content_type == "application/json");
  CHECK(res.headers.empty());
}

TEST_CASE("error_response is {\"error\": message}, escaped") {
  const auto res = http::error_response(404, "no such \"resource\": /a\\b\n");
  CHECK(res.status == 404);
  CHECK(res.content_type == "application/json");
  const auto body = nlohmann::json::parse(res.body);
  CHECK(body == nlohmann::json{{"error", "no such \"resource\": /a\\b\n"}});
}

TEST_CASE("error_response survives a message with invalid UTF-8") {
  const auto res = http::error_response(400, "bad \xff byte");
  CHECK(nlohmann::json::parse(res.body).at("error").get<std::string>().rfind("bad ", 0) == 0);
}
