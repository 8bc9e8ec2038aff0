// SPDX-License-Identifier: GPL-3.0-or-later
// The inbox and replies (docs/api.md "Inbox and replies"): GET /api/v1/inbox[/unread],
// POST /api/v1/inbox/{id}/read|reply (an officer's session: their own inbox only, inbox_access.h),
// and the number changes cadres ask for with GANTI:
// GET /api/v1/contacts/changes, POST /api/v1/contacts/changes/{id}/approve|reject; both numbers
// are told what was decided.

#include <spdlog/spdlog.h>

#include <utility>
#include <variant>

#include "common/log_text.h"
#include "daemon/api/api_context.h"
#include "daemon/api/contact_json.h"
#include "daemon/api/inbox_access.h"
#include "daemon/api/inbox_json.h"
#include "daemon/api/officer_scope.h"
#include "daemon/api/signing_officer.h"
#include "daemon/api/iso_time.h"
#include "daemon/api/json_fields.h"
#include "daemon/api/message_json.h"
#include "daemon/api/path_id.h"
#include "daemon/api/request_helpers.h"
#include "daemon/compose.h"
#include "daemon/inbox/confirmations.h"
#include "daemon/inbox/reply_router.h"

namespace siaran::daemon::api {
namespace {

using nlohmann::json;

// The contacts a change by name offers at most; a name more common than that needs a better one.
constexpr int max_candidates = 20;

json evidence_json(const queue::delivery_evidence& e) {
  return {{"messages", e.messages},
          {"delivered", e.delivered},
          {"failed", e.failed},
          {"undelivered", e.undelivered},
          {"unknown", e.unknown}};
}

// A change asked by a name no single contact has offers the contacts with that name to choose.
json candidates_json(api_context& c, const queue::listed_number_change& change) {
  json list = json::array();
  if (change.contact_id || !change.asked_name) return list;
  queue::contact_filter filter;
  filter.text = change.asked_name;
  for (const auto& contact : c.contacts.list(filter, 0, max_candidates)) list.push_back(contact_json(contact));
  return list;
}

json change_json(api_context& c, const queue::listed_number_change& change) {
  return {{"id", change.id},
          {"contact_id", or_null(change.contact_id)},
          {"contact_name", or_null(change.contact_name)},
          {"old_phone", or_null(change.old_phone)},
          {"new_phone", change.new_phone},
          {"from_new_sim", change.from_new_sim},
          {"asked_name", or_null(change.asked_name)},
          {"incoming_id", or_null(change.incoming_id)},
          {"message", or_null(change.message)},
          {"received_at", change.received_at ? json(iso_utc(*change.received_at)) : json(nullptr)},
          {"evidence", evidence_json(change.evidence)},
          {"candidates", candidates_json(c, change)},
          {"state", queue::to_string(change.state)},
          {"created_at", iso_utc(change.created_at)},
          {"decided_at", change.decided_at ? json(iso_utc(*change.decided_at)) : json(nullptr)}};
}

template <class Record, class ToJson>
http::response array_reply(const std::vector<Record>& found, ToJson to_json) {
  json list = json::array();
  for (const Record& record : found) list.push_back(to_json(record));
  return json_reply(200, list);
}

// Oldest first after ?after (as before paging existed), or newest first below ?before.
bool newest_first(const http::request& request) {
  const auto order = request.query.find("order");
  if (order == request.query.end()) return request.query.contains("before");
  if (order->second != "oldest" && order->second != "newest") {
    throw bad_request("order: '" + order->second + "' is neither oldest nor newest");
  }
  return order->second == "newest";
}

http::response inbox(queue::reply_book& replies, const http::request& request) {
  queue::inbox_filter filter;
  if (auto refused = read_inbox_filter(request, filter)) return *refused;
  if (const auto found = request.query.find("since"); found != request.query.end()) {
    const auto parsed = parse_iso(found->second);
    if (!parsed) throw bad_request("since: '" + found->second + "' is not an ISO 8601 time with its offset");
    filter.since = *parsed;
  }
  filter.after_id = query_number(request, "after", 0, 0, INT64_MAX);
  filter.newest_first = newest_first(request);
  return array_reply(replies.inbox(filter), inbox_entry_json);
}

http::response unread(queue::reply_book& replies, const http::request& request) {
  const queue::unread_counts counts = inbox_access_of(request.who).visible(replies.unread());
  json by_officer = json::object();
  for (const auto& [officer, n] : counts.by_officer) by_officer[std::to_string(officer)] = n;
  return json_reply(200, {{"total", counts.total}, {"general", counts.general}, {"by_officer", std::move(by_officer)}});
}

// The incoming message `id`, which the request is to change (officer_scope.h: another
// officer's is forbidden); nothing when there is none.
std::optional<queue::inbox_entry> changeable_entry(queue::reply_book& replies, const http::request& request,
                                                   std::int64_t id) {
  auto entry = replies.find(id);
  if (entry) require_change(request.who, entry->route.officer_id, "incoming message " + std::to_string(id));
  return entry;
}

http::response mark_read(api_context& c, queue::reply_book& replies, const http::request& request) {
  const std::int64_t id = path_id(request, "an incoming message");
  if (!changeable_entry(replies, request, id)) {
    return http::error_response(404, "no incoming message " + std::to_string(id));
  }
  replies.mark_read(id, c.now());  // read before: its first reading stays
  http::response done;
  done.status = 204;
  return done;
}

// Queues `text` to `to` now, ahead of broadcasts, and wakes the dispatcher.
std::int64_t queue_text(api_context& c, const std::string& to, const std::string& text) {
  const std::int64_t id =
      inbox::queue_reply(c.messages, to, text, c.now(), c.valid_for, c.delivery_reports, c.concat_references);
  c.queued();
  return id;
}

std::string reply_text(const json& body) {
  if (!body.is_object()) throw bad_request("the body must be {\"text\": \"...\"} with a non-empty text");
  return required_string(body, "text");
}

// The officer who owns the reply signs the answer with their sender tag, as their broadcast; the
// message is then answered, by whoever sent it.
http::response reply(api_context& c, queue::reply_book& replies, const http::request& request) {
  const std::int64_t id = path_id(request, "an incoming message");
  std::string text = reply_text(json_body(request));
  const auto entry = changeable_entry(replies, request, id);
  if (!entry) return http::error_response(404, "no incoming message " + std::to_string(id));
  if (request.who.own_only()) signing_officer(c, request.who, std::nullopt);
  if (!inbox::answerable(entry->message.sender)) {
    return http::error_response(422, "incoming message " + std::to_string(id) + " has no phone number to answer");
  }
  if (entry->route.officer_id) {
    const auto officer = c.contacts.find_officer(*entry->route.officer_id);
    if (officer) text = with_sender_tag(std::move(text), officer->sender_tag);
  }
  const std::int64_t message_id = queue_text(c, entry->message.sender, text);
  replies.record_answer(id, {request.who.name, c.now(), message_id});
  spdlog::info("reply to incoming {} queued as message {} by token {}", id, message_id,
               common::log_text(request.who.name));
  return json_reply(202, {{"id", message_id}});
}

http::response list_changes(api_context& c, queue::reply_book& replies, const http::request& request) {
  std::optional<queue::change_state> state;
  if (const auto found = request.query.find("state"); found != request.query.end()) {
    state = queue::parse_change_state(found->second);
    if (!state) throw bad_request("state: '" + found->second + "' is not one of pending, approved, rejected");
  }
  const auto after = query_number(request, "after", 0, 0, INT64_MAX);
  const auto limit = static_cast<int>(query_number(request, "limit", 100, 1, 1000));
  return array_reply(replies.number_changes(state, after, limit),
                     [&c](const queue::listed_number_change& change) { return change_json(c, change); });
}

// The pending change `id`, or the answer when there is none.
std::variant<queue::listed_number_change, http::response> pending_change(queue::reply_book& replies,
                                                                        const http::request& request) {
  const std::int64_t id = path_id(request, "a number change");
  auto change = replies.find_number_change(id);
  if (!change) return http::error_response(404, "no number change " + std::to_string(id));
  if (change->state != queue::change_state::pending) {
    return http::error_response(409, "number change " + std::to_string(id) + " is already " +
                                         std::string(queue::to_string(change->state)));
  }
  return *std::move(change);
}

// The contact the officer chose ({"contact_id": N}, needed when the change has none), else the
// change's own.
std::optional<std::int64_t> contact_to_approve(const http::request& request, const queue::number_change& change) {
  if (request.body.empty()) return change.contact_id;
  const auto chosen = field_integer(json_body(request), "contact_id", id_range);
  return chosen ? chosen : change.contact_id;
}

// The change's number replaces the contact's, unless another contact has it (409); the cadre
// hears it on both numbers.
http::response approve_change(api_context& c, queue::reply_book& replies, const http::request& request) {
  auto found = pending_change(replies, request);
  if (auto* refused = std::get_if<http::response>(&found)) return std::move(*refused);
  const auto& change = std::get<queue::listed_number_change>(found);
  const auto contact_id = contact_to_approve(request, change);
  if (!contact_id) throw bad_request("contact_id: choose the contact whose number this is");
  auto contact = c.contacts.find(*contact_id);
  if (!contact) return http::error_response(404, "no contact " + std::to_string(*contact_id));
  if (const auto owner = c.contacts.find_by_phone(change.new_phone); owner && owner->id != contact->id) {
    return http::error_response(409, "the new number belongs to contact " + std::to_string(owner->id));
  }
  const std::string old_phone = std::exchange(contact->phone, change.new_phone);
  const queue::timestamp now = c.now();
  try {
    c.contacts.update(*contact, now);
  } catch (const queue::store_error& e) {
    return http::error_response(409, std::string("changing the number: ") + e.what());
  }
  replies.decide_number_change(change.id, queue::change_state::approved, now,
                               queue::chosen_contact{contact->id, old_phone});
  // The new number's confirmation and mark went with the old one; a change asked from the new
  // SIM showed that number live, which is its confirmation.
  if (change.from_new_sim) c.verifications->confirm(contact->id, change.created_at, std::nullopt);
  queue_text(c, change.new_phone, inbox::confirmations::number_changed(change.new_phone));
  if (old_phone != change.new_phone) queue_text(c, old_phone, inbox::confirmations::number_moved(change.new_phone));
  spdlog::info("number change {} approved: contact {} has a new number", change.id, contact->id);
  return json_reply(200, change_json(c, *replies.find_number_change(change.id)));
}

// The new number hears that it was not.
http::response reject_change(api_context& c, queue::reply_book& replies, const http::request& request) {
  auto found = pending_change(replies, request);
  if (auto* refused = std::get_if<http::response>(&found)) return std::move(*refused);
  const auto& change = std::get<queue::listed_number_change>(found);
  if (!replies.decide_number_change(change.id, queue::change_state::rejected, c.now())) {
    return http::error_response(409, "number change " + std::to_string(change.id) + " was decided meanwhile");
  }
  queue_text(c, change.new_phone, inbox::confirmations::change_rejected(change.new_phone));
  return json_reply(200, change_json(c, *replies.find_number_change(change.id)));
}

}  // namespace

void add_inbox_routes(http::router& routes, api_context& c, queue::reply_book& replies) {
  routes.add("GET", "/api/v1/inbox", guarded([&replies](const http::request& r) { return inbox(replies, r); }));
  // Before any /api/v1/inbox/{id} route could take "unread" for an id.
  routes.add("GET", "/api/v1/inbox/unread", guarded([&replies](const http::request& r) { return unread(replies, r); }));
  routes.add("POST", "/api/v1/inbox/{id}/read",
             guarded([&c, &replies](const http::request& r) { return mark_read(c, replies, r); }));
  routes.add("POST", "/api/v1/inbox/{id}/reply",
             guarded([&c, &replies](const http::request& r) { return reply(c, replies, r); }));
  routes.add("GET", "/api/v1/contacts/changes",
             guarded([&c, &replies](const http::request& r) { return list_changes(c, replies, r); }));
  routes.add("POST", "/api/v1/contacts/changes/{id}/approve",
             guarded([&c, &replies](const http::request& r) { return approve_change(c, replies, r); }));
  routes.add(
      "POST", "/api/v1/contacts/changes/{id}/reject",
      guarded([&c, &replies](const http::request& r) { return reject_change(c, replies, r); }));
}

}  // namespace siaran::daemon::api
