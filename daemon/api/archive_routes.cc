// SPDX-License-Identifier: GPL-3.0-or-later
// Archive, restore and delete contacts, groups and officers (docs/api.md "Archive and restore").
// DELETE deletes only what has no history and archives the rest: a script that cleans up sees
// the thing gone from every list either way, and a message sent or received is never lost to a
// click. A group that an upcoming meeting or an active recurring broadcast goes to is refused
// (409, naming them): archiving it would silently empty them.

#include <spdlog/spdlog.h>

#include "daemon/api/api_context.h"
#include "daemon/api/contact_json.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "queue/archive_book.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;
using queue::archivable;

struct kind_words {
  const char* noun;  // "contact"
  const char* what;  // path_id's "a contact"
};

kind_words words_of(archivable kind) {
  switch (kind) {
    case archivable::contact:
      return {"contact", "a contact"};
    case archivable::group:
      return {"group", "a group"};
    case archivable::officer:
      return {"officer", "an officer"};
  }
  return {"", ""};
}

http::response missing(archivable kind, std::int64_t id) {
  return http::error_response(404,
                              std::string("no ") + words_of(kind).noun + " " + std::to_string(id));
}

// The archivable object as its own GET answers it, or nothing when there is none.
std::optional<json> stored_json(api_context& c, archivable kind, std::int64_t id) {
  switch (kind) {
    case archivable::contact:
      if (const auto found = c.contacts.find(id)) return contact_json(*found);
      break;
    case archivable::group:
      if (const auto found = c.contacts.find_group(id)) {
        return json{{"id", found->id},
                    {"name", found->name},
                    {"archived_at", archived_json(found->archived_at)}};
      }
      break;
    case archivable::officer:
      if (const auto found = c.contacts.find_officer(id)) return officer_json(*found);
      break;
  }
  return std::nullopt;
}

// 409 naming the plans that still go to the group, or nothing when none does.
std::optional<http::response> group_in_plans(api_context& c, queue::archive_book& archive,
                                             std::int64_t id) {
  const auto plans = archive.plans_for_group(id, c.now());
  if (plans.empty()) return std::nullopt;
  json listed = json::array();
  for (const auto& p : plans)
    listed.push_back({{"kind", p.kind}, {"id", p.id}, {"title", p.title}});
  return json_reply(
      409, {{"error", "group " + std::to_string(id) +
                          " is the audience of upcoming meetings or recurring broadcasts: cancel "
                          "them or choose another audience first"},
            {"plans", std::move(listed)}});
}

http::response archive_one(api_context& c, queue::archive_book& archive, archivable kind,
                           const http::request& request) {
  const auto id = path_id(request, words_of(kind).what);
  if (kind == archivable::group) {
    if (auto refused = group_in_plans(c, archive, id)) return *refused;
  }
  if (!archive.archive(kind, id, c.now())) return missing(kind, id);
  spdlog::info("{} {} archived by {}", words_of(kind).noun, id, request.who.name);
  return json_reply(200, *stored_json(c, kind, id));
}

http::response restore_one(api_context& c, queue::archive_book& archive, archivable kind,
                           const http::request& request) {
  const auto id = path_id(request, words_of(kind).what);
  if (!archive.restore(kind, id)) return missing(kind, id);
  spdlog::info("{} {} restored by {}", words_of(kind).noun, id, request.who.name);
  return json_reply(200, *stored_json(c, kind, id));
}

http::response delete_one(api_context& c, queue::archive_book& archive, archivable kind,
                          const http::request& request) {
  const auto id = path_id(request, words_of(kind).what);
  if (kind == archivable::group) {
    if (auto refused = group_in_plans(c, archive, id)) return *refused;
  }
  const auto done = archive.remove_or_archive(kind, id, c.now());
  if (done == queue::removal::missing) return missing(kind, id);
  const bool deleted = done == queue::removal::deleted;
  spdlog::info("{} {} {} by {}", words_of(kind).noun, id,
               deleted ? "deleted" : "archived (it has a history)", request.who.name);
  if (deleted) return json_reply(200, {{"id", id}, {"result", "deleted"}});
  json reply = *stored_json(c, kind, id);
  reply["result"] = "archived";
  return json_reply(200, reply);
}

}  // namespace

void add_archive_routes(http::router& routes, api_context& c, queue::archive_book& archive) {
  const auto route = [&](const char* method, const char* pattern, auto action, archivable kind,
                         http::route_options options = {}) {
    routes.add(method, pattern, guarded([&c, &archive, action, kind](const http::request& r) {
                 return action(c, archive, kind, r);
               }),
               options);
  };
  // Who may archive is who may change it: officers for contacts and groups, admins for officers.
  const http::route_options admin_only{.min_role = http::role::admin};
  route("POST", "/api/v1/contacts/{id}/archive", archive_one, archivable::contact);
  route("POST", "/api/v1/contacts/{id}/restore", restore_one, archivable::contact);
  route("DELETE", "/api/v1/contacts/{id}", delete_one, archivable::contact);
  route("POST", "/api/v1/groups/{id}/archive", archive_one, archivable::group);
  route("POST", "/api/v1/groups/{id}/restore", restore_one, archivable::group);
  route("DELETE", "/api/v1/groups/{id}", delete_one, archivable::group);
  route("POST", "/api/v1/officers/{id}/archive", archive_one, archivable::officer, admin_only);
  route("POST", "/api/v1/officers/{id}/restore", restore_one, archivable::officer, admin_only);
  route("DELETE", "/api/v1/officers/{id}", delete_one, archivable::officer, admin_only);
}

}  // namespace siaran::daemon::api
