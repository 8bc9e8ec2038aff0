// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a request's fields: every wrong type or out-of-range number is a bad_request naming
// the field and what it must be, never an exception of the JSON library.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "daemon/api/json_fields.h"
#include "daemon/api/message_request.h"
#include "daemon/api/request_helpers.h"

using namespace siaran::daemon::api;
using nlohmann::json;

namespace {

template <class Read>
std::string refusal(Read read) {
  try {
    read();
  } catch (const bad_request& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("a whole number is read within its range", "[api][fields]") {
  const json body{{"priority", -100}, {"samples", 20}, {"officer_id", 9'007'199'254'740'991LL}};
  CHECK(field_integer(body, "priority", priority_range) == -100);
  CHECK(field_integer(body, "samples", {0, 20}) == 20);
  CHECK(field_integer(body, "officer_id", id_range) == 9'007'199'254'740'991LL);
  CHECK_FALSE(field_integer(body, "absent", priority_range));
  CHECK_FALSE(field_integer(json{{"priority", nullptr}}, "priority", priority_range));
}

TEST_CASE("a number outside its range is refused naming the field and the range", "[api][fields]") {
  CHECK(refusal([] { field_integer(json{{"priority", 99999999999}}, "priority", priority_range); }) ==
        "priority: 99999999999 is not a whole number from -100 to 100");
  CHECK(refusal([] { field_integer(json{{"priority", -101}}, "priority", priority_range); }) ==
        "priority: -101 is not a whole number from -100 to 100");
  CHECK(refusal([] { field_integer(json{{"officer_id", 0}}, "officer_id", id_range); }) ==
        "officer_id: 0 is not a whole number from 1 to 9007199254740991");
  // Beyond 64 bits signed: nlohmann holds it unsigned, and it must not wrap to a negative id.
  CHECK(refusal([] { field_integer(json::parse(R"({"id": 18446744073709551615})"), "id", id_range); }) ==
        "id: 18446744073709551615 is not a whole number from 1 to 9007199254740991");
}

TEST_CASE("a number of the wrong kind is refused naming the field", "[api][fields]") {
  CHECK(refusal([] { field_integer(json{{"priority", 1.5}}, "priority", priority_range); }) ==
        "priority: 1.5 is not a whole number from -100 to 100");
  CHECK(refusal([] { field_integer(json::parse(R"({"priority": 1e300})"), "priority", priority_range); }) ==
        "priority: 1e+300 is not a whole number from -100 to 100");
  CHECK(refusal([] { field_integer(json{{"priority", "5"}}, "priority", priority_range, "messages[2]."); }) ==
        "messages[2].priority: \"5\" is not a whole number from -100 to 100");
  CHECK(refusal([] { field_integer(json{{"priority", std::string(100, 'x')}}, "priority", priority_range); }) ==
        "priority: \"" + std::string(39, 'x') + "... is not a whole number from -100 to 100");
}

TEST_CASE("strings and booleans are refused naming the field when of another type", "[api][fields]") {
  CHECK(field_string(json{{"to", "0812"}}, "to") == "0812");
  CHECK_FALSE(field_string(json{{"to", nullptr}}, "to"));
  CHECK(refusal([] { field_string(json{{"to", 812}}, "to"); }) == "to: must be a string");
  CHECK(refusal([] { required_string(json::object(), "to"); }) == "to: is required");
  CHECK(refusal([] { required_string(json{{"to", ""}}, "to", "messages[0]."); }) ==
        "messages[0].to: must be a non-empty string");
  CHECK(field_boolean(json{{"report", true}}, "report") == true);
  CHECK(refusal([] { field_boolean(json{{"report", "ya"}}, "report"); }) == "report: must be true or false");
}

TEST_CASE("a list of ids is read, each id checked", "[api][fields]") {
  CHECK(id_list(json{1, 4}, "contacts") == std::vector<std::int64_t>{1, 4});
  CHECK(refusal([] { id_list(json{{"a", 1}}, "contacts"); }) == "contacts: must be a list of ids");
  CHECK(refusal([] { id_list(json{1, -4}, "audience.groups"); }) ==
        "audience.groups: -4 is not a whole number from 1 to 9007199254740991");
}

TEST_CASE("a number too large to read names its field in the 400", "[api][fields]") {
  siaran::daemon::http::request request;
  request.content_type = "application/json";
  request.body = R"({"to": "0812", "priority": 1e400})";
  CHECK(refusal([&] { json_body(request); }) == "priority: cannot be read, number overflow parsing '1e400'");
}

TEST_CASE("a JSON library error a handler did not check for answers 400, not 500", "[api][fields]") {
  const auto handler = guarded([](const siaran::daemon::http::request&) -> siaran::daemon::http::response {
    return siaran::daemon::http::json_response(200, json(5).get<std::string>());
  });
  const auto answer = handler(siaran::daemon::http::request{});
  CHECK(answer.status == 400);
  CHECK(json::parse(answer.body).at("error") ==
        "the request's JSON could not be read: type must be string, but is number");
}
