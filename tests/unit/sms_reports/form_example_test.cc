// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/form_example.h"

#include <catch2/catch.hpp>

#include "daemon/sms_reports/form_rules.h"

using namespace siaran::daemon::sms_reports;
using numbers = std::vector<std::int64_t>;

namespace {

report_form form_of(std::vector<form_field> fields, std::vector<const char*> rules) {
  report_form form;
  form.code = "TEST";
  form.title = "Uji";
  form.fields = std::move(fields);
  for (const char* rule : rules) form.rules.push_back(*parse_rule(rule));
  return form;
}

form_field integer(const char* name, std::optional<std::int64_t> min = std::nullopt,
                   std::optional<std::int64_t> max = std::nullopt) {
  return form_field{name, "nilai " + std::string(name), field_type::integer, min, max, false};
}

}  // namespace

TEST_CASE("the SKDN example is the figures a Posyandu could send") {
  CHECK(example_values(default_skdn_form()) == numbers{52, 50, 45, 38});
}

TEST_CASE("the example is lowered until every rule holds") {
  CHECK(example_values(form_of({integer("A"), integer("B")}, {"A < B"})) == numbers{49, 50});
  CHECK(example_values(form_of({integer("A"), integer("B")}, {"A = B"})) == numbers{50, 50});
  CHECK(example_values(form_of({integer("A"), integer("B"), integer("C")}, {"C >= A", "B > C"})) ==
        numbers{45, 50, 45});
}

TEST_CASE("the example keeps the fields' limits") {
  CHECK(example_values(form_of({integer("A", 0, 10), integer("B", 100)}, {})) == numbers{10, 100});
  CHECK(example_values(form_of({integer("A", 0, 10), integer("B", 0, 10)}, {"A < B"})) ==
        numbers{9, 10});
}

TEST_CASE("a text field takes no part in the example's numbers") {
  form_field note{"KET", "keterangan", field_type::text, std::nullopt, std::nullopt, true};
  CHECK(example_values(form_of({integer("A"), note, integer("B")}, {"B <= A"})) ==
        numbers{52, 0, 50});
}

TEST_CASE("rules that cannot all hold have no example") {
  CHECK_FALSE(example_values(form_of({integer("A"), integer("B")}, {"A < B", "B < A"})));
  CHECK_FALSE(example_values(form_of({integer("A", 0, 5), integer("B", 10)}, {"B <= A"})));
  CHECK_FALSE(example_values(form_of({integer("A", 0, 0), integer("B", 0, 0)}, {"A < B"})));
}
