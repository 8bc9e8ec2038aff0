// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/events_command.h"

#include <limits>
#include <optional>
#include <ostream>
#include <vector>

#include "tools/api_list.h"
#include "tools/api_lookup.h"
#include "tools/api_options.h"
#include "tools/exit_codes.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

constexpr std::string_view usage_text =
    "usage: siaran events add --title T --at ISO-8601 --place P --group G [--group G]... [--contact ID]...\n"
    "                         [--reminder \"H-1 jam 08.00\"]... [--template T|@FILE] [--officer O]\n"
    "       siaran events list\n"
    "       siaran events show ID\n"
    "       siaran events cancel ID\n"
    "  --at: the meeting's start with its offset, e.g. 2026-11-30T09:00+07:00. --reminder: \"H-7\"\n"
    "  (7 days before, at the meeting's time), \"H-1 jam 08.00\" (the day before at 08.00 local\n"
    "  time), \"hari H jam 06.00\", \"2 jam sebelum\", \"30 menit sebelum\", or an offset \"-1d@08:00\",\n"
    "  \"-2h\" (default: H-1 jam 08.00 and 2 jam sebelum). --officer: who signs the reminders and\n"
    "  gets their RSVPs. G and O: an id or a name.\n";

// The text at `key`, "-" when missing or empty.
std::string text_of(const json& j, const char* key) {
  const bool given = j.contains(key) && j[key].is_string() && !j[key].get<std::string>().empty();
  return given ? j[key].get<std::string>() : "-";
}

std::string tally_line(const json& event) {
  const json& rsvp = event.at("rsvp");
  return "hadir " + std::to_string(rsvp.value("hadir", 0)) + ", tidak " + std::to_string(rsvp.value("tidak", 0)) +
         ", belum " + std::to_string(rsvp.value("belum", 0));
}

void print_summary(const json& event, std::ostream& out) {
  out << event.at("id").get<std::int64_t>() << "  " << text_of(event, "starts_at") << "  " << text_of(event, "title")
      << "  @ " << text_of(event, "place") << "  [" << tally_line(event) << "]"
      << (event.value("cancelled", false) ? "  (cancelled)" : "") << "\n";
}

void print_reminders(const json& reminders, std::ostream& out) {
  for (const json& r : reminders) {
    out << "  reminder " << text_of(r, "words") << " (" << text_of(r, "offset") << ")  due " << text_of(r, "due_at")
        << "  " << text_of(r, "state");
    if (r.contains("broadcast_id") && r["broadcast_id"].is_number()) out << "  broadcast " << r["broadcast_id"];
    if (r.contains("note")) out << "  (" << text_of(r, "note") << ")";
    out << "\n";
  }
}

void print_event(const json& event, std::ostream& out) {
  print_summary(event, out);
  print_reminders(event.at("reminders"), out);
  for (const json& a : event.value("answers", json::array())) {
    out << "  " << text_of(a, "answer") << "  " << text_of(a, "name") << "  " << text_of(a, "phone") << "  "
        << text_of(a, "answered_at") << "\n";
  }
}

struct event_args {
  api_options options;
  json body = json::object();  // title, starts_at, place, template, reminders
  std::vector<std::string> groups;
  json contacts = json::array();
  std::optional<std::string> officer;
};

event_args parse_add(arg_cursor& args) {
  event_args a;
  json reminders = json::array();
  while (args.more()) {
    const std::string_view word = args.next();
    if (word == "--title" || word == "--place") {
      a.body[std::string(word.substr(2))] = std::string(args.value_of(word));
    } else if (word == "--at") {
      a.body["starts_at"] = std::string(args.value_of(word));
    } else if (word == "--group") {
      a.groups.emplace_back(args.value_of(word));
    } else if (word == "--contact") {
      a.contacts.push_back(parse_long(args.value_of(word), word, 1, std::numeric_limits<long>::max()));
    } else if (word == "--reminder") {
      reminders.push_back(std::string(args.value_of(word)));
    } else if (word == "--template") {
      a.body["template"] = template_text(args.value_of(word));
    } else if (word == "--officer") {
      a.officer = std::string(args.value_of(word));
    } else if (!take_api_option(word, args, a.options)) {
      throw usage_error{"unknown argument '" + std::string(word) + "'"};
    }
  }
  if (!a.body.contains("title") || !a.body.contains("starts_at")) throw usage_error{"--title and --at are required"};
  if (a.groups.empty() && a.contacts.empty()) throw usage_error{"name the audience: --group or --contact"};
  if (!reminders.empty()) a.body["reminders"] = std::move(reminders);
  return a;
}

// The request, with groups and the officer named by name looked up.
json add_request(api_client& client, const event_args& a) {
  json body = a.body;
  json audience = json::object();
  if (!a.groups.empty()) {
    audience["groups"] = json::array();
    for (const std::string& g : a.groups) audience["groups"].push_back(id_by_name(client, "/api/v1/groups", "group", g));
  }
  if (!a.contacts.empty()) audience["contacts"] = a.contacts;
  body["audience"] = std::move(audience);
  if (a.officer) body["officer_id"] = id_by_name(client, "/api/v1/officers", "officer", *a.officer);
  return body;
}

int add_event(arg_cursor& args, std::ostream& out) {
  const event_args a = parse_add(args);
  api_client client(resolve_endpoint(a.options));
  const api_reply reply = client.post("/api/v1/events", add_request(client, a).dump());
  const json answer = expect_json(reply);
  if (a.options.json) {
    out << reply.body << "\n";
    return exit_ok;
  }
  out << "event " << answer.at("id").get<std::int64_t>() << " created\n";
  print_reminders(answer.value("reminders", json::array()), out);
  return exit_ok;
}

int list_events(arg_cursor& args, std::ostream& out) {
  return print_list(args, {}, "/api/v1/events", out, print_summary);
}

// show ID, cancel ID: the event's id and the common options.
int one_event(std::string_view action, arg_cursor& args, std::ostream& out) {
  api_options options;
  std::optional<long> id;
  while (args.more()) {
    const std::string_view word = args.next();
    if (take_api_option(word, args, options)) continue;
    if (id) throw usage_error{"unknown argument '" + std::string(word) + "'"};
    id = parse_long(word, "the event id", 1, std::numeric_limits<long>::max());
  }
  if (!id) throw usage_error{"give the event's id"};
  api_client client(resolve_endpoint(options));
  const std::string target = "/api/v1/events/" + std::to_string(*id);
  const api_reply reply = action == "cancel" ? client.post(target + "/cancel", "{}") : client.get(target);
  const json answer = expect_json(reply);
  if (options.json) {
    out << reply.body << "\n";
  } else if (action == "show") {
    print_event(answer, out);
  } else {
    out << "event " << *id << " cancelled\n";
  }
  return exit_ok;
}

int events(std::span<const std::string_view> words, std::ostream& out) {
  arg_cursor args(words);
  return run_action(args, out,
                    {{"add", add_event},
                     {"list", list_events},
                     {"show", [](arg_cursor& a, std::ostream& o) { return one_event("show", a, o); }},
                     {"cancel", [](arg_cursor& a, std::ostream& o) { return one_event("cancel", a, o); }}});
}

}  // namespace

int run_events_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_api_command("siaran events", usage_text, err, [&] { return events(args, out); });
}

}  // namespace siaran::tools
