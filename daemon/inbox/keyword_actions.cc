// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/inbox/keyword_actions.h"

#include <spdlog/spdlog.h>

#include "daemon/inbox/confirmations.h"

namespace siaran::daemon::inbox {
namespace {

bool is_rsvp(keyword_kind kind) { return kind == keyword_kind::attend || kind == keyword_kind::decline; }

std::string unknown_sender_answer(keyword_kind kind) {
  switch (kind) {
    case keyword_kind::stop:
      return std::string(confirmations::unknown_stop);
    case keyword_kind::start:
      return std::string(confirmations::unknown_start);
    default:
      return std::string(confirmations::unknown_change_number);
  }
}

}  // namespace

bool applies(const keyword_match& keyword, const reply_origin& origin) {
  if (!is_rsvp(keyword.kind)) return true;
  if (!origin.contact || !origin.broadcast) return false;
  if (keyword.kind == keyword_kind::attend && origin.number_check) return true;
  return origin.broadcast->event_id.has_value();
}

keyword_actions::keyword_actions(queue::contact_book& contacts, queue::event_book& events, queue::reply_book& replies)
    : contacts_(contacts), events_(events), replies_(replies) {}

std::string keyword_actions::apply(const keyword_match& keyword, const reply_origin& origin,
                                   const keyword_answers& answers) {
  if (keyword.kind == keyword_kind::auto_reply) return keyword.answer;
  if (!origin.contact && keyword.kind == keyword_kind::change_number && origin.number) {
    return change_from_new_sim(keyword, origin);
  }
  if (!origin.contact) return unknown_sender_answer(keyword.kind);
  switch (keyword.kind) {
    case keyword_kind::stop:
      contacts_.set_opted_out(origin.contact->id, true, origin.at);
      spdlog::info("incoming {}: contact {} opted out", origin.incoming_id, origin.contact->id);
      return answers.stop;
    case keyword_kind::start:
      contacts_.set_opted_out(origin.contact->id, false, origin.at);
      spdlog::info("incoming {}: contact {} opted back in", origin.incoming_id, origin.contact->id);
      return answers.start;
    case keyword_kind::change_number:
      return change_number(keyword, origin);
    case keyword_kind::attend:
      if (origin.number_check) return std::string(confirmations::number_confirmed);
      return rsvp(keyword, origin, answers);
    case keyword_kind::decline:
      return rsvp(keyword, origin, answers);
    case keyword_kind::auto_reply:
      break;
  }
  return {};
}

std::string keyword_actions::change_number(const keyword_match& keyword, const reply_origin& origin) {
  if (!keyword.number) return std::string(confirmations::change_number_unreadable);
  const std::int64_t id = replies_.add_number_change(
      {0, origin.contact->id, origin.contact->phone, *keyword.number, origin.incoming_id,
       queue::change_state::pending, origin.at, std::nullopt, false, std::nullopt});
  spdlog::info("incoming {}: contact {} asks for a new number (change {}, pending)", origin.incoming_id,
               origin.contact->id, id);
  return confirmations::change_number_received(*keyword.number);
}

// The sender is the new number; the contact is who the old number or the name points to, if
// exactly one: otherwise the officer chooses from the pending change.
std::string keyword_actions::change_from_new_sim(const keyword_match& keyword, const reply_origin& origin) {
  if (!keyword.number && !keyword.name) return std::string(confirmations::unknown_change_number);
  std::optional<std::int64_t> contact_id;
  if (keyword.number) {
    if (const auto owner = contacts_.find_by_phone(*keyword.number)) contact_id = owner->id;
  } else {
    contact_id = only_contact_named(*keyword.name);
  }
  const std::int64_t id = replies_.add_number_change(
      {0, contact_id, keyword.number, *origin.number, origin.incoming_id, queue::change_state::pending, origin.at,
       std::nullopt, true, keyword.name});
  spdlog::info("incoming {}: a new SIM asks to take over {} (change {}, pending)", origin.incoming_id,
               contact_id ? "contact " + std::to_string(*contact_id) : std::string("a contact to choose"), id);
  return std::string(confirmations::change_awaiting_secretariat);
}

std::optional<std::int64_t> keyword_actions::only_contact_named(const std::string& name) {
  queue::contact_filter filter;
  filter.text = name;
  const auto named = contacts_.list(filter, 0, 2);
  if (named.size() != 1) return std::nullopt;
  return named.front().id;
}

std::string keyword_actions::rsvp(const keyword_match& keyword, const reply_origin& origin,
                                  const keyword_answers& answers) {
  const bool attending = keyword.kind == keyword_kind::attend;
  events_.record_rsvp(*origin.broadcast->event_id, origin.contact->id,
                      attending ? queue::rsvp_answer::attending : queue::rsvp_answer::declining,
                      origin.incoming_id, origin.at);
  return attending ? answers.attend : answers.decline;
}

}  // namespace siaran::daemon::inbox
