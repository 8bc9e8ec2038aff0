// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/broadcast_command.h"

#include <optional>
#include <ostream>
#include <vector>

#include "tools/api_lookup.h"
#include "tools/api_options.h"
#include "tools/exit_codes.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

constexpr std::string_view usage_text =
    "usage: siaran broadcast --template TEXT|@FILE [--group G]... [--contact ID]...\n"
    "                        [--kecamatan K] [--desa D] [--peran P] [--tag T]\n"
    "                        [--officer O] [--at ISO-8601] [--priority -100..100] [--preview]\n"
    "       siaran broadcast status ID\n"
    "       siaran broadcast cancel ID\n"
    "  G and O: an id or a name. --preview shows recipients, parts, encoding, the estimated\n"
    "  cost and three rendered samples and queues nothing.\n";

struct broadcast_args {
  api_options options;
  std::vector<std::string> groups;
  json contacts = json::array();
  json filter = json::object();
  std::optional<std::string> officer;
  std::optional<std::string> text;
  std::optional<std::string> at;
  std::optional<long> priority;
  bool preview = false;
};

broadcast_args parse_args(arg_cursor& args) {
  broadcast_args a;
  while (args.more()) {
    const std::string_view word = args.next();
    if (word == "--group") {
      a.groups.emplace_back(args.value_of(word));
    } else if (word == "--contact") {
      const auto id = as_id(args.value_of(word));
      if (!id) throw usage_error{"--contact takes a contact id"};
      a.contacts.push_back(*id);
    } else if (word == "--kecamatan" || word == "--desa" || word == "--peran" || word == "--tag") {
      a.filter[std::string(word.substr(2))] = std::string(args.value_of(word));
    } else if (word == "--officer") {
      a.officer = std::string(args.value_of(word));
    } else if (word == "--template") {
      a.text = template_text(args.value_of(word));
    } else if (word == "--at") {
      a.at = std::string(args.value_of(word));
    } else if (word == "--priority") {
      a.priority = parse_long(args.value_of(word), word, -100, 100);
    } else if (word == "--preview") {
      a.preview = true;
    } else if (!take_api_option(word, args, a.options)) {
      throw usage_error{"unknown argument '" + std::string(word) + "'"};
    }
  }
  if (!a.text) throw usage_error{"--template is required"};
  if (a.groups.empty() && a.contacts.empty() && a.filter.empty()) {
    throw usage_error{
        "name the audience: --group, --contact, or a filter (--kecamatan, --desa, --peran, --tag)"};
  }
  return a;
}

json request_body(api_client& client, const broadcast_args& a) {
  json audience = json::object();
  if (!a.groups.empty()) {
    json groups = json::array();
    for (const std::string& g : a.groups)
      groups.push_back(id_by_name(client, "/api/v1/groups", "group", g));
    audience["groups"] = std::move(groups);
  }
  if (!a.contacts.empty()) audience["contacts"] = a.contacts;
  if (!a.filter.empty()) audience["filter"] = a.filter;
  json body = {{"audience", std::move(audience)}, {"template", *a.text}};
  if (a.officer) body["officer_id"] = id_by_name(client, "/api/v1/officers", "officer", *a.officer);
  if (a.at) body["send_at"] = *a.at;
  if (a.priority) body["priority"] = *a.priority;
  return body;
}

void print_plan(const json& plan, std::ostream& out) {
  out << "recipients: " << plan.at("recipients").get<std::int64_t>()
      << "  parts: " << plan.at("parts").get<std::int64_t>()
      << "  encoding: " << plan.value("encoding", "-") << "\n";
  out << "skipped: " << plan.value("skipped_opted_out", 0) << " opted out, "
      << plan.value("skipped_duplicates", 0) << " duplicate numbers\n";
  out << "estimated cost: Rp" << plan.value("cost_estimate", 0) << "\n";
  for (const json& sample : plan.value("samples", json::array())) {
    out << "\n-- to " << sample.value("to", "-") << " (" << sample.value("parts", 0) << " part(s), "
        << sample.value("encoding", "-") << ")\n"
        << sample.value("text", "") << "\n";
  }
}

int send_broadcast(arg_cursor& args, std::ostream& out) {
  const broadcast_args a = parse_args(args);
  api_client client(resolve_endpoint(a.options));
  const json body = request_body(client, a);
  const api_reply reply =
      client.post(a.preview ? "/api/v1/broadcasts/preview" : "/api/v1/broadcasts", body.dump());
  const json answer = expect_json(reply);
  if (a.options.json) {
    out << reply.body << "\n";
  } else if (a.preview) {
    print_plan(answer, out);
  } else {
    out << "broadcast " << answer.at("id").get<std::int64_t>()
        << " queued: " << answer.at("recipients").get<std::int64_t>() << " recipients, "
        << answer.at("parts").get<std::int64_t>() << " parts\n";
  }
  return exit_ok;
}

void print_progress(const json& p, std::ostream& out) {
  out << "broadcast " << p.at("id").get<std::int64_t>() << ": " << p.at("state").get<std::string>()
      << "\n"
      << "recipients " << p.at("recipients").get<std::int64_t>() << "  queued "
      << p.at("queued").get<std::int64_t>() << "  sent " << p.at("sent").get<std::int64_t>()
      << "  delivered " << p.at("delivered").get<std::int64_t>() << "  failed "
      << p.at("failed").get<std::int64_t>() << "  cancelled " << p.value("cancelled", 0)
      << "  replies " << p.at("replies").get<std::int64_t>() << "  cost Rp" << p.value("cost", 0) << "\n";
}

// `status ID` and `cancel ID`.
int on_broadcast(std::string_view action, arg_cursor& args, std::ostream& out) {
  std::optional<std::int64_t> id;
  api_options options;
  while (args.more()) {
    const std::string_view word = args.next();
    if (take_api_option(word, args, options)) continue;
    if (id || !(id = as_id(word)))
      throw usage_error{"'" + std::string(word) + "' is not a broadcast id"};
  }
  if (!id) throw usage_error{"siaran broadcast " + std::string(action) + " needs a broadcast id"};
  api_client client(resolve_endpoint(options));
  const std::string target = "/api/v1/broadcasts/" + std::to_string(*id);
  const api_reply reply =
      action == "status" ? client.get(target) : client.post(target + "/cancel", "{}");
  const json answer = expect_json(reply);
  if (options.json) {
    out << reply.body << "\n";
  } else if (action == "status") {
    print_progress(answer, out);
  } else {
    out << "broadcast " << *id << " cancelled: " << answer.at("cancelled").get<std::int64_t>()
        << " message(s) stopped\n";
  }
  return exit_ok;
}

int broadcast(std::span<const std::string_view> words, std::ostream& out) {
  arg_cursor args(words);
  if (!words.empty() && (words[0] == "status" || words[0] == "cancel")) {
    const std::string_view action = args.next();
    return on_broadcast(action, args, out);
  }
  return send_broadcast(args, out);
}

}  // namespace

int run_broadcast_command(std::span<const std::string_view> args, std::ostream& out,
                          std::ostream& err) {
  return run_api_command("siaran broadcast", usage_text, err, [&] { return broadcast(args, out); });
}

}  // namespace siaran::tools
