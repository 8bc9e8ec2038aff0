// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_form.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <nlohmann/json.hpp>
#include <string_view>

#include "common/ascii.h"
#include "common/month_names.h"
#include "daemon/sms_reports/form_example.h"
#include "daemon/sms_reports/form_rules.h"

namespace siaran::daemon::sms_reports {
namespace {

using nlohmann::json;

constexpr std::size_t most_fields = 20;
constexpr std::size_t longest_reminder = 320;

[[noreturn]] void refuse(std::string_view where, std::string_view what) {
  throw form_error(fmt::format("{}: {}", where, what));
}

// Letters or digits, starting with a letter, `shortest`..`longest` long; upper-cased.
std::string name_of(const json& value, std::string_view where, std::size_t shortest,
                    std::size_t longest) {
  const auto what =
      fmt::format("must be {} to {} letters or digits starting with a letter", shortest, longest);
  if (!value.is_string()) refuse(where, what);
  const auto& text = value.get_ref<const std::string&>();
  const bool shaped =
      !text.empty() && common::is_letter(text.front()) &&
      std::ranges::all_of(text, [](char c) { return common::is_letter(c) || common::is_digit(c); });
  if (!shaped || text.size() < shortest || text.size() > longest) refuse(where, what);
  return common::uppercase(text);
}

std::string text_of(const json& value, std::string_view where) {
  if (!value.is_string() || common::trim(value.get_ref<const std::string&>()).empty()) {
    refuse(where, "must be a text that is not empty");
  }
  return value.get<std::string>();
}

bool flag_of(const json& object, const char* key, bool otherwise, std::string_view where) {
  if (!object.contains(key)) return otherwise;
  if (!object[key].is_boolean()) refuse(where, "must be true or false");
  return object[key].get<bool>();
}

std::int64_t whole_number_of(const json& value, std::string_view where) {
  const bool fits = value.is_number_integer() &&
                    (!value.is_number_unsigned() ||
                     value.get<std::uint64_t>() <=
                         static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()));
  if (!fits) refuse(where, "must be a whole number");
  return value.get<std::int64_t>();
}

const json& array_of(const json& object, const char* key, std::string_view where) {
  static const json empty = json::array();
  if (!object.contains(key)) return empty;
  if (!object[key].is_array()) refuse(where, "must be a list");
  return object[key];
}

field_type type_of(const json& field, std::string_view where) {
  if (field.contains("type") && field["type"] == "integer") return field_type::integer;
  if (field.contains("type") && field["type"] == "text") return field_type::text;
  refuse(where, "must be \"integer\" or \"text\"");
}

form_field field_from_json(const json& value, const std::string& where) {
  if (!value.is_object()) refuse(where, "must be an object with name, label and type");
  form_field field;
  field.name = name_of(value.contains("name") ? value["name"] : json(), where + ".name", 1, 8);
  field.label = text_of(value.contains("label") ? value["label"] : json(), where + ".label");
  field.type = type_of(value, where + ".type");
  for (const char* limit : {"min", "max"}) {
    if (!value.contains(limit) || value[limit].is_null()) continue;
    const auto at = where + "." + limit;
    if (field.type != field_type::integer) refuse(at, "only an integer field has limits");
    (std::string_view(limit) == "min" ? field.min : field.max) = whole_number_of(value[limit], at);
  }
  if (field.min && field.max && *field.min > *field.max)
    refuse(where + ".max", "must not be less than min");
  field.optional = flag_of(value, "optional", false, where + ".optional");
  return field;
}

std::vector<form_field> fields_from_json(const json& form) {
  const json& list = array_of(form, "fields", "fields");
  if (list.empty() || list.size() > most_fields)
    refuse("fields", fmt::format("must list 1 to {} fields", most_fields));
  std::vector<form_field> fields;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto field = field_from_json(list[i], fmt::format("fields[{}]", i));
    const auto same = [&](const form_field& f) { return f.name == field.name; };
    if (std::ranges::any_of(fields, same))
      refuse(fmt::format("fields[{}].name", i), "\"" + field.name + "\" twice");
    fields.push_back(std::move(field));
  }
  return fields;
}

bool is_integer_field(const std::vector<form_field>& fields, const std::string& name) {
  return std::ranges::any_of(
      fields, [&](const form_field& f) { return f.name == name && f.type == field_type::integer; });
}

std::vector<form_rule> rules_from_json(const json& form, const std::vector<form_field>& fields) {
  std::vector<form_rule> rules;
  const json& list = array_of(form, "rules", "rules");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto where = fmt::format("rules[{}]", i);
    const auto rule = list[i].is_string() ? parse_rule(list[i].get<std::string>()) : std::nullopt;
    if (!rule)
      refuse(where, "must be \"A op B\" with op one of <=, <, >=, >, =, such as \"K <= S\"");
    for (const auto& name : {rule->left, rule->right}) {
      if (!is_integer_field(fields, name))
        refuse(where, "\"" + name + "\" is not an integer field of the form");
    }
    if (rule->left == rule->right) refuse(where, "compares a field with itself");
    rules.push_back(*rule);
  }
  return rules;
}

std::vector<std::string> roles_from_json(const json& form) {
  std::vector<std::string> roles;
  const json& list = array_of(form, "roles", "roles");
  for (std::size_t i = 0; i < list.size(); ++i)
    roles.push_back(text_of(list[i], fmt::format("roles[{}]", i)));
  return roles;
}

bool is_clock_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return false;
  for (const std::size_t i : {0u, 1u, 3u, 4u}) {
    if (!common::is_digit(text[i])) return false;
  }
  return (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] < '6';
}

std::optional<form_reminder> reminder_from_json(const json& form) {
  if (!form.contains("reminder") || form["reminder"].is_null()) return std::nullopt;
  const json& value = form["reminder"];
  if (!value.is_object()) refuse("reminder", "must be null or an object with day, time and text");
  form_reminder reminder;
  const auto day = whole_number_of(value.contains("day") ? value["day"] : json(), "reminder.day");
  if (day < 1 || day > 28) refuse("reminder.day", "must be 1 to 28, a day every month has");
  reminder.day = static_cast<unsigned>(day);
  if (!value.contains("time") || !value["time"].is_string() ||
      !is_clock_time(value["time"].get<std::string>())) {
    refuse("reminder.time", "must be a time of day \"HH:MM\", such as \"08:00\"");
  }
  reminder.time = value["time"].get<std::string>();
  reminder.text = text_of(value.contains("text") ? value["text"] : json(), "reminder.text");
  if (reminder.text.size() > longest_reminder) {
    refuse("reminder.text", fmt::format("must be at most {} characters", longest_reminder));
  }
  return reminder;
}

void check_period(const json& form) {
  if (form.contains("period") && form["period"] != "monthly")
    refuse("period", "must be \"monthly\"");
}

json field_json(const form_field& field) {
  json out{{"name", field.name},
           {"label", field.label},
           {"type", field.type == field_type::integer ? "integer" : "text"},
           {"optional", field.optional}};
  if (field.min) out["min"] = *field.min;
  if (field.max) out["max"] = *field.max;
  return out;
}

form_field skdn_field(const char* name, const char* label) {
  return form_field{name, label, field_type::integer, 0, 9999, false};
}

form_rule at_most(const char* left, const char* right) {
  return form_rule{left, comparison::less_equal, right};
}

}  // namespace

report_form form_from_json(const json& value) {
  if (!value.is_object()) throw form_error("a form must be a JSON object");
  report_form form;
  form.code = name_of(value.contains("code") ? value["code"] : json(), "code", 2, 10);
  form.title = text_of(value.contains("title") ? value["title"] : json(), "title");
  form.fields = fields_from_json(value);
  form.rules = rules_from_json(value, form.fields);
  check_period(value);
  form.roles = roles_from_json(value);
  form.reminder = reminder_from_json(value);
  form.active = flag_of(value, "active", true, "active");
  if (!example_values(form))
    refuse("rules", "the rules and the fields' limits cannot all hold at once");
  return form;
}

json to_json(const report_form& form) {
  json fields = json::array();
  for (const auto& field : form.fields) fields.push_back(field_json(field));
  json rules = json::array();
  for (const auto& rule : form.rules) rules.push_back(rule_text(rule));
  json reminder = nullptr;
  if (form.reminder) {
    reminder = {
        {"day", form.reminder->day}, {"time", form.reminder->time}, {"text", form.reminder->text}};
  }
  return {{"code", form.code},    {"title", form.title},  {"fields", fields},
          {"rules", rules},       {"period", "monthly"},  {"roles", form.roles},
          {"reminder", reminder}, {"active", form.active}};
}

report_form default_skdn_form() {
  report_form form;
  form.code = "SKDN";
  form.title = "Laporan SKDN bulanan";
  form.fields = {skdn_field("S", "jumlah balita"), skdn_field("K", "balita punya KMS"),
                 skdn_field("D", "balita ditimbang"), skdn_field("N", "berat badan naik")};
  form.rules = {at_most("K", "S"), at_most("D", "S"), at_most("N", "D")};
  form.reminder = form_reminder{5, "08:00", default_reminder_text};
  form.active = true;
  return form;
}

std::string expected_format(const report_form& form, std::optional<unsigned> month) {
  const auto example = example_values(form);
  // "SKDN NOV": the month's first three letters, which the reader takes (common/month_names.h).
  const std::string prefix =
      month ? form.code + " " + common::uppercase(common::indonesian_month_name(*month).substr(0, 3)) : form.code;
  std::string names = prefix;
  std::string sample = prefix;
  for (std::size_t i = 0; i < form.fields.size(); ++i) {
    const form_field& field = form.fields[i];
    names += field.optional ? " [" + field.name + "]" : " " + field.name;
    if (field.type == field_type::text) {
      sample += " ya";
    } else {
      sample += " " + std::to_string(example ? (*example)[i] : 0);
    }
  }
  return names + ", contoh: " + sample;
}

}  // namespace siaran::daemon::sms_reports
