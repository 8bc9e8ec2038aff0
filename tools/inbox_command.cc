// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/inbox_command.h"

#include <optional>
#include <ostream>

#include "tools/api_lookup.h"
#include "tools/api_options.h"
#include "tools/exit_codes.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

constexpr std::string_view usage_text =
    "usage: siaran inbox [--officer ID|NAME|none] [--since ISO-8601] [--limit 1..1000]\n"
    "  --officer O     the replies routed to that officer; none: the general inbox\n";

// One line per message, so a multi-line SMS shows its breaks as "\n".
std::string one_line(std::string text) {
  std::string flat;
  for (const char c : text) {
    if (c == '\n') {
      flat += "\\n";
    } else if (c != '\r') {
      flat += c;
    }
  }
  return flat;
}

std::string string_field(const json& message, const char* key) {
  return message.contains(key) && message[key].is_string() ? message[key].get<std::string>() : "-";
}

void print_incoming(const json& message, std::ostream& out) {
  out << string_field(message, "received_at") << "  " << string_field(message, "from");
  if (message.contains("contact_name") && message["contact_name"].is_string()) {
    out << " (" << message["contact_name"].get<std::string>() << ")";
  }
  out << "  " << string_field(message, "modem") << "  ";
  if (message.contains("decode_error") && message["decode_error"].is_string()) {
    out << "[undecodable: " << message["decode_error"].get<std::string>() << "]";
  } else {
    out << one_line(string_field(message, "text"));
  }
  if (!message.value("complete", true)) out << "  [incomplete: parts missing]";
  if (message.contains("keyword") && message["keyword"].is_string()) {
    out << "  [" << message["keyword"].get<std::string>() << "]";
  }
  out << "\n";
}

std::string inbox_target(const std::optional<std::string>& officer, const std::optional<std::string>& since,
                         const std::optional<long>& limit) {
  std::string query;
  if (officer) query += "&officer_id=" + query_value(*officer);
  if (since) query += "&since=" + query_value(*since);
  if (limit) query += "&limit=" + std::to_string(*limit);
  if (!query.empty()) query[0] = '?';
  return "/api/v1/inbox" + query;
}

int inbox(std::span<const std::string_view> words, std::ostream& out) {
  arg_cursor args(words);
  api_options options;
  std::optional<std::string> officer;
  std::optional<std::string> since;
  std::optional<long> limit;
  while (args.more()) {
    const std::string_view word = args.next();
    if (word == "--officer") {
      officer = args.value_of(word);
    } else if (word == "--since") {
      since = args.value_of(word);
    } else if (word == "--limit") {
      limit = parse_long(args.value_of(word), word, 1, 1000);
    } else if (!take_api_option(word, args, options)) {
      throw usage_error{"unknown argument '" + std::string(word) + "'"};
    }
  }
  api_client client(resolve_endpoint(options));
  if (officer && *officer != "none") officer = std::to_string(id_by_name(client, "/api/v1/officers", "officer", *officer));
  const api_reply reply = client.get(inbox_target(officer, since, limit));
  const json answer = expect_json(reply);
  if (options.json) {
    out << reply.body << "\n";
    return exit_ok;
  }
  for (const json& message : answer) print_incoming(message, out);
  return exit_ok;
}

}  // namespace

int run_inbox_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_api_command("siaran inbox", usage_text, err, [&] { return inbox(args, out); });
}

}  // namespace siaran::tools
