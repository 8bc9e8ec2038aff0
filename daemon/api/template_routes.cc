// SPDX-License-Identifier: GPL-3.0-or-later
// Saved message templates (docs/api.md "Templates"): GET/POST /api/v1/templates, PUT/DELETE
// /api/v1/templates/{id}. A template is its officer's (officer_scope.h): an officer lists their
// own and the shared ones and changes only their own; admins and scripts see and change every
// one. Shared, because the secretariat's standing texts (the monthly Posyandu call) are written
// once for everyone, while an officer's drafts stay out of the others' lists by default.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string_view>

#include "common/ascii.h"
#include "daemon/api/api_context.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/json_fields.h"
#include "daemon/api/officer_scope.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

constexpr std::size_t max_name = 60;
constexpr std::string_view known_keys[] = {"name", "text", "shared", "officer_id"};

json template_json(const queue::saved_template& t, const http::principal& who) {
  return {{"id", t.id},
          {"name", t.name},
          {"text", t.text},
          {"shared", t.shared},
          {"officer_id", t.officer_id ? json(*t.officer_id) : json(nullptr)},
          {"editable", who.level != http::role::viewer && sees(who, t.officer_id)},
          {"created_at", iso_utc(t.created_at)},
          {"updated_at", iso_utc(t.updated_at)}};
}

json object_of(const http::request& request) {
  json body = json_body(request);
  if (!body.is_object()) throw bad_request("the body must be a JSON object");
  for (const auto& [key, value] : body.items()) {
    if (std::find(std::begin(known_keys), std::end(known_keys), key) == std::end(known_keys))
      throw bad_request(key + ": unknown field");
  }
  return body;
}

// The fields the body gives, over `t`; bad_request for a wrong one, broadcast_error for a text
// that could not be a broadcast's.
void read_fields(const json& body, queue::saved_template& t) {
  if (body.contains("name")) {
    t.name = std::string(common::trim(required_string(body, "name")));
    if (t.name.empty() || t.name.size() > max_name) throw bad_request("name: 1 to 60 characters");
  }
  if (body.contains("text")) t.text = required_string(body, "text");
  if (const auto shared = field_boolean(body, "shared")) t.shared = *shared;
  parsed_template(t.text);
}

// The template, unless there is none or `who` may not see it (the same 404).
std::optional<queue::saved_template> visible(api_context& c, const http::request& request,
                                             std::int64_t id) {
  auto t = c.templates->find(id);
  if (!t || !(t->shared || sees(request.who, t->officer_id))) return std::nullopt;
  return t;
}

http::response taken(const queue::saved_template& t) {
  return http::error_response(409, "a template named '" + t.name + "' exists");
}

http::response list_templates(api_context& c, const http::request& request) {
  json out = json::array();
  for (const auto& t : c.templates->list(listed_officer(request.who)))
    out.push_back(template_json(t, request.who));
  return json_reply(200, out);
}

http::response post_template(api_context& c, const http::request& request) {
  const json body = object_of(request);
  if (!body.contains("name") || !body.contains("text"))
    throw bad_request("name and text are required");
  queue::saved_template t;
  t.officer_id = acting_officer(request.who, field_integer(body, "officer_id", id_range));
  if (t.officer_id && !c.contacts.find_officer(*t.officer_id)) {
    return http::error_response(422, "unknown officer " + std::to_string(*t.officer_id));
  }
  try {
    read_fields(body, t);
  } catch (const broadcast_error& e) {
    return http::error_response(422, e.what());
  }
  t.created_at = t.updated_at = c.now();
  const auto id = c.templates->add(t);
  if (!id) return taken(t);
  t.id = *id;
  spdlog::info("template {} saved", t.id);
  return json_reply(201, template_json(t, request.who));
}

http::response put_template(api_context& c, const http::request& request) {
  const std::int64_t id = path_id(request, "a template");
  auto t = visible(c, request, id);
  if (!t) return http::error_response(404, "no template " + std::to_string(id));
  require_change(request.who, t->officer_id, "template " + std::to_string(id));
  const json body = object_of(request);
  if (body.contains("officer_id")) throw bad_request("officer_id: a template keeps its officer");
  try {
    read_fields(body, *t);
  } catch (const broadcast_error& e) {
    return http::error_response(422, e.what());
  }
  t->updated_at = c.now();
  if (!c.templates->update(*t)) return taken(*t);
  return json_reply(200, template_json(*t, request.who));
}

http::response delete_template(api_context& c, const http::request& request) {
  const std::int64_t id = path_id(request, "a template");
  const auto t = visible(c, request, id);
  if (!t) return http::error_response(404, "no template " + std::to_string(id));
  require_change(request.who, t->officer_id, "template " + std::to_string(id));
  c.templates->archive(id, c.now());
  spdlog::info("template {} archived", id);
  return http::json_response(204, "");
}

}  // namespace

void add_template_routes(http::router& routes, api_context& context) {
  auto bind = [&context](http::response (*handler)(api_context&, const http::request&)) {
    return guarded(
        [&context, handler](const http::request& request) { return handler(context, request); });
  };
  routes.add("GET", "/api/v1/templates", bind(list_templates));
  routes.add("POST", "/api/v1/templates", bind(post_template));
  routes.add("PUT", "/api/v1/templates/{id}", bind(put_template));
  routes.add("DELETE", "/api/v1/templates/{id}", bind(delete_template));
}

}  // namespace siaran::daemon::api
