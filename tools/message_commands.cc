// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/message_commands.h"

#include <limits>
#include <optional>
#include <ostream>

#include "tools/api_options.h"
#include "tools/exit_codes.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

constexpr std::string_view send_usage =
    "usage: siaran send --to NUMBER --text TEXT [--priority -100..100] [--report]\n"
    "                   [--send-at ISO-8601] [--client-ref REF] [--valid-for 30m|12h|2d]\n";

constexpr std::string_view status_usage =
    "usage: siaran status            the queue\n"
    "       siaran status ID         one message and its parts\n"
    "       siaran status --state queued|sending|sent|delivered|failed|uncertain|cancelled\n"
    "                     [--after ID] [--limit N]\n";

std::string plural(long count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

// Optional fields print as "-" so that columns and summaries keep their shape.
std::string text_of(const json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

std::string field(const json& object, const char* key) {
  return object.contains(key) ? text_of(object[key]) : "-";
}

bool take_send_option(std::string_view word, arg_cursor& args, json& body) {
  if (word == "--to" || word == "--text" || word == "--send-at" || word == "--client-ref" ||
      word == "--valid-for") {
    std::string key(word.substr(2));
    for (char& c : key) c = c == '-' ? '_' : c;
    body[key] = std::string(args.value_of(word));
  } else if (word == "--priority") {
    body["priority"] = parse_long(args.value_of(word), word, -100, 100);
  } else if (word == "--report") {
    body["report"] = true;
  } else {
    return false;
  }
  return true;
}

int send(std::span<const std::string_view> words, std::ostream& out) {
  arg_cursor args(words);
  api_options options;
  json body = json::object();
  while (args.more()) {
    const std::string_view word = args.next();
    if (!take_send_option(word, args, body) && !take_api_option(word, args, options)) {
      throw usage_error{"unknown argument '" + std::string(word) + "'"};
    }
  }
  if (!body.contains("to")) throw usage_error{"--to NUMBER is required"};
  if (!body.contains("text")) throw usage_error{"--text TEXT is required"};
  api_client client(resolve_endpoint(options));
  const api_reply reply = client.post("/api/v1/messages", body.dump());
  const json answer = expect_json(reply);
  if (options.json) {
    out << reply.body << "\n";
  } else if (answer.value("duplicate", false)) {
    out << "message " << answer.at("id").get<long>() << " was already queued with this client ref ("
        << plural(answer.at("parts").get<long>(), "part") << ")\n";
  } else {
    out << "queued message " << answer.at("id").get<long>() << " ("
        << plural(answer.at("parts").get<long>(), "part") << ")\n";
  }
  return exit_ok;
}

void print_part(const json& part, std::size_t total, std::ostream& out) {
  out << "  part " << field(part, "number") << "/" << total << ": " << field(part, "state")
      << ", modem " << field(part, "modem") << ", reference " << field(part, "reference")
      << ", sent " << field(part, "sent_at") << ", delivered " << field(part, "delivered_at");
  if (part.contains("last_error") && !part["last_error"].is_null()) out << ", last error: " << field(part, "last_error");
  if (part.value("resent_uncertain", false)) out << " (sent again after a crash: may have arrived twice)";
  out << "\n";
}

void print_message(const json& message, std::ostream& out) {
  out << "message " << field(message, "id") << ": " << field(message, "state") << "\n"
      << "  to " << field(message, "to") << ", created " << field(message, "created_at")
      << ", send at " << field(message, "send_at") << "\n";
  const json& parts = message.at("parts");
  for (const json& part : parts) print_part(part, parts.size(), out);
}

// One line per message: the list view of `--state`.
void print_message_line(const json& message, std::ostream& out) {
  out << field(message, "id") << "  " << field(message, "state") << "  " << field(message, "to") << "  "
      << plural(static_cast<long>(message.at("parts").size()), "part") << "  created "
      << field(message, "created_at") << "\n";
}

// Fields docs/api.md lists but a daemon leaves out ("due") are skipped, not shown as "-".
std::string optional_count(const json& queue, const char* key, std::string_view label) {
  return queue.contains(key) ? std::string(label) + field(queue, key) : "";
}

void print_queue(const json& queue, std::ostream& out) {
  out << "queued " << field(queue, "queued") << " parts" << optional_count(queue, "due", ", due now ")
      << ", " << field(queue, "in_flight") << " being sent\n"
      << "since the daemon started: sent " << field(queue, "sent")
      << optional_count(queue, "delivered", ", delivered ") << ", failed " << field(queue, "failed")
      << ", uncertain " << field(queue, "uncertain") << "\n"
      << "rate " << field(queue, "rate_per_second") << " parts/s"
      << (queue.value("draining", false) ? ", draining (stopping)" : "") << "\n";
}

struct status_args {
  api_options options;
  std::optional<long> id;
  std::optional<std::string> state;
  std::optional<long> after;
  std::optional<long> limit;
};

status_args parse_status(std::span<const std::string_view> words) {
  arg_cursor args(words);
  status_args parsed;
  while (args.more()) {
    const std::string_view word = args.next();
    if (word == "--state") {
      parsed.state = args.value_of(word);
    } else if (word == "--after") {
      parsed.after = parse_long(args.value_of(word), word, 0, std::numeric_limits<long>::max());
    } else if (word == "--limit") {
      parsed.limit = parse_long(args.value_of(word), word, 1, 1000);
    } else if (!word.starts_with("--") && !parsed.id) {
      parsed.id = parse_long(word, "message ID", 1, std::numeric_limits<long>::max());
    } else if (!take_api_option(word, args, parsed.options)) {
      throw usage_error{"unknown argument '" + std::string(word) + "'"};
    }
  }
  if (parsed.id && parsed.state) throw usage_error{"give either a message ID or --state, not both"};
  if (!parsed.state && (parsed.after || parsed.limit)) throw usage_error{"--after and --limit go with --state"};
  return parsed;
}

std::string state_target(const status_args& args) {
  std::string target = "/api/v1/messages?state=" + query_value(*args.state);
  if (args.after) target += "&after=" + std::to_string(*args.after);
  if (args.limit) target += "&limit=" + std::to_string(*args.limit);
  return target;
}

void print_state_list(const json& answer, const status_args& args, std::ostream& out) {
  for (const json& message : answer.at("messages")) print_message_line(message, out);
  if (answer.contains("next_after") && !answer["next_after"].is_null()) {
    out << "more: siaran status --state " << *args.state << " --after " << text_of(answer["next_after"]) << "\n";
  }
}

int status(std::span<const std::string_view> words, std::ostream& out) {
  const status_args args = parse_status(words);
  api_client client(resolve_endpoint(args.options));
  const std::string target = args.id      ? "/api/v1/messages/" + std::to_string(*args.id)
                             : args.state ? state_target(args)
                                          : "/api/v1/queue";
  const api_reply reply = client.get(target);
  const json answer = expect_json(reply);
  if (args.options.json) {
    out << reply.body << "\n";
  } else if (args.id) {
    print_message(answer, out);
  } else if (args.state) {
    print_state_list(answer, args, out);
  } else {
    print_queue(answer, out);
  }
  return exit_ok;
}

}  // namespace

int run_send_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_api_command("siaran send", send_usage, err, [&] { return send(args, out); });
}

int run_status_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_api_command("siaran status", status_usage, err, [&] { return status(args, out); });
}

}  // namespace siaran::tools
