// SPDX-License-Identifier: GPL-3.0-or-later
// POST/GET /api/v1/groups, GET /api/v1/groups/{id}, GET /api/v1/groups/{id}/export (docs/api.md
// "Contacts, officers and groups"). A group is a saved filter or an explicit list of contact ids.


#include "daemon/api/api_context.h"
#include "daemon/api/contact_json.h"
#include "daemon/api/json_fields.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "daemon/api/table_download.h"
#include "daemon/contacts/contact_export.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

queue::group group_from_json(const json& body) {
  if (!body.is_object()) throw bad_request("the body must be a JSON object");
  for (const auto& [key, value] : body.items()) {
    if (key != "name" && key != "filter" && key != "contacts") throw bad_request(key + ": unknown field");
  }
  queue::group g;
  g.name = required_string(body, "name");
  const bool has_filter = body.contains("filter");
  const bool has_contacts = body.contains("contacts");
  if (has_filter == has_contacts) throw bad_request("give either filter or contacts");
  if (has_filter) g.filter = filter_from_json(body["filter"], "filter.");
  if (has_contacts) g.members = id_list(body["contacts"], "contacts");
  return g;
}

http::response post_group(api_context& c, const http::request& request) {
  const auto g = group_from_json(json_body(request));
  if (c.contacts.find_group_by_name(g.name)) return http::error_response(409, "a group named '" + g.name + "' exists");
  for (const auto member : g.members) {
    if (!c.contacts.find(member)) return http::error_response(422, "contacts: no contact " + std::to_string(member));
  }
  return json_reply(201, {{"id", c.contacts.add_group(g, c.now())}});
}

json group_json(api_context& c, const queue::group& g) {
  json out = {{"id", g.id},
              {"name", g.name},
              {"filter", g.filter ? filter_json(*g.filter) : json(nullptr)},
              {"member_count", c.contacts.resolve({{g.id}, {}, std::nullopt}).size()},
              {"archived_at", archived_json(g.archived_at)}};
  if (!g.filter) out["contacts"] = g.members;
  return out;
}

http::response list_groups(api_context& c, const http::request& request) {
  json out = json::array();
  for (const auto& g : c.contacts.groups(archived_query(request))) out.push_back(group_json(c, g));
  return json_reply(200, out);
}

http::response get_group(api_context& c, const http::request& request) {
  const auto id = path_id(request, "a group");
  const auto g = c.contacts.find_group(id);
  if (!g) return http::error_response(404, "no group " + std::to_string(id));
  return json_reply(200, group_json(c, *g));
}

// The members as the contact export writes them (opted-out ones too, marked berhenti), so that a
// group sent to a colleague as a spreadsheet imports back.
http::response export_group(api_context& c, const http::request& request) {
  const auto id = path_id(request, "a group");
  const auto g = c.contacts.find_group(id);
  if (!g) return http::error_response(404, "no group " + std::to_string(id));
  return table_download(request, {contacts::contact_table(c.contacts.resolve({{g->id}, {}, std::nullopt}))},
                        "grup-" + std::to_string(id));
}

}  // namespace

void add_group_routes(http::router& routes, api_context& c) {
  routes.add("POST", "/api/v1/groups", guarded([&c](const http::request& r) { return post_group(c, r); }));
  routes.add("GET", "/api/v1/groups", guarded([&c](const http::request& r) { return list_groups(c, r); }));
  routes.add("GET", "/api/v1/groups/{id}", guarded([&c](const http::request& r) { return get_group(c, r); }));
  routes.add("GET", "/api/v1/groups/{id}/export",
             guarded([&c](const http::request& r) { return export_group(c, r); }));
}

}  // namespace siaran::daemon::api
