// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/api_list.h"

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

}  // namespace siaran::tools
