// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/contacts_command.h"

#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "common/xlsx_media_type.h"
#include "tools/api_list.h"
#include "tools/exit_codes.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

constexpr std::string_view usage_text =
    "usage: siaran contacts import FILE.csv|FILE.xlsx [--sheet NAME] [--partial]\n"
    "       siaran contacts list [--kecamatan K] [--desa D] [--peran P] [--tag T] [--q TEXT]\n"
    "       siaran contacts export [--format csv|xlsx] [--kecamatan K] [--desa D] [--peran P] [--tag T] [--q TEXT]\n"
    "       siaran contacts problems  (nomor bermasalah: numbers whose last messages failed)\n"
    "       siaran contacts archive|restore ID  (hidden from lists and audiences, history kept)\n";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error{"cannot read '" + path + "'"};
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// An .xlsx workbook is a zip archive, whatever the file is called; anything else is sent as CSV.
std::string media_type_of(const std::string& contents) {
  return contents.starts_with("PK\x03\x04") ? std::string(common::xlsx_media_type) : "text/csv";
}

// An import answers 422 with the refused rows: that is data to print, not a failure to report.
int import_file(arg_cursor& args, std::ostream& out) {
  api_options options;
  std::optional<std::string> file;
  std::string query;
  while (args.more()) {
    const std::string_view word = args.next();
    if (word == "--partial") {
      query += "&partial=true";
    } else if (word == "--sheet") {
      query += "&sheet=" + query_value(args.value_of(word));
    } else if (!take_api_option(word, args, options)) {
      if (file || word.starts_with("--")) throw usage_error{"unknown argument '" + std::string(word) + "'"};
      file = std::string(word);
    }
  }
  if (!file) throw usage_error{"import needs the CSV or .xlsx file"};
  const bool partial = query.find("partial") != std::string::npos;
  if (!query.empty()) query[0] = '?';
  const std::string contents = read_file(*file);
  api_client client(resolve_endpoint(options));
  const api_reply reply = client.post("/api/v1/contacts/import" + query, contents, media_type_of(contents));
  const json answer = reply.status == 422 ? json::parse(reply.body) : expect_json(reply);
  if (options.json) {
    out << reply.body << "\n";
  } else {
    out << "imported " << answer.at("imported").get<long>() << " contact(s)";
    if (answer.contains("inserted")) {
      out << " (" << answer["inserted"].get<long>() << " new, " << answer["updated"].get<long>() << " updated)";
    }
    out << "\n";
    for (const json& e : answer.at("errors")) {
      out << "line " << e.at("line").get<long>() << ": " << e.at("reason").get<std::string>() << "\n";
    }
    if (reply.status == 422 && !partial) out << "nothing imported; fix the rows above, or import the rest with --partial\n";
  }
  return answer.at("errors").empty() ? exit_ok : exit_data;
}

// The filter options shared by list and export, as the API's query; export also takes --format.
std::string filtered_target(std::string path, arg_cursor& args, api_options& options, bool takes_format = false) {
  static const std::map<std::string_view, std::string_view> filters{
      {"--kecamatan", "kecamatan"}, {"--desa", "desa"}, {"--peran", "peran"}, {"--tag", "tag"}, {"--q", "q"}};
  std::string query;
  while (args.more()) {
    const std::string_view word = args.next();
    const auto filter = filters.find(word);
    if (filter != filters.end()) {
      query += "&" + std::string(filter->second) + "=" + query_value(args.value_of(word));
    } else if (takes_format && word == "--format") {
      query += "&format=" + query_value(args.value_of(word));
    } else if (!take_api_option(word, args, options)) {
      throw usage_error{"unknown argument '" + std::string(word) + "'"};
    }
  }
  if (!query.empty()) query[0] = '?';
  return path + query;
}

std::string text_of(const json& contact, const char* key) {
  const auto it = contact.find(key);
  return it != contact.end() && it->is_string() ? it->get<std::string>() : "-";
}

int list(arg_cursor& args, std::ostream& out) {
  api_options options;
  const std::string target = filtered_target("/api/v1/contacts", args, options);
  return print_list(args, options, target, out, [](const json& c, std::ostream& line) {
    line << c.at("id").get<long>() << "\t" << text_of(c, "nama") << "\t" << text_of(c, "no_hp") << "\t"
         << text_of(c, "peran") << "\t" << text_of(c, "desa") << "\t" << text_of(c, "kecamatan")
         << (c.value("berhenti", false) ? "\t[berhenti]" : "") << "\n";
  });
}

int export_csv(arg_cursor& args, std::ostream& out) {
  api_options options;
  const std::string target = filtered_target("/api/v1/contacts/export", args, options, true);
  api_client client(resolve_endpoint(options));
  const api_reply reply = client.get(target);
  if (reply.status != 200) expect_json(reply);  // throws the refusal
  out << reply.body;
  return exit_ok;
}

int problems(arg_cursor& args, std::ostream& out) {
  return print_list(args, {}, "/api/v1/contacts/problems", out, [](const json& p, std::ostream& line) {
    const json& c = p.at("contact");
    line << c.at("id").get<long>() << "\t" << text_of(c, "nama") << "\t" << text_of(c, "no_hp") << "\t"
         << text_of(c, "desa") << "\t" << p.at("evidence").get<std::string>() << "\n";
  });
}

int archive(arg_cursor& args, std::ostream& out) {
  return post_record_action(args, "/api/v1/contacts", "contact", "archive", out);
}

int restore(arg_cursor& args, std::ostream& out) {
  return post_record_action(args, "/api/v1/contacts", "contact", "restore", out);
}

int contacts(std::span<const std::string_view> words, std::ostream& out) {
  arg_cursor args(words);
  return run_action(args, out,
                    {{"import", import_file}, {"list", list}, {"export", export_csv}, {"problems", problems},
                     {"archive", archive}, {"restore", restore}});
}

}  // namespace

int run_contacts_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_api_command("siaran contacts", usage_text, err, [&] { return contacts(args, out); });
}

}  // namespace siaran::tools
