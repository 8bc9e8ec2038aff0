// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/inbox/reply_router.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "common/log_text.h"
#include "common/redaction.h"
#include "daemon/compose.h"
#include "daemon/inbox/forwarding.h"
#include "sms/phone_number.h"

namespace siaran::daemon::inbox {
std::int64_t queue_reply(queue::message_queue& messages, const std::string& to, const std::string& text, queue::timestamp now,
                         std::chrono::seconds valid_for, bool report, concat_reference_allocator& references) {
  outgoing_text out;
  out.to = to;
  out.text = text;
  out.priority = reply_priority;
  out.now = out.send_at = now;
  out.valid_for = valid_for;
  out.report = report;
  return messages.enqueue(compose(out, references).message).id;
}

bool answerable(std::string_view sender) {
  if (!sender.empty() && sender.front() == '+') sender.remove_prefix(1);
  return sender.size() >= 5 && std::ranges::all_of(sender, [](char c) { return c >= '0' && c <= '9'; });
}

queue::reply_route route_of(const reply_origin& origin, const std::optional<keyword_match>& keyword) {
  queue::reply_route route;
  if (origin.contact) route.contact_id = origin.contact->id;
  if (origin.broadcast) {
    route.broadcast_id = origin.broadcast->broadcast_id;
    route.officer_id = origin.broadcast->officer_id;
  }
  if (keyword) route.keyword = keyword->word;
  return route;
}

reply_router::reply_router(queue::message_queue& messages, queue::contact_book& contacts,
                           queue::broadcast_book& broadcasts, queue::event_book& events, queue::reply_book& replies,
                           queue::verification_book& verifications, std::function<void()> queued,
                           reply_settings settings, const current_keywords& keywords,
                           concat_reference_allocator& references, sms_reports::report_intake& reports)
    : messages_(messages),
      contacts_(contacts),
      broadcasts_(broadcasts),
      replies_(replies),
      verifications_(verifications),
      actions_(contacts, events, replies),
      keywords_(keywords),
      queued_(std::move(queued)),
      settings_(std::move(settings)),
      concat_references_(references),
      reports_(reports) {}

void reply_router::route(std::int64_t incoming_id, queue::timestamp now) {
  try {
    const auto entry = replies_.find(incoming_id);
    // An undecodable message has no sender or text to route by; it stays in the general inbox.
    if (!entry || entry->message.decode_error) return;
    const reply_origin origin = find_origin(*entry);
    const std::shared_ptr<const keyword_setup> keywords = keywords_.now();
    auto keyword = keywords->table.recognise(entry->message.text, settings_.region);
    if (keyword && !applies(*keyword, origin)) keyword.reset();
    // A report is for the district's tables, not a conversation: it is answered, never forwarded.
    std::optional<sms_reports::report_taken> report;
    if (!keyword) report = reports_.take(incoming_id, origin.contact, entry->message.text, origin.at);
    queue::reply_route route = route_of(origin, keyword);
    if (report) route.keyword = report->form;
    replies_.route(incoming_id, route);
    confirm_number(origin, keyword);
    spdlog::info("incoming {} from {}: {}{}", incoming_id, common::redacted_number(entry->message.sender),
                 route.officer_id ? "to officer " + std::to_string(*route.officer_id) : std::string("general inbox"),
                 route.keyword ? ", keyword " + common::log_text(*route.keyword) : std::string());
    if (!answerable(entry->message.sender)) return;
    if (keyword) send(entry->message.sender, actions_.apply(*keyword, origin, keywords->settings.answers), now);
    if (report) send(entry->message.sender, report->answer, now);
    if (!report && worth_forwarding(keyword)) forward(origin, entry->message.text, now);
  } catch (const std::exception& e) {
    spdlog::error("routing incoming message {}: {}", incoming_id, e.what());
  }
}

reply_origin reply_router::find_origin(const queue::inbox_entry& entry) {
  reply_origin origin{entry.message.id, std::nullopt, std::nullopt, std::nullopt,
                      entry.message.received_at, std::nullopt};
  if (!answerable(entry.message.sender)) return origin;
  try {
    origin.number = normalize_phone_number(entry.message.sender, settings_.region);
  } catch (const phone_number_error&) {
    // A short code or service number: it is answered, but cannot be a cadre's new SIM.
  }
  origin.contact = contacts_.find_by_phone(entry.message.sender);
  if (origin.contact) {
    origin.broadcast = broadcasts_.latest_reaching(origin.contact->id, entry.message.received_at - settings_.reply_window);
  }
  if (origin.broadcast) origin.number_check = number_check_of(*origin.broadcast, entry.message.received_at);
  return origin;
}

std::optional<number_check_answer> reply_router::number_check_of(const queue::broadcast_ref& broadcast,
                                                                 queue::timestamp at) {
  const auto campaign = verifications_.for_broadcast(broadcast.broadcast_id);
  if (!campaign) return std::nullopt;
  return number_check_answer{campaign->id, !campaign->closed_at && at <= campaign->ends_at};
}

void reply_router::confirm_number(const reply_origin& origin, const std::optional<keyword_match>& keyword) {
  if (!origin.contact || (keyword && keyword->kind == keyword_kind::change_number)) return;
  std::optional<std::int64_t> answered;
  if (origin.number_check && origin.number_check->in_window) answered = origin.number_check->campaign_id;
  verifications_.confirm(origin.contact->id, origin.at, answered);
  if (answered) {
    spdlog::info("incoming {}: contact {} confirmed their number (cek nomor {})", origin.incoming_id,
                 origin.contact->id, *answered);
  }
}

void reply_router::forward(const reply_origin& origin, const std::string& text, queue::timestamp now) {
  if (!origin.contact || !origin.broadcast || !origin.broadcast->officer_id) return;
  const auto officer = contacts_.find_officer(*origin.broadcast->officer_id);
  if (!officer || !officer->forward_sms || !officer->phone) return;
  send(*officer->phone, forwarded_text(*origin.contact, text), now);
  spdlog::info("incoming {}: forwarded to officer {}", origin.incoming_id, officer->id);
}

void reply_router::send(const std::string& to, const std::string& text, queue::timestamp now) {
  queue_reply(messages_, to, text, now, settings_.valid_for, settings_.delivery_reports, concat_references_);
  queued_();
}

}  // namespace siaran::daemon::inbox
