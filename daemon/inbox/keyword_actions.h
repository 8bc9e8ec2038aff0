// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a keyword does, and the answer the cadre gets (confirmations.h):
//   stop            the contact is opted out of broadcasts;
//   start           opted back in;
//   change_number   a pending number change for an officer to approve (the number is not
//                   changed on the cadre's word alone: anyone holding the phone could send it),
//                   from the old SIM (GANTI <new number>) or from the new one, naming the old
//                   number or the cadre's name (GANTI <old number>, GANTI <nama>);
//   attend/decline  an RSVP on the event whose reminder reached them; an attend word (YA) that
//                   answers a "cek nomor" campaign is the answer it asked for, thanked as such
//                   (the number itself is confirmed by reply_router, for any reply).
//   auto_reply      nothing: it is only answered, with its fixed text, whoever sent it.
// A number we have no contact for cannot be opted in or out: it is told so politely (it may be a
// cadre the secretariat has not entered yet), and nothing is stored.

#include <cstdint>
#include <optional>
#include <string>

#include "daemon/inbox/keyword_settings.h"
#include "daemon/inbox/keywords.h"
#include "queue/broadcasts.h"
#include "queue/contacts.h"
#include "queue/events.h"
#include "queue/replies.h"

namespace siaran::daemon::inbox {

// The "cek nomor" campaign whose broadcast a reply answers (queue/verifications.h).
struct number_check_answer {
  std::int64_t campaign_id = 0;
  bool in_window = false;  // before the window ended and the campaign closed: its answer
};

// Who a reply came from and what it answers, as routing found them.
struct reply_origin {
  std::int64_t incoming_id = 0;
  std::optional<std::string> number;  // the sender's, E.164, when it is a phone number
  std::optional<queue::contact> contact;
  std::optional<queue::broadcast_ref> broadcast;
  queue::timestamp at{};
  std::optional<number_check_answer> number_check;
};

// The answers for stop, start, attend and decline are the current settings' (keyword_settings.h).
// Whether the keyword means something here: HADIR/YA/TIDAK only answer an event reminder, and
// HADIR/YA a "cek nomor" (elsewhere "Ya" is ordinary conversation for the officer).
bool applies(const keyword_match& keyword, const reply_origin& origin);

class keyword_actions {
 public:
  keyword_actions(queue::contact_book& contacts, queue::event_book& events, queue::reply_book& replies);

  // Does what the keyword asks; the answer for the sender, from `answers` where it is one of them.
  std::string apply(const keyword_match& keyword, const reply_origin& origin,
                    const keyword_answers& answers);

 private:
  std::string change_number(const keyword_match& keyword, const reply_origin& origin);
  std::string change_from_new_sim(const keyword_match& keyword, const reply_origin& origin);
  std::optional<std::int64_t> only_contact_named(const std::string& name);
  std::string rsvp(const keyword_match& keyword, const reply_origin& origin,
                   const keyword_answers& answers);

  queue::contact_book& contacts_;
  queue::event_book& events_;
  queue::reply_book& replies_;
};

}  // namespace siaran::daemon::inbox
