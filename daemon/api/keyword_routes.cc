// SPDX-License-Identifier: GPL-3.0-or-later
// The inbox keywords and their automatic answers (docs/api.md "Keywords"): GET, PUT and DELETE
// /api/v1/keywords. Everyone signed in may read them (an officer writes broadcasts that ask for
// HADIR or INFO and must know the words); only an admin changes them, for the whole office. A
// change is saved in the store, then swapped into the copy the reply router reads: the next
// reply already meets it.

#include <spdlog/spdlog.h>

#include "daemon/api/api_context.h"
#include "daemon/api/request_helpers.h"
#include "daemon/inbox/keyword_settings.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

json current_json(const inbox::keyword_setup& setup) {
  json out = inbox::keyword_settings_json(setup.settings);
  out["source"] = setup.saved ? "saved" : "config";
  return out;
}

// 422 {"error": the first problem, "errors": [{"field", "word", "error"}...]}: the page shows
// each beside its field.
http::response refused(const std::vector<inbox::keyword_problem>& problems) {
  json errors = json::array();
  for (const auto& p : problems)
    errors.push_back({{"field", p.field}, {"word", p.word}, {"error", p.error}});
  return json_reply(
      422, {{"error", problems.front().field + ": " + problems.front().error}, {"errors", errors}});
}

http::response get_keywords(api_context& c) {
  return json_reply(200, current_json(*c.keywords->now()));
}

http::response put_keywords(api_context& c, const http::request& request) {
  inbox::keyword_settings settings;
  try {
    settings = inbox::keyword_settings_from_json(json_body(request), c.keywords->now()->settings);
  } catch (const std::invalid_argument& e) {
    throw bad_request(e.what());
  }
  if (const auto problems = inbox::keyword_problems(settings); !problems.empty())
    return refused(problems);
  inbox::save_keywords(c.events, settings);
  c.keywords->use_saved(std::move(settings));
  spdlog::info("inbox keywords saved from the web page: they replace the configuration's");
  return get_keywords(c);
}

http::response restore_keywords(api_context& c) {
  inbox::forget_saved_keywords(c.events);
  c.keywords->use_yaml();
  spdlog::info("inbox keywords back to the configuration's");
  return get_keywords(c);
}

}  // namespace

void add_keyword_routes(http::router& routes, api_context& c) {
  const http::route_options admins{.min_role = http::role::admin};
  routes.add("GET", "/api/v1/keywords",
             guarded([&c](const http::request&) { return get_keywords(c); }));
  routes.add("PUT", "/api/v1/keywords",
             guarded([&c](const http::request& r) { return put_keywords(c, r); }), admins);
  routes.add("DELETE", "/api/v1/keywords",
             guarded([&c](const http::request&) { return restore_keywords(c); }), admins);
}

}  // namespace siaran::daemon::api
