// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations (docs/api.md "Conversations"): GET /api/v1/inbox/conversations, one row per cadre
// with the inbox's filters, and GET /api/v1/inbox/conversations/{id}, the conversation of incoming
// message {id} both ways, oldest first, a page at a time. An officer's session sees their own
// inbox only (inbox_access.h), and of Siaran's messages their own broadcasts and answers.

#include <charconv>
#include <variant>

#include "daemon/api/api_context.h"
#include "daemon/api/contact_json.h"
#include "daemon/api/inbox_access.h"
#include "daemon/api/inbox_json.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/message_json.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "queue/columns.h"
#include "queue/conversations.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

constexpr int default_items = 50;

json summary_json(const queue::conversation_summary& s) {
  const queue::inbox_entry& last = s.last;
  return {{"id", last.message.id},
          {"contact_id", or_null(last.route.contact_id)},
          {"contact_name", or_null(last.contact_name)},
          {"from", last.message.sender},
          {"desa", or_null(last.desa)},
          {"kecamatan", or_null(last.kecamatan)},
          {"posyandu", or_null(last.posyandu)},
          {"last_message", inbox_entry_json(last)},
          {"messages", s.messages},
          {"unread", s.unread},
          {"answered", last.answer.has_value()}};
}

http::response list(queue::conversation_book& conversations, const http::request& request) {
  queue::inbox_filter filter;
  if (auto refused = read_inbox_filter(request, filter)) return *refused;
  const auto found = conversations.list(filter);
  json rows = json::array();
  for (const auto& summary : found) rows.push_back(summary_json(summary));
  const bool full = static_cast<int>(found.size()) == filter.limit;
  return json_reply(200,
                    {{"conversations", std::move(rows)},
                     {"next_before", full ? json(found.back().last.message.id) : json(nullptr)}});
}

// --- one conversation --------------------------------------------------------------------------

// "<milliseconds>-<in|out>-<id>": where a page of items ends.
std::string cursor_text(const queue::conversation_cursor& c) {
  return std::to_string(queue::millis(c.at)) + (c.outgoing ? "-out-" : "-in-") +
         std::to_string(c.id);
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::optional<queue::conversation_cursor> read_cursor(const http::request& request) {
  const auto found = request.query.find("before");
  if (found == request.query.end()) return std::nullopt;
  const std::string_view text = found->second;
  const auto first = text.find('-');
  const auto second = text.rfind('-');
  const std::string_view direction = text.substr(first + 1, second - first - 1);
  const auto at = whole_number(text.substr(0, first));
  const auto id = whole_number(text.substr(second + 1));
  if (first == second || !at || !id || (direction != "in" && direction != "out")) {
    throw bad_request("before: '" + found->second + "' is not a cursor this conversation gave");
  }
  return queue::conversation_cursor{queue::from_millis(*at), direction == "out", *id};
}

std::string_view kind_name(queue::outgoing_kind kind) {
  switch (kind) {
    case queue::outgoing_kind::broadcast:
      return "broadcast";
    case queue::outgoing_kind::answer:
      return "answer";
    case queue::outgoing_kind::other:
      break;
  }
  return "other";
}

json outgoing_json(const queue::outgoing_sms& sms) {
  return {{"direction", "out"},
          {"id", sms.message_id},
          {"text", sms.text},
          {"at", iso_utc(sms.at)},
          {"state", sms.state},
          {"kind", kind_name(sms.kind)},
          {"broadcast_id", or_null(sms.broadcast_id)},
          {"answers", or_null(sms.answers)},
          {"answered_by", or_null(sms.answered_by)}};
}

json item_json(const queue::conversation_item& item) {
  if (const auto* out = std::get_if<queue::outgoing_sms>(&item)) return outgoing_json(*out);
  const auto& in = std::get<queue::inbox_entry>(item);
  json j = inbox_entry_json(in);
  j["direction"] = "in";
  j["at"] = iso_utc(in.message.received_at);
  return j;
}

http::response read(api_context& c, queue::reply_book& replies,
                    queue::conversation_book& conversations, const http::request& request) {
  const std::int64_t id = path_id(request, "an incoming message");
  const auto entry = replies.find(id);
  if (!entry || !inbox_access_of(request.who).sees(entry->route)) {
    return http::error_response(404, "no incoming message " + std::to_string(id));
  }
  queue::inbox_filter scope;
  if (auto refused = scope_inbox(request, inbox_access_of(request.who), scope)) return *refused;
  const auto limit = static_cast<int>(query_number(request, "limit", default_items, 1, 500));
  queue::conversation_key key{entry->route.contact_id, entry->message.sender};
  std::optional<queue::contact> contact;
  if (key.contact_id) contact = c.contacts.find(*key.contact_id);
  if (contact) key.number = contact->phone;
  const auto page = conversations.read(key, scope, read_cursor(request), limit);
  json items = json::array();
  for (const auto& item : page.items) items.push_back(item_json(item));
  return json_reply(200, {{"contact", contact ? contact_json(*contact) : json(nullptr)},
                          {"number", key.number},
                          {"items", std::move(items)},
                          {"before", page.older ? json(cursor_text(*page.older)) : json(nullptr)}});
}

}  // namespace

void add_conversation_routes(http::router& routes, api_context& c, queue::reply_book& replies,
                             queue::conversation_book& conversations) {
  routes.add("GET", "/api/v1/inbox/conversations",
             guarded([&conversations](const http::request& r) { return list(conversations, r); }));
  routes.add("GET", "/api/v1/inbox/conversations/{id}",
             guarded([&c, &replies, &conversations](const http::request& r) {
               return read(c, replies, conversations, r);
             }));
}

}  // namespace siaran::daemon::api
