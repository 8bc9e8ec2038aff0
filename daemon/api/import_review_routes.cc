// SPDX-License-Identifier: GPL-3.0-or-later
// The import review (docs/api.md "Import review"): a contact file compared with the stored
// contacts, kept for its caller, and applied by them as reviewed.

#include <spdlog/spdlog.h>

#include <memory>

#include "daemon/api/api_context.h"
#include "daemon/api/import_steps.h"
#include "daemon/api/message_json.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "daemon/imports/import_review.h"
#include "daemon/imports/review_shelf.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

// Whose review it is: a user, or an API token (user_id 0) by its name.
std::string owner_of(const http::principal& who) {
  return who.user_id != 0 ? "user " + std::to_string(who.user_id) : "token " + who.name;
}

json changed_json(const std::vector<imports::changed_contact>& changed) {
  json out = json::array();
  for (const auto& c : changed) {
    json fields = json::object();
    for (const auto& change : c.changes) fields[change.name] = {or_null(change.before), or_null(change.after)};
    out.push_back({{"line", c.line}, {"contact_id", c.contact_id}, {"fields", std::move(fields)}});
  }
  return out;
}

// Compared on the reader thread: one lookup per row, nothing written.
http::response review(api_context& c, imports::review_shelf& shelf, const http::request& request) {
  const auto parsed = parse_import_body(c, request);
  const auto stored = [&c](const std::string& phone) { return c.contacts.find_by_phone(phone); };
  auto reviewed = imports::review_import(parsed, stored);
  json answer = {{"new", reviewed.new_contacts},
                 {"changed", changed_json(reviewed.changed)},
                 {"unchanged", reviewed.unchanged},
                 {"errors", import_errors_json(reviewed.errors)}};
  answer["id"] = shelf.keep(owner_of(request.who), std::move(reviewed), c.now());
  return json_reply(201, answer);
}

http::response apply(api_context& c, imports::review_shelf& shelf, const http::request& request) {
  const auto id = path_id(request, "an import review");
  const auto reviewed = shelf.take(id, owner_of(request.who), c.now());
  if (!reviewed) return http::error_response(404, "no import review " + std::to_string(id) + " of yours to apply");
  const queue::upsert_counts counts = upsert_in_steps(c, reviewed->rows);
  spdlog::info("import review {} applied by {}: {} new, {} updated", id, request.who.name, counts.inserted,
               counts.updated);
  return json_reply(200, {{"imported", counts.inserted + counts.updated},
                          {"inserted", counts.inserted},
                          {"updated", counts.updated}});
}

}  // namespace

void add_import_review_routes(http::router& routes, api_context& c) {
  auto shelf = std::make_shared<imports::review_shelf>();
  // Both on the reader: the comparison reads the store, and the apply waits for the writer's steps.
  routes.add("POST", "/api/v1/contacts/import/review",
             guarded([&c, shelf](const http::request& r) { return review(c, *shelf, r); }),
             {.auth = true, .max_body = import_body_limit, .where = http::runs_on::reader});
  routes.add("POST", "/api/v1/contacts/import/review/{id}/apply",
             guarded([&c, shelf](const http::request& r) { return apply(c, *shelf, r); }),
             {.auth = true, .where = http::runs_on::reader});
}

}  // namespace siaran::daemon::api
