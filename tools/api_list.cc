// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/api_list.h"

#include <cstdint>
#include <optional>
#include <ostream>

#include "tools/exit_codes.h"

namespace siaran::tools {

int print_list(arg_cursor& args, api_options options, const std::string& target, std::ostream& out,
               const print_row& print) {
  while (args.more()) {
    const std::string_view word = args.next();
    if (!take_api_option(word, args, options)) throw usage_error{"unknown argument '" + std::string(word) + "'"};
  }
  api_client client(resolve_endpoint(options));
  const api_reply reply = client.get(target);
  const nlohmann::json answer = expect_json(reply);
  if (options.json) {
    out << reply.body << "\n";
    return exit_ok;
  }
  for (const nlohmann::json& row : answer) print(row, out);
  return exit_ok;
}

int post_new_record(const api_options& options, const std::string& target, const nlohmann::json& body,
                    std::ostream& out) {
  api_client client(resolve_endpoint(options));
  const api_reply reply = client.post(target, body.dump());
  const nlohmann::json answer = expect_json(reply);
  out << (options.json ? reply.body : std::to_string(answer.at("id").get<long>())) << "\n";
  return exit_ok;
}

int post_record_action(arg_cursor& args, const std::string& collection, const std::string& noun,
                       const std::string& action, std::ostream& out) {
  api_options options;
  std::optional<long> id;
  while (args.more()) {
    const std::string_view word = args.next();
    if (take_api_option(word, args, options)) continue;
    if (id || word.starts_with("--")) throw usage_error{"unknown argument '" + std::string(word) + "'"};
    id = parse_long(word, "ID", 1, INT64_MAX);
  }
  if (!id) throw usage_error{action + " needs the " + noun + "'s ID"};
  api_client client(resolve_endpoint(options));
  const api_reply reply = client.post(collection + "/" + std::to_string(*id) + "/" + action, "{}");
  expect_json(reply);
  out << (options.json ? reply.body : noun + " " + std::to_string(*id) + " " + action + "d") << "\n";
  return exit_ok;
}

}  // namespace siaran::tools
