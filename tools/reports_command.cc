// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/reports_command.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <vector>

#include "tools/api_list.h"
#include "tools/api_lookup.h"
#include "tools/api_options.h"
#include "tools/exit_codes.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

constexpr std::string_view usage_text =
    "usage: siaran reports list [--form F] [--period YYYY-MM] [--kecamatan K] [--desa D] "
    "[--history]\n"
    "       siaran reports missing [--form F] [--period YYYY-MM]\n"
    "       siaran reports remind [--form F] [--period YYYY-MM] [--text T|@FILE] [--officer O]\n"
    "       siaran reports recap [--form F] [--period YYYY-MM] --out FILE.xlsx|FILE.csv\n"
    "       siaran reports forms\n"
    "  --form: a form's code (SKDN); it may be left out when only one is defined. --period: the\n"
    "  month reported for, default this month. recap: the tables a Dinas Kesehatan expects (per\n"
    "  kecamatan, per desa, per posyandu, who has not reported); .csv holds the first.\n";

std::string text_of(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "-";
}

std::string place_of(const json& row) {
  return text_of(row, "kecamatan") + " / " + text_of(row, "desa") + " / " +
         text_of(row, "posyandu");
}

// The values in the order of the form's fields (`fields`: code -> names), which the daemon's JSON
// object does not keep; a value the form no longer names comes last.
void print_report(const json& r, const std::map<std::string, std::vector<std::string>>& fields,
                  std::ostream& out) {
  out << r.at("id").get<std::int64_t>() << "  " << text_of(r, "period") << "  "
      << text_of(r, "form") << "  " << place_of(r) << "  ";
  const json& values = r.at("values");
  std::vector<std::string> names;
  if (const auto it = fields.find(text_of(r, "form")); it != fields.end()) names = it->second;
  for (const auto& [name, value] : values.items()) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  bool first = true;
  for (const std::string& name : names) {
    if (!values.contains(name)) continue;
    const json& value = values[name];
    out << (first ? "" : ", ") << name << " "
        << (value.is_string() ? value.get<std::string>() : value.dump());
    first = false;
  }
  if (r.contains("replaced_by") && r["replaced_by"].is_number()) out << "  (replaced)";
  out << "\n";
}

void print_missing(const json& p, std::ostream& out) {
  out << place_of(p) << "  (" << p.at("cadres").get<int>() << " kader)\n";
}

void print_form(const json& f, std::ostream& out) {
  out << text_of(f, "code") << "  " << text_of(f, "title") << "  fields:";
  for (const json& field : f.at("fields")) out << " " << text_of(field, "name");
  out << (f.value("active", true) ? "" : "  (inactive)") << "\n";
}

// The query of --form, --period and the list's filters; the shared options into `options`.
struct report_args {
  api_options options;
  std::string query;
  json body = json::object();
  std::optional<std::string> officer;
  std::optional<std::string> out_file;
};

void add_query(std::string& query, std::string_view key, std::string_view value) {
  query += (query.empty() ? "?" : "&") + std::string(key) + "=" + query_value(value);
}

report_args parse(arg_cursor& args, std::initializer_list<std::string_view> allowed) {
  report_args a;
  while (args.more()) {
    const std::string_view word = args.next();
    const bool known = std::find(allowed.begin(), allowed.end(), word) != allowed.end();
    if (take_api_option(word, args, a.options)) continue;
    if (!known) throw usage_error{"unknown argument '" + std::string(word) + "'"};
    if (word == "--history") {
      add_query(a.query, "history", "true");
    } else if (word == "--text") {
      a.body["text"] = template_text(args.value_of(word));
    } else if (word == "--officer") {
      a.officer = std::string(args.value_of(word));
    } else if (word == "--out") {
      a.out_file = std::string(args.value_of(word));
    } else {
      const std::string value(args.value_of(word));
      add_query(a.query, word.substr(2), value);
      a.body[std::string(word.substr(2))] = value;
    }
  }
  return a;
}

int list_reports(arg_cursor& args, std::ostream& out) {
  report_args a = parse(args, {"--form", "--period", "--kecamatan", "--desa", "--history"});
  std::map<std::string, std::vector<std::string>> fields;
  if (!a.options.json) {
    api_client client(resolve_endpoint(a.options));
    for (const json& form : expect_json(client.get("/api/v1/forms"))) {
      for (const json& field : form.at("fields"))
        fields[text_of(form, "code")].push_back(text_of(field, "name"));
    }
  }
  arg_cursor none({});
  return print_list(none, a.options, "/api/v1/reports" + a.query, out,
                    [&fields](const json& r, std::ostream& o) { print_report(r, fields, o); });
}

int list_missing(arg_cursor& args, std::ostream& out) {
  report_args a = parse(args, {"--form", "--period"});
  arg_cursor none({});
  return print_list(none, a.options, "/api/v1/reports/missing" + a.query, out, print_missing);
}

int list_forms(arg_cursor& args, std::ostream& out) {
  return print_list(args, {}, "/api/v1/forms", out, print_form);
}

int remind(arg_cursor& args, std::ostream& out) {
  report_args a = parse(args, {"--form", "--period", "--text", "--officer"});
  api_client client(resolve_endpoint(a.options));
  if (a.officer)
    a.body["officer_id"] = id_by_name(client, "/api/v1/officers", "officer", *a.officer);
  const api_reply reply = client.post("/api/v1/reports/missing/remind", a.body.dump());
  const json answer = expect_json(reply);
  if (a.options.json) {
    out << reply.body << "\n";
  } else {
    out << "reminder broadcast " << answer.at("id").get<std::int64_t>() << " queued to "
        << answer.at("recipients").get<std::int64_t>() << " cadres\n";
  }
  return exit_ok;
}

int recap(arg_cursor& args, std::ostream& out) {
  report_args a = parse(args, {"--form", "--period", "--out"});
  if (!a.out_file) throw usage_error{"--out FILE.xlsx or FILE.csv is required"};
  const bool xlsx = a.out_file->ends_with(".xlsx");
  if (!xlsx && !a.out_file->ends_with(".csv"))
    throw usage_error{"--out: the file must end in .xlsx or .csv"};
  add_query(a.query, "format", xlsx ? "xlsx" : "csv");
  api_client client(resolve_endpoint(a.options));
  const api_reply reply = client.get("/api/v1/reports/recap" + a.query);
  if (reply.status != 200) expect_json(reply);  // throws api_failure with the daemon's error
  std::ofstream file(*a.out_file, std::ios::binary);
  file << reply.body;
  file.close();
  if (!file) throw api_failure{exit_cantcreat, "cannot write " + *a.out_file};
  out << "recap written to " << *a.out_file << " (" << reply.body.size() << " bytes)\n";
  return exit_ok;
}

int reports(std::span<const std::string_view> words, std::ostream& out) {
  arg_cursor args(words);
  return run_action(args, out,
                    {{"list", list_reports},
                     {"missing", list_missing},
                     {"remind", remind},
                     {"recap", recap},
                     {"forms", list_forms}});
}

}  // namespace

int run_reports_command(std::span<const std::string_view> args, std::ostream& out,
                        std::ostream& err) {
  return run_api_command("siaran reports", usage_text, err, [&] { return reports(args, out); });
}

}  // namespace siaran::tools
