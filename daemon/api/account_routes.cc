// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts (docs/api.md "Accounts, sessions and tokens"): POST/GET/DELETE /api/v1/session,
// POST /api/v1/session/password, /api/v1/users[/{id}] and /api/v1/tokens[/{id}] (admins).

#include <spdlog/spdlog.h>

#include <algorithm>

#include "common/ascii.h"
#include "common/log_text.h"
#include "daemon/accounts/account_services.h"
#include "daemon/accounts/password.h"
#include "daemon/accounts/session_cookie.h"
#include "daemon/accounts/user_name.h"
#include "daemon/api/api_context.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/json_fields.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "daemon/http/bearer.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;
using accounts::account_services;

constexpr std::string_view wrong_login = "wrong name or password";

template <class T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

void only_keys(const json& body, std::initializer_list<std::string_view> known) {
  if (!body.is_object()) throw bad_request("the body must be a JSON object");
  for (const auto& [key, value] : body.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) throw bad_request("unknown field '" + key + "'");
  }
}

std::string text_field(const json& body, const char* key) {
  auto text = field_string(body, key);
  if (!text) throw bad_request(std::string(key) + ": is required (text)");
  return std::move(*text);
}

// null or absent: nothing; else an id.
std::optional<std::int64_t> officer_field(const json& body) { return field_integer(body, "officer_id", id_range); }

http::response no_content() { return http::json_response(204, ""); }

json session_json(const queue::user& u, const std::string& csrf) {
  return {{"user", {{"id", u.id}, {"name", u.name}, {"role", u.role}, {"officer_id", optional_json(u.officer_id)}}},
          {"csrf", csrf}};
}

json user_json(api_context& c, const queue::user& u) {
  std::optional<std::string> officer_name;
  if (u.officer_id) {
    if (const auto officer = c.contacts.find_officer(*u.officer_id)) officer_name = officer->name;
  }
  return {{"id", u.id},
          {"name", u.name},
          {"role", u.role},
          {"officer_id", optional_json(u.officer_id)},
          {"officer_name", optional_json(officer_name)},
          {"disabled", u.disabled},
          {"created_at", iso_utc(u.created_at)}};
}

// A hash of a password nobody has, checked when the name is unknown, so that the answer takes
// as long as for a wrong password and does not tell which names exist.
const std::string& decoy_hash() {
  static const std::string hash = accounts::hash_password("siaran-decoy-password");
  return hash;
}

// What checking a password found: whether it is right, and the hash it should be stored under
// from now on when it was made with older parameters.
struct password_check {
  bool right = false;
  std::optional<std::string> rehashed;
};

password_check check_password(const std::optional<queue::user>& u, const std::string& password) {
  if (!u) {
    static_cast<void>(accounts::verify_password(decoy_hash(), password));
    return {};
  }
  if (!accounts::verify_password(u->password_hash, password)) return {};
  if (!accounts::needs_rehash(u->password_hash)) return {true, std::nullopt};
  return {true, accounts::hash_password(password)};
}

http::response too_many_attempts(std::chrono::seconds wait) {
  http::response refused = json_reply(429, {{"error", "too many failed logins: try again later"},
                                            {"retry_after", wait.count()}});
  refused.headers.emplace_back("Retry-After", std::to_string(wait.count()));
  return refused;
}

// Runs on a thread of its own (runs_on::password_checks), as the password change does, not on
// the writer: an Argon2 check takes about 0.1 s and 64 MiB, and on the writer it would hold
// every write behind it, the dispatcher's claims and sends included; on the reader, every
// page's reads. The limiter and the account are read and changed in two short steps on the
// writer, which owns them; the limiter's step comes first, so that a refused attempt costs no
// hashing at all.
http::response post_session(account_services& a, const http::request& request) {
  const json body = json_body(request);
  only_keys(body, {"name", "password"});
  const std::string name = text_field(body, "name");
  const std::string password = text_field(body, "password");
  const std::string& address = request.remote_address;
  const std::string limited_name = common::lowercase(name);  // names are unique whatever their case
  std::optional<std::chrono::seconds> wait;
  std::optional<queue::user> u;
  a.on_writer([&] {
    const auto now = std::chrono::steady_clock::now();
    wait = a.limiter.refusal_wait(address, limited_name, now);
    if (wait) return a.refusals.refused(address, name, "too many failed logins", now);
    u = a.book.find_user(name);
  });
  if (wait) return too_many_attempts(*wait);
  const password_check checked = check_password(u, password);
  std::optional<accounts::opened_session> opened;
  a.on_writer([&] {
    const auto now = std::chrono::steady_clock::now();
    if (!checked.right || u->disabled) return a.refusals.refused(address, name, wrong_login, now);
    a.limiter.succeeded(address, limited_name, now);
    if (checked.rehashed) a.book.set_password_hash(u->id, *checked.rehashed, a.now());
    opened = a.sessions.open(*u, a.now());
  });
  if (!opened) return http::error_response(401, wrong_login);
  spdlog::info("{} logged in from {}", common::log_text(u->name), common::log_text(address));
  http::response ok = json_reply(200, session_json(*u, opened->csrf));
  ok.headers.emplace_back("Set-Cookie", accounts::session_set_cookie(opened->token, opened->max_age));
  return ok;
}

http::response get_session(account_services& a, const http::request& request) {
  if (!request.who.session) {
    return json_reply(200, {{"user", {{"id", 0}, {"name", request.who.name}, {"role", "admin"}, {"officer_id", nullptr}}},
                            {"csrf", nullptr}});
  }
  const auto found = accounts::session_of(request, a.sessions, a.now());
  if (!found) return http::unauthorized();
  return json_reply(200, session_json(found->user, found->record.csrf));
}

http::response delete_session(account_services& a, const http::request& request) {
  if (const auto token = accounts::session_cookie(request.header("cookie")); token && request.who.session) {
    a.sessions.close(*token);
    spdlog::info("{} logged out", common::log_text(request.who.name));
  }
  http::response done = no_content();
  done.headers.emplace_back("Set-Cookie", accounts::session_clear_cookie());
  return done;
}

// The new password's problem as 422, or nothing.
std::optional<http::response> refuse_password(const std::string& password) {
  if (const auto problem = accounts::password_problem(password)) return http::error_response(422, *problem);
  return std::nullopt;
}

http::response post_password(account_services& a, const http::request& request) {
  if (!request.who.session) return http::error_response(403, "API tokens have no password: log in as a user");
  const json body = json_body(request);
  only_keys(body, {"current", "new"});
  const std::string current = text_field(body, "current");
  const std::string fresh = text_field(body, "new");
  std::optional<queue::user> u;
  a.on_writer([&] { u = a.book.find_user(request.who.user_id); });
  if (!u || !accounts::verify_password(u->password_hash, current)) {
    return http::error_response(403, "the current password is wrong");
  }
  if (auto refused = refuse_password(fresh)) return std::move(*refused);
  const std::string hash = accounts::hash_password(fresh);
  a.on_writer([&] {
    a.book.set_password_hash(u->id, hash, a.now());
    a.sessions.close_others(u->id, accounts::session_cookie(request.header("cookie")).value_or(""));
  });
  spdlog::info("{} changed their password", common::log_text(u->name));
  return no_content();
}

std::optional<http::response> refuse_officer(api_context& c, const std::optional<std::int64_t>& officer_id) {
  if (officer_id && !c.contacts.find_officer(*officer_id)) {
    return http::error_response(422, "no officer " + std::to_string(*officer_id));
  }
  return std::nullopt;
}

std::optional<http::role> role_field(const json& body) {
  const auto name = field_string(body, "role");
  return name ? http::role_from_name(*name) : std::nullopt;
}

http::response bad_role() { return http::error_response(422, "role must be viewer, officer or admin"); }

http::response list_users(api_context& c, account_services& a) {
  json out = json::array();
  for (const auto& u : a.book.users()) out.push_back(user_json(c, u));
  return json_reply(200, out);
}

// POST and PUT of a user run on the password checks' thread, as the login does (post_session
// says why); what they read and change of the store runs in one step on the writer.
http::response post_user(api_context& c, account_services& a, const http::request& request) {
  const json body = json_body(request);
  only_keys(body, {"name", "password", "role", "officer_id"});
  queue::user u;
  u.name = text_field(body, "name");
  if (const auto problem = accounts::user_name_problem(u.name)) return http::error_response(422, *problem);
  const std::string password = text_field(body, "password");
  const auto level = role_field(body);
  if (!level) return bad_role();
  u.role = http::role_name(*level);
  u.officer_id = officer_field(body);
  if (auto refused = refuse_password(password)) return std::move(*refused);
  u.password_hash = accounts::hash_password(password);
  std::optional<http::response> answer;
  a.on_writer([&] {
    answer = refuse_officer(c, u.officer_id);
    if (answer) return;
    u.created_at = u.password_changed_at = a.now();
    u.id = a.book.add_user(u);
    answer = json_reply(201, user_json(c, u));
    spdlog::info("{} added user {} ({})", common::log_text(request.who.name), common::log_text(u.name), u.role);
  });
  return std::move(*answer);
}

http::response put_user(api_context& c, account_services& a, const http::request& request) {
  const std::int64_t id = path_id(request, "a user");
  const json body = json_body(request);
  only_keys(body, {"role", "officer_id", "disabled", "password"});
  std::optional<http::role> level;
  if (body.contains("role") && !(level = role_field(body))) return bad_role();
  const bool sets_officer = body.contains("officer_id");
  const std::optional<std::int64_t> officer_id = sets_officer ? officer_field(body) : std::nullopt;
  const std::optional<bool> disabled = field_boolean(body, "disabled");
  std::optional<std::string> hash;
  if (body.contains("password")) {
    const std::string password = text_field(body, "password");
    if (auto refused = refuse_password(password)) return std::move(*refused);
    hash = accounts::hash_password(password);
  }
  std::optional<http::response> answer;
  a.on_writer([&] {
    auto u = a.book.find_user(id);
    if (!u) {
      answer = http::error_response(404, "no user " + std::to_string(id));
      return;
    }
    if (level) u->role = http::role_name(*level);
    if (sets_officer) u->officer_id = officer_id;
    if (disabled) u->disabled = *disabled;
    answer = refuse_officer(c, u->officer_id);
    if (answer) return;
    a.book.update_user(*u);
    if (hash) a.book.set_password_hash(id, *hash, a.now());
    if (hash || u->disabled) {
      // An admin changing their own password here stays logged in, like POST /session/password.
      const bool self = request.who.user_id == id;
      a.sessions.close_others(id, self ? accounts::session_cookie(request.header("cookie")).value_or("") : "");
    }
    answer = json_reply(200, user_json(c, *u));
    spdlog::info("{} changed user {}", common::log_text(request.who.name), common::log_text(u->name));
  });
  return std::move(*answer);
}

http::response delete_user(account_services& a, const http::request& request) {
  const std::int64_t id = path_id(request, "a user");
  if (id == request.who.user_id) return http::error_response(409, "you cannot delete your own account");
  if (!a.book.delete_user(id)) return http::error_response(404, "no user " + std::to_string(id));
  spdlog::info("{} deleted user {}", common::log_text(request.who.name), id);
  return no_content();
}

http::response list_tokens(account_services& a) {
  json out = json::array();
  for (const auto& t : a.tokens.list()) {
    out.push_back({{"id", optional_json(t.id)},
                   {"name", t.name},
                   {"source", t.from_config ? "config" : "web"},
                   {"created_at", t.created_at ? json(iso_utc(*t.created_at)) : json(nullptr)}});
  }
  return json_reply(200, out);
}

http::response post_token(account_services& a, const http::request& request) {
  const json body = json_body(request);
  only_keys(body, {"name"});
  const std::string name = text_field(body, "name");
  if (const auto problem = accounts::user_name_problem(name)) return http::error_response(422, *problem);
  const std::optional<std::int64_t> by = request.who.user_id ? std::optional(request.who.user_id) : std::nullopt;
  const auto made = a.tokens.create(name, by, a.now());
  spdlog::info("{} made API token {}", common::log_text(request.who.name), common::log_text(name));
  return json_reply(201, {{"id", made.id}, {"name", made.name}, {"token", made.token}});
}

http::response delete_token(account_services& a, const http::request& request) {
  const std::int64_t id = path_id(request, "an API token");
  if (!a.tokens.remove(id)) return http::error_response(404, "no API token " + std::to_string(id) + " made here");
  spdlog::info("{} deleted API token {}", common::log_text(request.who.name), id);
  return no_content();
}

// A conflict with what is stored (a name taken, the last admin) is the client's 409.
http::handler conflicts_answered(http::handler inner) {
  return guarded([inner = std::move(inner)](const http::request& request) {
    try {
      return inner(request);
    } catch (const queue::account_conflict& e) {
      return http::error_response(409, e.what());
    }
  });
}

}  // namespace

// Accounts, sessions and tokens are one set, on the writer thread's connection (authentication
// runs there too): their reads run there as well. The login checks its password elsewhere and
// reaches them through account_services::on_writer.
void add_account_routes(http::router& routes, api_context& c, account_services& a) {
  const http::route_options admins{.min_role = http::role::admin, .where = http::runs_on::writer};
  const http::route_options admins_hashing{.min_role = http::role::admin, .where = http::runs_on::password_checks};
  routes.add("POST", "/api/v1/session", guarded([&a](const http::request& r) { return post_session(a, r); }),
             {.auth = false, .where = http::runs_on::password_checks});
  routes.add("GET", "/api/v1/session", guarded([&a](const http::request& r) { return get_session(a, r); }),
             {.where = http::runs_on::writer});
  // Every account, a viewer's too, may end its own session and change its own password.
  const http::route_options own_account{.own_account = true};
  routes.add("DELETE", "/api/v1/session", guarded([&a](const http::request& r) { return delete_session(a, r); }),
             own_account);
  routes.add("POST", "/api/v1/session/password", guarded([&a](const http::request& r) { return post_password(a, r); }),
             {.own_account = true, .where = http::runs_on::password_checks});
  routes.add("GET", "/api/v1/users", guarded([&c, &a](const http::request&) { return list_users(c, a); }), admins);
  routes.add("POST", "/api/v1/users",
             conflicts_answered([&c, &a](const http::request& r) { return post_user(c, a, r); }), admins_hashing);
  routes.add("PUT", "/api/v1/users/{id}",
             conflicts_answered([&c, &a](const http::request& r) { return put_user(c, a, r); }), admins_hashing);
  routes.add("DELETE", "/api/v1/users/{id}",
             conflicts_answered([&a](const http::request& r) { return delete_user(a, r); }), admins);
  routes.add("GET", "/api/v1/tokens", guarded([&a](const http::request&) { return list_tokens(a); }), admins);
  routes.add("POST", "/api/v1/tokens", conflicts_answered([&a](const http::request& r) { return post_token(a, r); }),
             admins);
  routes.add("DELETE", "/api/v1/tokens/{id}", guarded([&a](const http::request& r) { return delete_token(a, r); }),
             admins);
}

}  // namespace siaran::daemon::api
