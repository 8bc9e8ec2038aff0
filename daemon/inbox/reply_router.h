// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Two-way inbox routing (DESIGN.md "Replies find their officer"): each incoming SMS,
// once stored whole, is linked to its sender's contact and to the most recent broadcast that
// reached that contact within inbox.reply_window, whose officer's inbox it goes to (unknown
// sender or no broadcast: the general inbox). A keyword acts and is answered (keyword_actions.h);
// a reply routed to an officer with a phone and forward_sms is forwarded there (forwarding.h).
// A message that is no keyword but starts with a report form's code is a cadre's monthly report
// (sms_reports/report_intake.h): stored and answered, never forwarded.
// Any reply of a contact but a GANTI shows the number is live and confirms it
// (queue/verifications.h): within a "cek nomor" window it is the campaign's answer; later, or
// to any other broadcast, it is as good evidence that the SIM is in use and read, and it clears
// a mark the campaign left. A GANTI says the number is being left, so it confirms nothing.
// Everything it sends is an ordinary queued message at reply_priority.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/concat_references.h"
#include "daemon/inbox/current_keywords.h"
#include "daemon/inbox/keyword_actions.h"
#include "daemon/inbox/keywords.h"
#include "daemon/sms_reports/report_intake.h"
#include "queue/broadcasts.h"
#include "queue/contacts.h"
#include "queue/events.h"
#include "queue/message_queue.h"
#include "queue/replies.h"
#include "queue/verifications.h"

namespace siaran::daemon::inbox {

// Answers and forwards go before broadcasts: a cadre waits for the one, an officer for the other.
inline constexpr int reply_priority = 80;

struct reply_settings {
  std::string region = "ID";
  std::chrono::seconds reply_window{7 * 24 * 3600};
  std::chrono::seconds valid_for{48 * 3600};
  bool delivery_reports = true;  // answers and forwards ask for a status report too
};

// Queues `text` to `to` now at reply_priority (durable when it returns); returns its message id.
// The caller wakes the dispatcher.
std::int64_t queue_reply(queue::message_queue& messages, const std::string& to, const std::string& text, queue::timestamp now,
                         std::chrono::seconds valid_for, bool report, concat_reference_allocator& references);

// Only a phone number can be answered or matched to a contact: an alphanumeric sender
// ("TELKOMSEL") cannot, and answering it would at best cost an SMS.
bool answerable(std::string_view sender);

// The pure rule: the contact, the broadcast (its officer) and the keyword make the route.
queue::reply_route route_of(const reply_origin& origin, const std::optional<keyword_match>& keyword);

class reply_router {
 public:
  // `queued` is called after anything was queued (the dispatcher's queued()); `keywords` are
  // read afresh for every reply.
  reply_router(queue::message_queue& messages, queue::contact_book& contacts, queue::broadcast_book& broadcasts,
               queue::event_book& events, queue::reply_book& replies, queue::verification_book& verifications,
               std::function<void()> queued, reply_settings settings, const current_keywords& keywords,
               concat_reference_allocator& references, sms_reports::report_intake& reports);

  // Routes the stored incoming message `incoming_id`, acts on its keyword and answers, forwards
  // it. Errors are logged, never thrown: the message itself is safely stored already.
  void route(std::int64_t incoming_id, queue::timestamp now);

 private:
  reply_origin find_origin(const queue::inbox_entry& entry);
  std::optional<number_check_answer> number_check_of(const queue::broadcast_ref& broadcast, queue::timestamp at);
  void confirm_number(const reply_origin& origin, const std::optional<keyword_match>& keyword);
  void forward(const reply_origin& origin, const std::string& text, queue::timestamp now);
  void send(const std::string& to, const std::string& text, queue::timestamp now);

  queue::message_queue& messages_;
  queue::contact_book& contacts_;
  queue::broadcast_book& broadcasts_;
  queue::reply_book& replies_;
  queue::verification_book& verifications_;
  keyword_actions actions_;
  const current_keywords& keywords_;
  std::function<void()> queued_;
  reply_settings settings_;
  concat_reference_allocator& concat_references_;
  sms_reports::report_intake& reports_;
};

}  // namespace siaran::daemon::inbox
