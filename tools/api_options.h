// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the subcommands that talk to siarand share: where the daemon is (--url, SIARAN_URL,
// the config's http.listen), the token (SIARAN_TOKEN, --token-file), --json, and turning an
// answer into an exit code (exit_codes.h) and a message.

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "tools/api_client.h"
#include "tools/command_args.h"

namespace siaran::tools {

struct api_options {
  std::optional<std::string> url;
  std::optional<std::string> token_file;
  std::optional<std::string> config;
  bool json = false;  // print the daemon's JSON as it came
};

// The usage lines of the shared options, for each subcommand's usage text.
inline constexpr std::string_view api_options_usage =
    "common: --url http[s]://HOST:PORT (else $SIARAN_URL, else http.listen of --config FILE,\n"
    "        default /etc/siaran/siaran.yaml, over HTTPS trusting its http.tls.certificate when\n"
    "        it has one, else http://127.0.0.1:8080)\n"
    "        --token-file FILE (its first line; else $SIARAN_TOKEN)  --json (the raw reply)\n";

// Takes `word` (and its value from `args`) when it is a shared option.
bool take_api_option(std::string_view word, arg_cursor& args, api_options& options);

// The address and token to use; usage_error for an unreadable token file or a bad URL,
// config::config_error for a bad config.
api_endpoint resolve_endpoint(const api_options& options);

// `text` percent-encoded for a query value ("+07:00" must not arrive as " 07:00").
std::string query_value(std::string_view text);

// A reply the command cannot use: the exit code and what to tell the person.
struct api_failure {
  int exit_code;
  std::string message;
};

// The parsed body of a 2xx reply; api_failure for any other status or a body that is not JSON.
nlohmann::json expect_json(const api_reply& reply);

// Runs `body` and turns every shared failure into its message on `err` and its exit code;
// `command` ("siaran send") starts each message, `usage` follows a usage error.
int run_api_command(std::string_view command, std::string_view usage, std::ostream& err,
                    const std::function<int()>& body);

}  // namespace siaran::tools
