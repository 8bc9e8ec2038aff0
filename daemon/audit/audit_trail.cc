// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/audit/audit_trail.h"

#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>

#include "daemon/store_thread.h"

namespace siaran::daemon::audit {
namespace {

using nlohmann::json;

constexpr std::string_view login_route = "/api/v1/session";
// Bodies larger than these are not parsed on the I/O thread: a login that large is no login,
// and an answer that large (an import's review) loses only its numbers.
constexpr std::size_t max_login_body = 4 * 1024;
constexpr std::size_t max_parsed_answer = 64 * 1024;
// The numbers of an answer worth keeping: what was made and how much. Only numbers, so that no
// text of a contact, a message or a token can reach the log.
constexpr std::array kept_numbers = {"id", "parts", "recipients", "imported", "updated", "new", "unchanged"};

bool is_login(const http::request& in) { return in.method == "POST" && in.route == login_route; }

// The text as a JSON object, or null (on which find() answers end()) when it is none or too long.
json parsed(const std::string& text, std::size_t limit) {
  if (text.size() > limit) return json();
  json out = json::parse(text, nullptr, false);
  return out.is_object() ? out : json();
}

std::string text_at(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::optional<std::string> target_of(const http::request& in) {
  if (in.params.empty()) return std::nullopt;
  const auto id = in.params.find("id");
  return id != in.params.end() ? id->second : in.params.begin()->second;
}

// ": id 17, parts 2", or "" when the answer is no success or holds none of kept_numbers.
std::string numbers_of(const http::response& out) {
  if (out.status < 200 || out.status > 299) return {};
  const json answer = parsed(out.body, max_parsed_answer);
  std::string text;
  for (const char* key : kept_numbers) {
    const auto found = answer.find(key);
    if (found == answer.end() || !found->is_number_integer()) continue;
    text += (text.empty() ? ": " : ", ") + std::string(key) + " " + std::to_string(found->get<std::int64_t>());
  }
  return text;
}

// The name tried, and on success who logged in (the answer's user, never its CSRF token).
void fill_login(queue::audit_entry& e, const http::request& in, const http::response& out) {
  e.actor = text_at(parsed(in.body, max_login_body), "name");
  e.summary = out.status == 200 ? "login" : "login refused";
  if (out.status != 200) return;
  const json answer = parsed(out.body, max_parsed_answer);
  const auto found = answer.find("user");
  if (found == answer.end() || !found->is_object()) return;
  const json& user = *found;
  e.actor = text_at(user, "name");
  e.role = text_at(user, "role");
  if (const auto id = user.find("id"); id != user.end() && id->is_number_integer()) e.user_id = id->get<std::int64_t>();
}

}  // namespace

std::optional<queue::audit_entry> audit_entry_of(const http::request& in, const http::response& out,
                                                 queue::timestamp at) {
  const bool login_checked = is_login(in) && (out.status == 200 || out.status == 401);
  if (in.who.name.empty() && !login_checked) return std::nullopt;
  queue::audit_entry e;
  e.at = at;
  e.address = in.remote_address;
  e.method = in.method;
  e.route = in.route;
  e.target = target_of(in);
  e.status = out.status;
  if (login_checked) {
    fill_login(e, in, out);
    return e;
  }
  e.actor = in.who.name;
  e.user_id = in.who.user_id;
  e.role = std::string(http::role_name(in.who.level));
  e.summary = in.method + " " + in.path + numbers_of(out);
  return e;
}

http::answer_observer audit_trail(store_thread& writer, queue::audit_book& book, clock now) {
  return [&writer, &book, now = std::move(now)](const http::request& in, const http::response& out) {
    std::optional<queue::audit_entry> entry = audit_entry_of(in, out, now());
    if (!entry) return;
    writer.post("recording an audit log entry", [&book, e = std::move(*entry)] { book.record(e); });
  };
}

}  // namespace siaran::daemon::audit
