// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/groups_command.h"

#include <map>
#include <ostream>

#include "tools/api_list.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

constexpr std::string_view usage_text =
    "usage: siaran groups add --name NAME [--kecamatan K] [--desa D] [--peran P] [--tag T]  (a saved filter)\n"
    "       siaran groups add --name NAME --contacts 1,2,3                             (a list)\n"
    "       siaran groups list\n"
    "       siaran groups archive|restore ID  (hidden from lists and audiences, history kept)\n";

json contact_ids(std::string_view text) {
  json ids = json::array();
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto piece = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    ids.push_back(parse_long(piece, "--contacts", 1, INT32_MAX));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return ids;
}

int add(arg_cursor& args, std::ostream& out) {
  static const std::map<std::string_view, const char*> filters{
      {"--kecamatan", "kecamatan"}, {"--desa", "desa"}, {"--peran", "peran"}, {"--tag", "tag"}};
  api_options options;
  json body = json::object();
  json filter = json::object();
  while (args.more()) {
    const std::string_view word = args.next();
    const auto f = filters.find(word);
    if (word == "--name") {
      body["name"] = std::string(args.value_of(word));
    } else if (f != filters.end()) {
      filter[f->second] = std::string(args.value_of(word));
    } else if (word == "--contacts") {
      body["contacts"] = contact_ids(args.value_of(word));
    } else if (!take_api_option(word, args, options)) {
      throw usage_error{"unknown argument '" + std::string(word) + "'"};
    }
  }
  if (!body.contains("name")) throw usage_error{"add needs --name"};
  if (body.contains("contacts") == !filter.empty()) {
    throw usage_error{"give either --contacts or filter options (--kecamatan, --desa, --peran, --tag)"};
  }
  if (!filter.empty()) body["filter"] = filter;
  return post_new_record(options, "/api/v1/groups", body, out);
}

int list(arg_cursor& args, std::ostream& out) {
  return print_list(args, {}, "/api/v1/groups", out, [](const json& g, std::ostream& line) {
    line << g.at("id").get<long>() << "\t" << g.at("name").get<std::string>() << "\t"
         << g.at("member_count").get<long>() << " member(s)\t"
         << (g["filter"].is_object() ? g["filter"].dump() : "list") << "\n";
  });
}

int archive(arg_cursor& args, std::ostream& out) {
  return post_record_action(args, "/api/v1/groups", "group", "archive", out);
}

int restore(arg_cursor& args, std::ostream& out) {
  return post_record_action(args, "/api/v1/groups", "group", "restore", out);
}

int groups(std::span<const std::string_view> words, std::ostream& out) {
  arg_cursor args(words);
  return run_action(args, out, {{"add", add}, {"list", list}, {"archive", archive}, {"restore", restore}});
}

}  // namespace

int run_groups_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_api_command("siaran groups", usage_text, err, [&] { return groups(args, out); });
}

}  // namespace siaran::tools
