// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/token_command.h"

#include <algorithm>
#include <cctype>
#include <ostream>

#include "daemon/http/api_token.h"
#include "tools/command_args.h"
#include "tools/exit_codes.h"

namespace siaran::tools {
namespace {

constexpr std::string_view usage_text =
    "usage: siaran token new NAME    (NAME: letters, digits, '_' or '-'; says who uses the token)\n";

// The name lands unquoted in YAML and in the daemon's logs: keep it to a plain word.
bool valid_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::ranges::all_of(name, [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
         });
}

int new_token(std::string_view name, std::ostream& out) {
  const std::string token = daemon::http::new_token();
  out << token << "\n\n"
      << "Add this entry under http.tokens: in the daemon's config (/etc/siaran/siaran.yaml),\n"
      << "then restart siarand (systemctl restart siaran):\n"
      << "  - name: " << name << "\n"
      << "    sha256: " << daemon::http::sha256_hex(token) << "\n\n"
      << "The token is shown only now: give it to its client (SIARAN_TOKEN or --token-file).\n";
  return exit_ok;
}

int dispatch(std::span<const std::string_view> args, std::ostream& out) {
  if (args.empty()) throw usage_error{"missing subcommand (new)"};
  if (args[0] != "new") throw usage_error{"unknown subcommand '" + std::string(args[0]) + "'"};
  if (args.size() != 2) throw usage_error{"new: exactly one NAME is required"};
  if (!valid_name(args[1])) {
    throw usage_error{"new: NAME '" + std::string(args[1]) + "' may hold only letters, digits, '_' and '-'"};
  }
  return new_token(args[1], out);
}

}  // namespace

int run_token_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  try {
    return dispatch(args, out);
  } catch (const usage_error& e) {
    err << "siaran token: " << e.message << "\n" << usage_text;
    return exit_usage;
  }
}

}  // namespace siaran::tools
