// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_form.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using namespace siaran::daemon::sms_reports;
using nlohmann::json;

namespace {

json skdn_json() { return to_json(default_skdn_form()); }

// The message form_from_json refuses `form` with.
std::string refusal_of(const json& form) {
  try {
    form_from_json(form);
  } catch (const form_error& e) {
    return e.what();
  }
  FAIL("the form was taken: " << form.dump());
  return "";
}

json with(json form, const json::json_pointer& at, json value) {
  form[at] = std::move(value);
  return form;
}

}  // namespace

TEST_CASE("the default SKDN form round-trips through JSON exactly") {
  const report_form skdn = default_skdn_form();
  CHECK(form_from_json(to_json(skdn)) == skdn);
  CHECK(to_json(form_from_json(to_json(skdn))) == to_json(skdn));
}

TEST_CASE("the SKDN form is written as the API shows it") {
  const json form = skdn_json();
  CHECK(form["code"] == "SKDN");
  CHECK(form["period"] == "monthly");
  CHECK(form["rules"] == json{"K <= S", "D <= S", "N <= D"});
  CHECK(form["fields"][0] == json{{"name", "S"},
                                  {"label", "jumlah balita"},
                                  {"type", "integer"},
                                  {"min", 0},
                                  {"max", 9999},
                                  {"optional", false}});
  CHECK(form["fields"][3]["label"] == "berat badan naik");
  CHECK(form["roles"] == json::array());
  CHECK(form["reminder"]["day"] == 5);
  CHECK(form["reminder"]["time"] == "08:00");
  CHECK(form["active"] == true);
}

TEST_CASE(
    "a form read from JSON has its names upper-cased, its rules tidied and its defaults filled") {
  const json input = {
      {"code", "gizi"},
      {"title", "Gizi"},
      {"fields",
       {{{"name", "bb"}, {"label", "berat badan"}, {"type", "integer"}},
        {{"name", "t1"}, {"label", "tinggi"}, {"type", "integer"}, {"min", -5}, {"optional", true}},
        {{"name", "ket"}, {"label", "keterangan"}, {"type", "text"}}}},
      {"rules", {"t1<bb"}}};
  const report_form form = form_from_json(input);
  CHECK(form.code == "GIZI");
  CHECK(form.fields[0].name == "BB");
  CHECK_FALSE(form.fields[0].min);
  CHECK(form.fields[1].min == -5);
  CHECK(form.fields[1].optional);
  CHECK(form.fields[2].type == field_type::text);
  CHECK(form.rules == std::vector<form_rule>{{"T1", comparison::less, "BB"}});
  CHECK(form.roles.empty());
  CHECK_FALSE(form.reminder);
  CHECK(form.active);
  CHECK(to_json(form)["rules"] == json{"T1 < BB"});
  CHECK(to_json(form)["reminder"].is_null());
  CHECK(form_from_json(to_json(form)) == form);
}

TEST_CASE("a form with a role and no reminder round-trips") {
  json input = skdn_json();
  input["roles"] = {"kader"};
  input["reminder"] = nullptr;
  input["active"] = false;
  const report_form form = form_from_json(input);
  CHECK(form.roles == std::vector<std::string>{"kader"});
  CHECK_FALSE(form.active);
  CHECK(to_json(form) == input);
}

TEST_CASE("a form's code must be 2 to 10 letters or digits starting with a letter") {
  const std::string message = "code: must be 2 to 10 letters or digits starting with a letter";
  for (const json& code : {json("S"), json("1SKDN"), json("SKDN LAMA"), json("ABCDEFGHIJK"),
                           json(""), json(7), json()}) {
    INFO(code.dump());
    CHECK(refusal_of(with(skdn_json(), "/code"_json_pointer, code)) == message);
  }
  CHECK(refusal_of([] {
          json form = skdn_json();
          form.erase("code");
          return form;
        }()) == message);
}

TEST_CASE("a form that is not an object, or lacks a title, is refused") {
  CHECK(refusal_of(json::array()) == "a form must be a JSON object");
  CHECK(refusal_of(with(skdn_json(), "/title"_json_pointer, " ")) ==
        "title: must be a text that is not empty");
}

TEST_CASE("a form has 1 to 20 fields") {
  CHECK(refusal_of(with(skdn_json(), "/fields"_json_pointer, json::array())) ==
        "fields: must list 1 to 20 fields");
  json many = json::array();
  for (int i = 0; i < 21; ++i)
    many.push_back({{"name", "F" + std::to_string(i)}, {"label", "x"}, {"type", "integer"}});
  CHECK(refusal_of(with(skdn_json(), "/fields"_json_pointer, many)) ==
        "fields: must list 1 to 20 fields");
  CHECK(refusal_of(with(skdn_json(), "/fields"_json_pointer, "S K D N")) ==
        "fields: must be a list");
}

TEST_CASE("each field is checked and its refusal names it by position") {
  const json skdn = skdn_json();
  CHECK(refusal_of(with(skdn, "/fields/2"_json_pointer, "D")) ==
        "fields[2]: must be an object with name, label and type");
  CHECK(refusal_of(with(skdn, "/fields/2/name"_json_pointer, "2D")) ==
        "fields[2].name: must be 1 to 8 letters or digits starting with a letter");
  CHECK(refusal_of(with(skdn, "/fields/2/name"_json_pointer, "DITIMBANG")) ==
        "fields[2].name: must be 1 to 8 letters or digits starting with a letter");
  CHECK(refusal_of(with(skdn, "/fields/2/name"_json_pointer, "s")) ==
        "fields[2].name: \"S\" twice");
  CHECK(refusal_of(with(skdn, "/fields/2/label"_json_pointer, "")) ==
        "fields[2].label: must be a text that is not empty");
  CHECK(refusal_of(with(skdn, "/fields/2/type"_json_pointer, "number")) ==
        "fields[2].type: must be \"integer\" or \"text\"");
  CHECK(refusal_of(with(skdn, "/fields/2/min"_json_pointer, 1.5)) ==
        "fields[2].min: must be a whole number");
  CHECK(refusal_of(with(skdn, "/fields/2/max"_json_pointer, "9999")) ==
        "fields[2].max: must be a whole number");
  CHECK(refusal_of(with(skdn, "/fields/2/max"_json_pointer, -1)) ==
        "fields[2].max: must not be less than min");
  CHECK(refusal_of(with(skdn, "/fields/2/optional"_json_pointer, "ya")) ==
        "fields[2].optional: must be true or false");
}

TEST_CASE("only an integer field has limits") {
  const json note = {{"name", "KET"}, {"label", "keterangan"}, {"type", "text"}, {"max", 20}};
  json form = skdn_json();
  form["fields"].push_back(note);
  CHECK(refusal_of(form) == "fields[4].max: only an integer field has limits");
}

TEST_CASE("a rule compares two integer fields of the form with one of five operators") {
  const json skdn = skdn_json();
  const std::string shape =
      "rules[1]: must be \"A op B\" with op one of <=, <, >=, >, =, such as \"K <= S\"";
  for (const json& rule :
       {json("D << S"), json("D <= S <= N"), json("D"), json("D =< S"), json(3)}) {
    INFO(rule.dump());
    CHECK(refusal_of(with(skdn, "/rules/1"_json_pointer, rule)) == shape);
  }
  CHECK(refusal_of(with(skdn, "/rules/1"_json_pointer, "D <= X")) ==
        "rules[1]: \"X\" is not an integer field of the form");
  CHECK(refusal_of(with(skdn, "/rules/1"_json_pointer, "D <= D")) ==
        "rules[1]: compares a field with itself");
  json form = skdn;
  form["fields"].push_back({{"name", "KET"}, {"label", "keterangan"}, {"type", "text"}});
  form["rules"].push_back("KET = S");
  CHECK(refusal_of(form) == "rules[3]: \"KET\" is not an integer field of the form");
}

TEST_CASE("rules that cannot all hold are refused") {
  json form = skdn_json();
  form["rules"].push_back("S < N");
  CHECK(refusal_of(form) == "rules: the rules and the fields' limits cannot all hold at once");
}

TEST_CASE("a form is monthly") {
  CHECK(refusal_of(with(skdn_json(), "/period"_json_pointer, "weekly")) ==
        "period: must be \"monthly\"");
}

TEST_CASE("roles are non-empty texts") {
  CHECK(refusal_of(with(skdn_json(), "/roles"_json_pointer, "kader")) == "roles: must be a list");
  CHECK(refusal_of(with(skdn_json(), "/roles"_json_pointer, json{"kader", ""})) ==
        "roles[1]: must be a text that is not empty");
}

TEST_CASE(
    "a reminder has a day every month has, a time of day and a text of at most 320 characters") {
  const json skdn = skdn_json();
  CHECK(refusal_of(with(skdn, "/reminder"_json_pointer, "tanggal 5")) ==
        "reminder: must be null or an object with day, time and text");
  for (const json& day : {json(0), json(29), json("5"), json()}) {
    INFO(day.dump());
    CHECK(refusal_of(with(skdn, "/reminder/day"_json_pointer, day)) ==
          (day.is_number() ? "reminder.day: must be 1 to 28, a day every month has"
                           : "reminder.day: must be a whole number"));
  }
  for (const json& time : {json("8:00"), json("24:00"), json("08:60"), json("08.00"), json(800)}) {
    INFO(time.dump());
    CHECK(refusal_of(with(skdn, "/reminder/time"_json_pointer, time)) ==
          "reminder.time: must be a time of day \"HH:MM\", such as \"08:00\"");
  }
  CHECK(refusal_of(with(skdn, "/reminder/text"_json_pointer, "")) ==
        "reminder.text: must be a text that is not empty");
  CHECK(refusal_of(with(skdn, "/reminder/text"_json_pointer, std::string(321, 'a'))) ==
        "reminder.text: must be at most 320 characters");
  CHECK(form_from_json(with(skdn, "/reminder/time"_json_pointer, "23:59")).reminder->time ==
        "23:59");
}

TEST_CASE("active is true or false") {
  CHECK(refusal_of(with(skdn_json(), "/active"_json_pointer, 1)) ==
        "active: must be true or false");
}

TEST_CASE("the expected format names the fields and gives an example that keeps the rules") {
  CHECK(expected_format(default_skdn_form()) == "SKDN S K D N, contoh: SKDN 52 50 45 38");
  report_form form = default_skdn_form();
  form.fields[3].optional = true;
  form.fields.push_back(
      form_field{"KET", "keterangan", field_type::text, std::nullopt, std::nullopt, true});
  CHECK(expected_format(form) == "SKDN S K D [N] [KET], contoh: SKDN 52 50 45 38 ya");
}
