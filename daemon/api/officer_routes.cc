// SPDX-License-Identifier: GPL-3.0-or-later
// POST/GET /api/v1/officers, GET/PUT /api/v1/officers/{id} (docs/api.md "Contacts, officers and
// groups"). Officers are who accounts send as: only an admin adds or changes one.


#include "daemon/api/api_context.h"
#include "daemon/api/contact_json.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

http::response post_officer(api_context& c, const http::request& request) {
  const auto officer = officer_from_json(json_body(request), c.region);
  return json_reply(201, {{"id", c.contacts.add_officer(officer, c.now())}});
}

http::response list_officers(api_context& c, const http::request& request) {
  json out = json::array();
  for (const auto& o : c.contacts.officers(archived_query(request))) out.push_back(officer_json(o));
  return json_reply(200, out);
}

http::response get_officer(api_context& c, const http::request& request) {
  const auto id = path_id(request, "an officer");
  const auto officer = c.contacts.find_officer(id);
  if (!officer) return http::error_response(404, "no officer " + std::to_string(id));
  return json_reply(200, officer_json(*officer));
}

// Every field as POST takes it: a field left out is cleared or takes its default, as in POST.
http::response put_officer(api_context& c, const http::request& request) {
  const auto id = path_id(request, "an officer");
  auto officer = officer_from_json(json_body(request), c.region);
  officer.id = id;
  if (!c.contacts.update_officer(officer)) return http::error_response(404, "no officer " + std::to_string(id));
  return json_reply(200, officer_json(officer));
}

}  // namespace

void add_officer_routes(http::router& routes, api_context& c) {
  const http::route_options admin_only{.min_role = http::role::admin};
  routes.add("POST", "/api/v1/officers", guarded([&c](const http::request& r) { return post_officer(c, r); }),
             admin_only);
  routes.add("GET", "/api/v1/officers", guarded([&c](const http::request& r) { return list_officers(c, r); }));
  routes.add("GET", "/api/v1/officers/{id}", guarded([&c](const http::request& r) { return get_officer(c, r); }));
  routes.add("PUT", "/api/v1/officers/{id}", guarded([&c](const http::request& r) { return put_officer(c, r); }),
             admin_only);
}

}  // namespace siaran::daemon::api
