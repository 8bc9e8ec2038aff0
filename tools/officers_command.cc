// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/officers_command.h"

#include <ostream>

#include "tools/api_list.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

constexpr std::string_view usage_text =
    "usage: siaran officers add --name NAME [--phone NUMBER] [--tag SENDER-TAG] [--forward]\n"
    "       siaran officers list\n"
    "       siaran officers archive|restore ID  (hidden from lists and audiences, history kept)\n";

int add(arg_cursor& args, std::ostream& out) {
  api_options options;
  json body = json::object();
  while (args.more()) {
    const std::string_view word = args.next();
    if (word == "--name") {
      body["name"] = std::string(args.value_of(word));
    } else if (word == "--phone") {
      body["phone"] = std::string(args.value_of(word));
    } else if (word == "--tag") {
      body["sender_tag"] = std::string(args.value_of(word));
    } else if (word == "--forward") {
      body["forward_sms"] = true;
    } else if (!take_api_option(word, args, options)) {
      throw usage_error{"unknown argument '" + std::string(word) + "'"};
    }
  }
  if (!body.contains("name")) throw usage_error{"add needs --name"};
  return post_new_record(options, "/api/v1/officers", body, out);
}

int list(arg_cursor& args, std::ostream& out) {
  return print_list(args, {}, "/api/v1/officers", out, [](const json& o, std::ostream& line) {
    line << o.at("id").get<long>() << "\t" << o.at("name").get<std::string>() << "\t"
         << (o["phone"].is_string() ? o["phone"].get<std::string>() : "-") << "\t"
         << (o.value("forward_sms", false) ? "forward" : "-") << "\t" << o.value("sender_tag", "") << "\n";
  });
}

int archive(arg_cursor& args, std::ostream& out) {
  return post_record_action(args, "/api/v1/officers", "officer", "archive", out);
}

int restore(arg_cursor& args, std::ostream& out) {
  return post_record_action(args, "/api/v1/officers", "officer", "restore", out);
}

int officers(std::span<const std::string_view> words, std::ostream& out) {
  arg_cursor args(words);
  return run_action(args, out, {{"add", add}, {"list", list}, {"archive", archive}, {"restore", restore}});
}

}  // namespace

int run_officers_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_api_command("siaran officers", usage_text, err, [&] { return officers(args, out); });
}

}  // namespace siaran::tools
