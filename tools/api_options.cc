// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/api_options.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <ostream>

#include "common/ascii.h"
#include "config/error.h"
#include "tools/daemon_config.h"
#include "tools/exit_codes.h"

namespace siaran::tools {
namespace {

std::optional<std::string> environment(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::string read_token_file(const std::string& file) {
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line) || common::trim(line).empty()) {
    throw usage_error{"cannot read a token from --token-file " + file + " (expected it on the first line))"};
  }
  return std::string(common::trim(line));
}

// A daemon listening on every address is reached on loopback.
std::string connectable_host(const std::string& host) {
  if (host == "0.0.0.0" || host.empty()) return "127.0.0.1";
  if (host == "::") return "::1";
  return host;
}

api_endpoint endpoint_from_config(const std::optional<std::string>& config_file) {
  const auto config = load_daemon_config(config_file);
  if (!config) return parse_url("http://127.0.0.1:8080");
  api_endpoint endpoint;
  endpoint.host = connectable_host(config->http.host);
  endpoint.port = std::to_string(config->http.port);
  if (config->http.tls) {
    endpoint.https = true;
    endpoint.trusted_certificate = config->http.tls->certificate;
  }
  return endpoint;
}

std::string error_field(const std::string& body) {
  const auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_object() && parsed.contains("error") && parsed["error"].is_string()) {
    return parsed["error"].get<std::string>();
  }
  return body.size() > 200 ? body.substr(0, 200) + "..." : body;
}

api_failure refusal(const api_reply& reply) {
  const std::string what = std::to_string(reply.status) + ": " + error_field(reply.body);
  if (reply.status == 401 || reply.status == 403) {
    return {exit_noperm, "the daemon refused the token (" + what +
                             "); set SIARAN_TOKEN (or --token-file FILE) to a token whose sha256 is "
                             "under http.tokens in the daemon's config (siaran token new NAME)"};
  }
  if (reply.status >= 400 && reply.status < 500) return {exit_data, "the daemon refused the request (" + what + ")"};
  return {exit_unavailable, "the daemon failed (" + what + "); see its log (journalctl -u siaran)"};
}

}  // namespace

bool take_api_option(std::string_view word, arg_cursor& args, api_options& options) {
  if (word == "--url") {
    options.url = args.value_of(word);
  } else if (word == "--token-file") {
    options.token_file = args.value_of(word);
  } else if (word == "--config") {
    options.config = args.value_of(word);
  } else if (word == "--json") {
    options.json = true;
  } else {
    return false;
  }
  return true;
}

api_endpoint resolve_endpoint(const api_options& options) {
  const auto url = options.url ? options.url : environment("SIARAN_URL");
  api_endpoint endpoint;
  try {
    endpoint = url ? parse_url(*url) : endpoint_from_config(options.config);
  } catch (const std::invalid_argument& e) {
    throw usage_error{e.what()};
  }
  if (options.token_file) {
    endpoint.token = read_token_file(*options.token_file);
  } else {
    endpoint.token = std::string(common::trim(environment("SIARAN_TOKEN").value_or("")));
  }
  return endpoint;
}

std::string query_value(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += c;
    } else {
      encoded += {'%', hex[byte >> 4], hex[byte & 15]};
    }
  }
  return encoded;
}

nlohmann::json expect_json(const api_reply& reply) {
  if (reply.status < 200 || reply.status >= 300) throw refusal(reply);
  auto parsed = nlohmann::json::parse(reply.body, nullptr, false);
  if (parsed.is_discarded()) {
    throw api_failure{exit_unavailable, "the daemon answered " + std::to_string(reply.status) +
                                            " with a body that is not JSON"};
  }
  return parsed;
}

int run_api_command(std::string_view command, std::string_view usage, std::ostream& err,
                    const std::function<int()>& body) {
  try {
    return body();
  } catch (const usage_error& e) {
    err << command << ": " << e.message << "\n" << usage << api_options_usage;
    return exit_usage;
  } catch (const api_unreachable& e) {
    err << command << ": " << e.what() << "\n";
    return exit_unavailable;
  } catch (const api_failure& e) {
    err << command << ": " << e.message << "\n";
    return e.exit_code;
  } catch (const config::config_error& e) {
    for (const auto& diagnostic : e.diagnostics()) err << command << ": " << diagnostic.to_string() << "\n";
    return exit_config;
  } catch (const nlohmann::json::exception& e) {
    // A 2xx answer without the fields this CLI expects: a daemon of another version.
    err << command << ": unexpected answer from the daemon (" << e.what() << ")\n";
    return exit_unavailable;
  }
}

}  // namespace siaran::tools
