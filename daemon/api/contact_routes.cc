// SPDX-License-Identifier: GPL-3.0-or-later
// Contacts (import, list, edit, export, problem numbers), officers and groups (docs/api.md
// "Contacts, officers and groups").

#include <spdlog/spdlog.h>

#include <limits>

#include "daemon/api/api_context.h"
#include "daemon/api/contact_json.h"
#include "daemon/api/import_steps.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/message_json.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "daemon/api/table_download.h"
#include "daemon/contacts/contact_export.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

constexpr int everyone = std::numeric_limits<int>::max();

bool query_flag(const http::request& request, const char* name) {
  const auto found = request.query.find(name);
  if (found == request.query.end() || found->second == "false" || found->second == "0") return false;
  if (found->second == "true" || found->second == "1" || found->second.empty()) return true;
  throw bad_request(std::string(name) + ": '" + found->second + "' is not true or false");
}

queue::contact_filter filter_from_query(const http::request& request) {
  const auto text = [&](const char* name) -> std::optional<std::string> {
    const auto found = request.query.find(name);
    if (found == request.query.end() || found->second.empty()) return std::nullopt;
    return found->second;
  };
  return {text("kecamatan"), text("desa"), text("peran"), text("tag"), text("q"), query_flag(request, "verify")};
}

// All or nothing unless ?partial=true; nothing importable at all is a 422 either way.
http::response import_contacts(api_context& c, const http::request& request) {
  const bool partial = query_flag(request, "partial");
  const auto parsed = parse_import_body(c, request);
  const bool refused = !parsed.errors.empty() && (!partial || parsed.contacts.empty());
  if (refused) {
    spdlog::info("contact import refused: {} row(s) with errors", parsed.errors.size());
    return json_reply(422,
                      {{"imported", 0}, {"inserted", 0}, {"updated", 0}, {"errors", import_errors_json(parsed.errors)}});
  }
  std::vector<queue::contact_row> rows;
  for (const auto& contact : parsed.contacts) rows.push_back({contact, parsed.columns});
  const queue::upsert_counts counts = upsert_in_steps(c, rows);
  spdlog::info("contacts imported: {} new, {} updated, {} row(s) refused", counts.inserted, counts.updated,
               parsed.errors.size());
  return json_reply(200, {{"imported", parsed.contacts.size()},
                          {"inserted", counts.inserted},
                          {"updated", counts.updated},
                          {"errors", import_errors_json(parsed.errors)}});
}

http::response list_contacts(api_context& c, const http::request& request) {
  const auto after = query_number(request, "after", 0, 0, INT64_MAX);
  const auto limit = static_cast<int>(query_number(request, "limit", 1000, 1, 10000));
  json out = json::array();
  const auto archived = archived_query(request);
  for (const auto& contact : c.contacts.list(filter_from_query(request), after, limit, archived)) {
    out.push_back(contact_json(contact));
  }
  return json_reply(200, out);
}

http::response get_contact(api_context& c, const http::request& request) {
  const auto id = path_id(request, "a contact");
  const auto contact = c.contacts.find(id);
  if (!contact) return http::error_response(404, "no contact " + std::to_string(id));
  return json_reply(200, contact_json(*contact));
}

// The stored phone belonging to another contact is a conflict, found before the store's own check.
std::optional<http::response> phone_conflict(api_context& c, const queue::contact& edited) {
  const auto owner = c.contacts.find_by_phone(edited.phone);
  if (!owner || owner->id == edited.id || owner->phone != edited.phone) return std::nullopt;
  const std::string archived = owner->archived_at ? " (archived: restore it instead)" : "";
  return http::error_response(409,
                              "no_hp: the number is contact " + std::to_string(owner->id) + "'s already" + archived);
}

http::response post_contact(api_context& c, const http::request& request) {
  queue::contact contact;
  apply_contact_json(json_body(request), c.region, contact);
  if (auto conflict = phone_conflict(c, contact)) return *conflict;
  c.contacts.upsert({contact}, c.now());
  return json_reply(201, {{"id", c.contacts.find_by_phone(contact.phone)->id}});
}

http::response put_contact(api_context& c, const http::request& request) {
  const auto id = path_id(request, "a contact");
  auto contact = c.contacts.find(id);
  if (!contact) return http::error_response(404, "no contact " + std::to_string(id));
  apply_contact_json(json_body(request), c.region, *contact);
  if (auto conflict = phone_conflict(c, *contact)) return *conflict;
  c.contacts.update(*contact, c.now());
  return json_reply(200, contact_json(*contact));
}

http::response export_contacts(api_context& c, const http::request& request) {
  return table_download(request, {contacts::contact_table(c.contacts.list(filter_from_query(request), 0, everyone))},
                        "kontak");
}

http::response problem_numbers(api_context& c, const http::request& request) {
  const auto last = static_cast<int>(query_number(request, "last", 2, 1, 20));
  json out = json::array();
  for (const auto& p : c.contacts.problem_numbers(last)) {
    out.push_back({{"contact", contact_json(p.who)},
                   {"failed", p.failed},
                   {"undelivered", p.undelivered},
                   {"evidence", p.evidence},
                   {"last_attempt", iso_utc(p.last_attempt)}});
  }
  return json_reply(200, out);
}

// The names the web UI offers when picking a broadcast's audience, in the filters' keys.
http::response facets(api_context& c, const http::request&) {
  const queue::contact_facets f = c.contacts.facets();
  json desa = json::array();
  for (const auto& d : f.desa) desa.push_back({{"name", d.name}, {"kecamatan", or_null(d.kecamatan)}});
  return json_reply(200, {{"kecamatan", f.kecamatan}, {"desa", std::move(desa)}, {"peran", f.roles}, {"tags", f.tags}});
}

}  // namespace

void add_contact_routes(http::router& routes, api_context& c) {
  const auto route = [&](const char* method, const char* pattern, auto handler, http::route_options options = {}) {
    routes.add(method, pattern, guarded([&c, handler](const http::request& r) { return handler(c, r); }), options);
  };
  // Literal paths before /api/v1/contacts/{id}: the first route added wins.
  // Parsed on the reader thread; only the upsert runs on the writer.
  route("POST", "/api/v1/contacts/import", import_contacts,
        {.auth = true, .max_body = import_body_limit, .where = http::runs_on::reader});
  add_import_review_routes(routes, c);
  route("GET", "/api/v1/contacts/export", export_contacts);
  route("GET", "/api/v1/contacts/problems", problem_numbers);
  route("GET", "/api/v1/contacts/facets", facets);
  route("GET", "/api/v1/contacts", list_contacts);
  route("POST", "/api/v1/contacts", post_contact);
  route("GET", "/api/v1/contacts/{id}", get_contact);
  route("PUT", "/api/v1/contacts/{id}", put_contact);
  add_officer_routes(routes, c);
  add_group_routes(routes, c);
}

}  // namespace siaran::daemon::api
